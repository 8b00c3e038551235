import {
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { useCommonStyles } from "../styles";
import type { CreateResult, ScoreResult } from "../services/types";
import type { CriterionScore, Evidence, Override, PlanScore } from "../../core/rubric";
import { isRubricError, ELEMENT_BY_ID } from "../../core/rubric";
import type { Lang } from "../i18n";
import { XlsxFileInput } from "./XlsxFileInput";

const useStyles = makeStyles({
  criteria: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  criterion: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  overridden: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  scores: {
    display: "flex",
    columnGap: tokens.spacingHorizontalL,
    flexWrap: "wrap",
    margin: 0,
  },
  scorePair: { display: "flex", columnGap: tokens.spacingHorizontalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  total: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  overrideNote: { margin: 0, color: tokens.colorBrandForeground1 },
  overrideForm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

/** One line of evidence: where (cell or plan elements), what was found, and the engine's note. */
function evidenceText(e: Evidence, lang: Lang): string {
  const where =
    e.ref ??
    (e.elements ?? []).map((id) => ELEMENT_BY_ID[id].name[lang]).join(lang === "zh-CN" ? "、" : ", ");
  const value = e.value === undefined ? "" : ` (${e.value})`;
  return `${where ? `${where}: ` : ""}${e.note[lang]}${value}`;
}

/** In Excel an evidence cell is a link that selects it in the sheet. */
function EvidenceLink(props: { evidence: Evidence; select: (ref: string) => Promise<void> }): ReactElement {
  const { t, lang, reportError } = usePane();
  const ref = props.evidence.ref ?? "";
  return (
    <>
      <Link
        as="button"
        inline
        onClick={() => void props.select(ref).catch(reportError)}
        title={t.goToCell}
        data-testid="evidence-link"
        data-ref={ref}
      >
        {ref}
      </Link>
      {`: ${props.evidence.note[lang]}${props.evidence.value === undefined ? "" : ` (${props.evidence.value})`}`}
    </>
  );
}

function OverrideForm(props: {
  criterion: CriterionScore;
  current: Override | undefined;
  /** Returns the engine's reason when it refuses the override. */
  onApply: (score: string, reason: string) => Promise<string | null>;
  onCancel: () => void;
}): ReactElement {
  const { t } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const [score, setScore] = useState(props.current ? String(props.current.score) : "");
  const [reason, setReason] = useState(props.current?.reason ?? "");
  const [refusal, setRefusal] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className={styles.overrideForm}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The services read the number and the engine checks the range and the reason; the refusal is
        // shown beside the form.
        void props.onApply(score, reason).then(setRefusal);
      }}
    >
      <Field label={t.overrideScore} validationState={refusal ? "error" : "none"}>
        <Input
          ref={first}
          inputMode="decimal"
          value={score}
          onChange={(_, d) => setScore(d.value)}
          name={`override-score-${props.criterion.id}`}
        />
      </Field>
      <Field
        label={t.overrideReason}
        validationState={refusal ? "error" : "none"}
        validationMessage={refusal ?? undefined}
      >
        <Input
          value={reason}
          onChange={(_, d) => setReason(d.value)}
          name={`override-reason-${props.criterion.id}`}
        />
      </Field>
      <div className={common.row}>
        <Button type="submit" appearance="primary">
          {t.applyOverride}
        </Button>
        <Button onClick={props.onCancel}>{t.cancel}</Button>
      </div>
    </form>
  );
}

function Criterion(props: {
  criterion: CriterionScore;
  override: Override | undefined;
  onChange: (value: string | null, reason: string) => Promise<string | null>;
}): ReactElement {
  const { t, lang, services } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const { criterion: c, override: o } = props;
  const [editing, setEditing] = useState(false);
  const overrideButton = useRef<HTMLButtonElement>(null);
  const closeEditor = (): void => {
    setEditing(false);
    setTimeout(() => overrideButton.current?.focus(), 0);
  };
  const name = c.name[lang];
  return (
    <li
      className={o ? mergeClasses(styles.criterion, styles.overridden) : styles.criterion}
      data-criterion={c.id}
    >
      <h3 className={common.subheading}>
        {c.id}. {name}
      </h3>
      <dl className={styles.scores}>
        <div className={styles.scorePair}>
          <dt className={styles.term}>{t.autoScore}:</dt>
          <dd className={styles.value} data-testid="auto-score" data-score={c.auto}>
            {c.auto} / 5{c.needsPerson ? ` · ${t.needsPerson}` : ""}
          </dd>
        </div>
        {o && (
          <div className={styles.scorePair}>
            <dt className={styles.term}>{t.finalScore}:</dt>
            <dd className={styles.value} data-testid="final-score" data-score={o.score}>
              {o.score} / 5
            </dd>
          </div>
        )}
      </dl>
      {o && (
        <p className={styles.overrideNote} data-testid="override-note">
          {fill(t.overriddenBy, { score: o.score, auto: c.auto, reason: o.reason })}
        </p>
      )}
      <div>
        <strong>{t.evidence}</strong>
        {c.evidence.length === 0 ? (
          <p className={common.muted}>{t.noEvidence}</p>
        ) : (
          <ul className={common.list}>
            {c.evidence.map((e, i) => (
              <li key={i}>
                {e.ref && services.selectCell ? (
                  <EvidenceLink evidence={e} select={services.selectCell} />
                ) : (
                  evidenceText(e, lang)
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <strong>{t.suggestion}</strong>
        <p className={common.muted}>{c.suggestion ? c.suggestion[lang] : t.noSuggestion}</p>
      </div>
      {editing ? (
        <OverrideForm
          criterion={c}
          current={o}
          onApply={async (score, reason) => {
            const refusal = await props.onChange(score, reason);
            if (refusal === null) closeEditor();
            return refusal;
          }}
          onCancel={closeEditor}
        />
      ) : (
        <div className={common.row}>
          <Button
            ref={overrideButton}
            size="small"
            onClick={() => setEditing(true)}
            aria-label={`${t.override}: ${name}`}
          >
            {t.override}
          </Button>
          {o && (
            <Button size="small" appearance="subtle" onClick={() => void props.onChange(null, "")}>
              {t.clearOverride}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

export default function ScorePage(): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScoreResult | null>(null);
  const [written, setWritten] = useState<CreateResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const excel = services.host === "excel";

  async function run(file?: File): Promise<void> {
    clearError();
    setBusy(true);
    setWritten(null);
    try {
      setResult(await services.score(lang, file));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  }

  async function changeOverride(
    score: PlanScore,
    c: CriterionScore,
    value: string | null,
    reason: string,
  ): Promise<string | null> {
    try {
      const next = await services.override(score, c.id, value, reason);
      if (isRubricError(next)) return next.reason[lang];
      setResult((old) => (old ? { ...old, score: next } : old));
      setWritten(null);
      return null;
    } catch (e) {
      reportError(e);
      return null;
    }
  }

  async function write(): Promise<void> {
    if (!result) return;
    clearError();
    setBusy(true);
    try {
      setWritten(await services.writeScorecard(result, lang));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  }

  const score = result?.score;
  return (
    <section className={common.page} aria-labelledby="score-heading" aria-busy={busy}>
      <h2 id="score-heading" className={common.heading}>
        {t.scoreHeading}
      </h2>
      <p className={common.muted}>{excel ? t.scoreIntroExcel : t.scoreIntroPreview}</p>
      <div className={common.row}>
        {excel ? (
          <Button appearance="primary" disabled={busy} onClick={() => void run()} data-testid="score-active">
            {t.scoreActive}
          </Button>
        ) : (
          <>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => fileInput.current?.click()}
              data-testid="open-plan"
            >
              {t.openFile}
            </Button>
            <XlsxFileInput ref={fileInput} testId="plan-file" onFile={(file) => void run(file)} />
          </>
        )}
        {busy && <Spinner size="tiny" label={t.scoring} />}
      </div>
      {result && score && (
        <>
          <p className={styles.total} data-testid="score-total" data-total={score.total} aria-live="polite">
            {t.total}: {score.total} / {score.max} ({score.percent}%)
          </p>
          <p className={common.muted} data-testid="score-source">
            {fill(t.scoredFile, { file: result.source })}
          </p>
          <ol className={styles.criteria} aria-label={t.criterion}>
            {score.criteria.map((c) => (
              <Criterion
                key={c.id}
                criterion={c}
                override={score.overrides[c.id]}
                onChange={(value, reason) => changeOverride(score, c, value, reason)}
              />
            ))}
          </ol>
          <div className={common.row}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void write()}
              data-testid="write-scorecard"
            >
              {excel ? t.writeScorecard : t.downloadScored}
            </Button>
          </div>
          <div aria-live="polite">
            {written && (
              <MessageBar intent="success" data-testid="scorecard-done">
                <MessageBarBody>
                  {written.kind === "sheet"
                    ? fill(t.scorecardWritten, { sheet: written.sheet })
                    : fill(t.downloaded, { file: written.file })}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      )}
    </section>
  );
}
