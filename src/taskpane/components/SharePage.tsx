import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactElement, type RefObject } from "react";
import { usePane } from "../context";
import { format } from "../i18n";
import { useCommonStyles } from "../styles";
import type { ShareCellView, ShareReportView } from "../services/types";

const useStyles = makeStyles({
  hiddenInput: { display: "none" },
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  cells: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: "16rem",
    overflowY: "auto",
  },
  cell: { marginBottom: tokens.spacingVerticalXS },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

type Action = "prepare" | "restore";

function CellList(props: { title: string; cells: readonly ShareCellView[]; testId: string }): ReactElement {
  const { t } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  return (
    <div data-testid={props.testId} data-count={props.cells.length}>
      <h3 className={common.subheading}>
        {props.title} ({props.cells.length})
      </h3>
      {props.cells.length === 0 ? (
        <p className={common.muted}>{t.noCells}</p>
      ) : (
        // A scrolling region: focusable so keyboard users can scroll it.
        <ul className={styles.cells} tabIndex={0} aria-label={props.title}>
          {props.cells.map((c) => (
            <li key={c.cell} className={styles.cell}>
              <strong>{c.cell}</strong> <span className={styles.formula}>{c.original}</span>
              <br />
              <span className={common.muted}>{c.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function SharePage(): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const [busy, setBusy] = useState<Action | null>(null);
  const [report, setReport] = useState<{ action: Action; data: ShareReportView } | null>(null);
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
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  const picker = (action: Action, ref: RefObject<HTMLInputElement>) => (
    <input
      ref={ref}
      className={styles.hiddenInput}
      type="file"
      tabIndex={-1}
      aria-hidden="true"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      data-testid={`share-${action}-file`}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = "";
        if (file) void act(action, file);
      }}
    />
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
                {report.data.file ? ` ${format(t.downloaded, { file: report.data.file })}` : ""}
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
            {report.data.skipped.length > 0 && (
              <CellList title={t.skippedCells} cells={report.data.skipped} testId="share-skipped" />
            )}
            {report.data.broken.length > 0 && (
              <CellList title={t.brokenCells} cells={report.data.broken} testId="share-broken" />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
