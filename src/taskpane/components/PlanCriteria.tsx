import { Button, Field, Input, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { useCommonStyles } from "../styles";
import { evidenceLine } from "../services/evidence";
import type { CriterionScore, Evidence, Override, PlanScore } from "../../core/rubric";

// The eight criteria of one scored plan, each with its automatic score, evidence, suggestion and a
// person's override: the single-plan Score page and each plan of a batch show the same list.

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
  overrideNote: { margin: 0, color: tokens.colorBrandForeground1 },
  overrideForm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

/** One line of evidence; in Excel, for the open workbook's plan, its cell is a link that selects it. */
function EvidenceItem(props: {
  evidence: Evidence;
  select: ((ref: string) => Promise<void>) | undefined;
}): ReactElement {
  const { t, lang, reportError } = usePane();
  const line = evidenceLine(props.evidence, lang);
  const select = props.select;
  if (!line.ref || !select) return <>{line.where + line.rest}</>;
  const ref = line.ref;
  return (
    <>
      <Link
        as="button"
        inline
        onClick={() => void select(ref).catch(reportError)}
        title={t.goToCell}
        data-testid="evidence-link"
        data-ref={ref}
      >
        {ref}
      </Link>
      {line.rest}
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
  selectCell: ((ref: string) => Promise<void>) | undefined;
  onChange: (value: string | null, reason: string) => Promise<string | null>;
}): ReactElement {
  const { t, lang } = usePane();
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
              <li key={i} data-testid="evidence">
                <EvidenceItem evidence={e} select={props.selectCell} />
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

export interface PlanCriteriaProps {
  readonly score: PlanScore;
  /** Excel, for the open workbook's plan only: selects an evidence cell. */
  readonly selectCell?: (ref: string) => Promise<void>;
  /** Sets (score as typed) or removes (null) an override; the engine's refusal, or null when applied. */
  readonly onOverride: (c: CriterionScore, value: string | null, reason: string) => Promise<string | null>;
}

export function PlanCriteria({ score, selectCell, onOverride }: PlanCriteriaProps): ReactElement {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <ol className={styles.criteria} aria-label={t.criterion}>
      {score.criteria.map((c) => (
        <Criterion
          key={c.id}
          criterion={c}
          override={score.overrides[c.id]}
          selectCell={selectCell}
          onChange={(value, reason) => onOverride(c, value, reason)}
        />
      ))}
    </ol>
  );
}
