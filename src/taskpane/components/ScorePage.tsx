import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { useCommonStyles } from "../styles";
import type { CreateResult, ScoreResult } from "../services/types";
import { isRubricError, type CriterionScore, type PlanScore } from "../../core/rubric";
import { BatchScore } from "./BatchScore";
import { PlanCriteria } from "./PlanCriteria";
import { XlsxFileInput } from "./XlsxFileInput";

const useStyles = makeStyles({
  total: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

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
    <>
      <section className={common.page} aria-labelledby="score-heading" aria-busy={busy}>
        <h2 id="score-heading" className={common.heading}>
          {t.scoreHeading}
        </h2>
        <p className={common.muted}>{excel ? t.scoreIntroExcel : t.scoreIntroPreview}</p>
        <div className={common.row}>
          {excel ? (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void run()}
              data-testid="score-active"
            >
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
            <PlanCriteria
              score={score}
              selectCell={services.selectCell}
              onOverride={(c, value, reason) => changeOverride(score, c, value, reason)}
            />
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
      <BatchScore />
    </>
  );
}
