import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useRef, useState, type ReactElement, type RefObject } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { useCommonStyles } from "../styles";
import type { ShareReportView } from "../services/types";
import { BrokenCheck } from "./ShareBrokenCheck";
import { CellList, useShareStyles } from "./ShareCellList";
import { XlsxFileInput } from "./XlsxFileInput";

// The Share page: Prepare for sharing and Restore, with the report of every cell they touched; the
// broken-formula check below it is ShareBrokenCheck.tsx.

type Action = "prepare" | "restore";

export default function SharePage(): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const styles = useShareStyles();
  const common = useCommonStyles();
  const [busy, setBusy] = useState<Action | null>(null);
  const [report, setReport] = useState<{ action: Action; data: ShareReportView } | null>(null);
  // Bumped when Prepare or Restore changed the open workbook, so the broken-cell check runs again.
  const [changes, setChanges] = useState(0);
  const prepareInput = useRef<HTMLInputElement>(null);
  const restoreInput = useRef<HTMLInputElement>(null);
  const excel = services.host === "excel";

  async function act(action: Action, file?: File): Promise<void> {
    clearError();
    setBusy(action);
    setReport(null);
    try {
      const data =
        action === "prepare"
          ? await services.prepareForSharing(lang, file)
          : await services.restore(lang, file);
      setReport({ action, data });
      if (excel && data.changed) setChanges((n) => n + 1);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  const picker = (action: Action, ref: RefObject<HTMLInputElement>) => (
    <XlsxFileInput ref={ref} testId={`share-${action}-file`} onFile={(file) => void act(action, file)} />
  );

  return (
    <section className={common.page} aria-labelledby="share-heading" aria-busy={busy !== null}>
      <h2 id="share-heading" className={common.heading}>
        {t.shareHeading}
      </h2>
      <p className={common.muted}>{t.shareIntro}</p>
      {!excel && <p className={common.muted}>{t.sharePreviewNote}</p>}
      <div className={common.row}>
        <Button
          appearance="primary"
          disabled={busy !== null}
          onClick={() => (excel ? void act("prepare") : prepareInput.current?.click())}
          data-testid="share-prepare"
        >
          {excel ? t.prepare : t.openToShare}
        </Button>
        <Button
          disabled={busy !== null}
          onClick={() => (excel ? void act("restore") : restoreInput.current?.click())}
          data-testid="share-restore"
        >
          {excel ? t.restore : t.openToRestore}
        </Button>
        {!excel && picker("prepare", prepareInput)}
        {!excel && picker("restore", restoreInput)}
        {busy !== null && <Spinner size="tiny" label={busy === "prepare" ? t.preparing : t.restoring} />}
      </div>
      <div aria-live="polite">
        {report && (
          <div className={styles.report} data-testid="share-report">
            <MessageBar intent={report.data.changed ? "success" : "info"}>
              <MessageBarBody>
                {!report.data.changed
                  ? t.nothingToChange
                  : report.action === "prepare"
                    ? t.shareDone
                    : t.restoreDone}
                {report.data.file ? ` ${fill(t.downloaded, { file: report.data.file })}` : ""}
              </MessageBarBody>
            </MessageBar>
            {report.action === "prepare" ? (
              <>
                <CellList title={t.rewrittenCells} cells={report.data.rewritten} testId="share-rewritten" />
                <CellList title={t.frozenCells} cells={report.data.frozen} testId="share-frozen" />
              </>
            ) : (
              <CellList title={t.restoredCells} cells={report.data.restored} testId="share-restored" />
            )}
            {report.data.kept.length > 0 && (
              <CellList title={t.keptCells} cells={report.data.kept} testId="share-kept" />
            )}
            {report.data.skipped.length > 0 && (
              <CellList title={t.skippedCells} cells={report.data.skipped} testId="share-skipped" />
            )}
            {report.data.broken.length > 0 && (
              <CellList title={t.brokenCells} cells={report.data.broken} testId="share-broken" />
            )}
          </div>
        )}
      </div>
      <BrokenCheck refresh={changes} />
    </section>
  );
}
