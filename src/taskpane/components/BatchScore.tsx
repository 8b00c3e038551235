import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { isRubricError, type CriterionScore } from "../../core/rubric";
import { usePane } from "../context";
import { fill } from "../i18n";
import { batchStrings } from "../i18n/batch";
import { featureList } from "../i18n/features";
import type { BatchPlan, BatchView } from "../services/types";
import { useCommonStyles } from "../styles";
import { Ranking } from "./BatchRanking";
import { PlanCriteria } from "./PlanCriteria";
import { XlsxFileInput } from "./XlsxFileInput";

// Several plans at once (a regional manager's attachments), in both hosts: workbooks or a folder
// picked from disk, a progress bar, the ranking (BatchRanking.tsx), and each plan's criteria, evidence and
// overrides.

const useStyles = makeStyles({
  total: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  back: { alignSelf: "flex-start" },
});

function PlanDetails(props: {
  plan: BatchPlan;
  rank: number;
  count: number;
  onBack: () => void;
  onOverride: (c: CriterionScore, value: string | null, reason: string) => Promise<string | null>;
}): ReactElement {
  const { lang, t } = usePane();
  const b = batchStrings(lang);
  const styles = useStyles();
  const common = useCommonStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { plan } = props;
  return (
    <section className={common.page} aria-labelledby="batch-plan-heading" data-testid="batch-plan">
      <Button className={styles.back} appearance="subtle" onClick={props.onBack} data-testid="batch-back">
        ← {b.backToRanking}
      </Button>
      <h3 id="batch-plan-heading" className={common.subheading} tabIndex={-1} ref={heading}>
        {plan.dealer}
      </h3>
      <p className={common.muted}>
        {fill(b.planFile, { file: plan.file })} · {fill(b.rank, { rank: props.rank, count: props.count })}
      </p>
      <p className={styles.total} data-testid="batch-plan-total" data-total={plan.score.total}>
        {t.total}: {plan.score.total} / {plan.score.max} ({plan.score.percent}%)
      </p>
      {/* No cell links: the plan is a file from disk, not the workbook open in Excel. */}
      <PlanCriteria score={plan.score} onOverride={props.onOverride} />
    </section>
  );
}

/** The league workbook of the batch: downloaded in preview, new sheets of the open workbook in Excel. */
function LeagueAction(props: { batch: BatchView }): ReactElement {
  const { lang, services, reportError, clearError } = usePane();
  const b = batchStrings(lang);
  const common = useCommonStyles();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const write = services.writeLeague;
  async function run(): Promise<void> {
    if (!write) return;
    clearError();
    setDone(null);
    setBusy(true);
    try {
      const r = await write(props.batch, lang);
      const said =
        r.kind === "download"
          ? fill(b.leagueDownloaded, { file: r.file })
          : fill(b.leagueWritten, { sheet: r.sheet });
      const skipped = r.kind === "sheet" && r.skipped?.length ? r.skipped : null;
      setDone(skipped ? `${said} ${fill(b.leagueSkipped, { features: featureList(skipped, lang) })}` : said);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className={common.row}>
      <Button appearance="primary" disabled={busy} onClick={() => void run()} data-testid="league-write">
        {busy ? b.leagueBusy : services.host === "excel" ? b.leagueWrite : b.leagueDownload}
      </Button>
      <p aria-live="polite" className={common.muted} data-testid="league-done">
        {done ?? ""}
      </p>
    </div>
  );
}

export function BatchScore(): ReactElement {
  const { lang, services, reportError, clearError } = usePane();
  const b = batchStrings(lang);
  const common = useCommonStyles();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const busy = progress !== null;

  async function run(files: File[], fromFolder: boolean): Promise<void> {
    clearError();
    setOpen(null);
    setProgress({ done: 0, total: files.length });
    try {
      setBatch(await services.scoreBatch(files, fromFolder, (done, total) => setProgress({ done, total })));
    } catch (e) {
      reportError(e);
    } finally {
      setProgress(null);
    }
  }

  async function override(
    file: string,
    c: CriterionScore,
    value: string | null,
    reason: string,
  ): Promise<string | null> {
    if (!batch) return null;
    try {
      const next = await services.overrideInBatch(batch, file, c.id, value, reason);
      if (isRubricError(next)) return next.reason[lang];
      setBatch(next);
      return null;
    } catch (e) {
      reportError(e);
      return null;
    }
  }

  const index = batch && open !== null ? batch.plans.findIndex((p) => p.file === open) : -1;
  const plan = batch && index >= 0 ? batch.plans[index] : null;

  return (
    <section className={common.page} aria-labelledby="batch-heading" aria-busy={busy}>
      <h2 id="batch-heading" className={common.heading}>
        {b.batchHeading}
      </h2>
      <p className={common.muted}>{b.batchIntro}</p>
      <div className={common.row}>
        <Button disabled={busy} onClick={() => filesInput.current?.click()} data-testid="open-plans">
          {b.openFiles}
        </Button>
        <Button disabled={busy} onClick={() => folderInput.current?.click()} data-testid="open-folder">
          {b.openFolder}
        </Button>
        <XlsxFileInput ref={filesInput} testId="plan-files" onFiles={(f) => void run(f, false)} />
        <XlsxFileInput ref={folderInput} testId="plan-folder" folder onFiles={(f) => void run(f, true)} />
      </div>
      {progress && (
        <Field
          validationMessage={fill(b.batchProgress, progress)}
          validationState="none"
          data-testid="batch-progress"
        >
          <ProgressBar
            value={progress.done}
            max={Math.max(1, progress.total)}
            aria-label={fill(b.batchProgress, progress)}
          />
        </Field>
      )}
      {batch && !busy && (
        <>
          <p aria-live="polite" data-testid="batch-done" data-count={batch.plans.length}>
            {batch.plans.length > 0 ? fill(b.batchDone, { count: batch.plans.length }) : b.batchNone}
          </p>
          {plan ? (
            <PlanDetails
              key={plan.file}
              plan={plan}
              rank={index + 1}
              count={batch.plans.length}
              onBack={() => {
                returnTo.current = plan.file;
                setOpen(null);
              }}
              onOverride={(c, value, reason) => override(plan.file, c, value, reason)}
            />
          ) : (
            batch.plans.length > 0 && <Ranking plans={batch.plans} returnTo={returnTo} onOpen={setOpen} />
          )}
          {!plan && batch.plans.length > 0 && services.writeLeague && <LeagueAction batch={batch} />}
          {batch.failures.length > 0 && (
            <section aria-labelledby="batch-failures-heading" data-testid="batch-failures">
              <h3 id="batch-failures-heading" className={common.subheading}>
                {fill(b.failuresHeading, { count: batch.failures.length })}
              </h3>
              <ul className={common.list}>
                {batch.failures.map((f) => (
                  <li key={f.file} data-testid="batch-failure" data-file={f.file}>
                    <strong>{f.file}</strong>
                    {fill(b.failureReason, { reason: f.reason[lang] })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {batch.skipped > 0 && (
            <p className={common.muted}>{fill(b.skippedFiles, { count: batch.skipped })}</p>
          )}
        </>
      )}
    </section>
  );
}
