import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import { format } from "../i18n";
import { useCommonStyles } from "../styles";
import type { ShareReportView } from "../services/types";

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
    maxHeight: "12rem",
    overflowY: "auto",
  },
});

function CellList({
  title,
  cells,
  testId,
}: {
  title: string;
  cells: readonly string[];
  testId: string;
}): ReactElement {
  const { t } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  return (
    <div data-testid={testId}>
      <h3 className={common.subheading}>
        {title} ({cells.length})
      </h3>
      {cells.length === 0 ? (
        <p className={common.muted}>{t.noCells}</p>
      ) : (
        // Scrollable region: reachable by keyboard so its overflow can be read.
        <ul className={styles.cells} tabIndex={0} aria-label={title}>
          {cells.map((c) => (
            <li key={c}>{c}</li>
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
  const [busy, setBusy] = useState<"prepare" | "restore" | null>(null);
  const [report, setReport] = useState<{ action: "prepare" | "restore"; data: ShareReportView } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const excel = services.host === "excel";

  async function act(action: "prepare" | "restore", file?: File): Promise<void> {
    clearError();
    setBusy(action);
    try {
      const data =
        action === "prepare" ? await services.prepareForSharing(lang, file) : await services.restore(lang);
      setReport({ action, data });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={common.page} aria-labelledby="share-heading" aria-busy={busy !== null}>
      <h2 id="share-heading" className={common.heading}>
        {t.shareHeading}
      </h2>
      <p className={common.muted}>{t.shareIntro}</p>
      {!excel && <p className={common.muted}>{t.sharePreviewNote}</p>}
      <div className={common.row}>
        {excel ? (
          <>
            <Button
              appearance="primary"
              disabled={busy !== null}
              onClick={() => void act("prepare")}
              data-testid="share-prepare"
            >
              {t.prepare}
            </Button>
            <Button disabled={busy !== null} onClick={() => void act("restore")} data-testid="share-restore">
              {t.restore}
            </Button>
          </>
        ) : (
          <>
            <Button
              appearance="primary"
              disabled={busy !== null}
              onClick={() => fileInput.current?.click()}
              data-testid="share-open"
            >
              {t.openToShare}
            </Button>
            <input
              ref={fileInput}
              className={styles.hiddenInput}
              type="file"
              tabIndex={-1}
              aria-hidden="true"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="share-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void act("prepare", file);
              }}
            />
          </>
        )}
        {busy !== null && <Spinner size="tiny" label={busy === "prepare" ? t.preparing : t.restoring} />}
      </div>
      {report && (
        <div className={styles.report} aria-live="polite" data-testid="share-report">
          <MessageBar intent="success">
            <MessageBarBody>
              {report.action === "prepare" ? t.shareDone : t.restoreDone}
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
        </div>
      )}
    </section>
  );
}
