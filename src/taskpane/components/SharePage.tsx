import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactElement, type RefObject } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { shareStrings } from "../i18n/share";
import { useCommonStyles } from "../styles";
import type { BrokenScanView, ShareCellView, ShareReportView } from "../services/types";
import { XlsxFileInput } from "./XlsxFileInput";

const useStyles = makeStyles({
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

/**
 * Broken DEALER cells. Excel: the open workbook is checked when the page opens, with Repair and the
 * switch that tags the document to open this pane. Preview: a received file is checked, and a copy
 * tagged to open the pane can be downloaded.
 */
function BrokenCheck(props: { readonly refresh: number }): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const s = shareStrings(lang);
  const common = useCommonStyles();
  const styles = useStyles();
  const excel = services.host === "excel";
  const [scan, setScan] = useState<BrokenScanView | null>(null);
  const [busy, setBusy] = useState<"check" | "repair" | "tag" | "download" | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const check = useCallback(
    async (picked?: File): Promise<void> => {
      setBusy("check");
      try {
        setScan(await services.scanBroken(lang, picked));
      } catch (e) {
        setScan(null);
        reportError(e);
      } finally {
        setBusy(null);
      }
    },
    [services, lang, reportError],
  );

  // Excel: check the open workbook as soon as the page shows, and again after Prepare or Restore
  // changed it or the language changed (the reasons are in the pane's language). Preview: check the
  // file already opened again. `file` is left out on purpose: picking one checks it directly.
  useEffect(() => {
    if (excel) void check();
    else if (file) void check(file);
  }, [excel, check, props.refresh]);

  async function repair(): Promise<void> {
    clearError();
    setBusy("repair");
    setNote(null);
    try {
      const report = await services.repairBroken(lang);
      setNote(fill(s.repaired, { count: report.broken.length }));
      setScan(await services.scanBroken(lang));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  async function tag(enabled: boolean): Promise<void> {
    clearError();
    setBusy("tag");
    setNote(null);
    try {
      await services.setTagged(enabled);
      setScan((prev) => (prev ? { ...prev, tagged: enabled } : prev));
      setNote(enabled ? s.autoOpenOn : s.autoOpenOff);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  async function download(): Promise<void> {
    if (!file) return;
    clearError();
    setBusy("download");
    setNote(null);
    try {
      const name = await services.downloadTagged(lang, file);
      setNote(fill(t.downloaded, { file: name }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  }

  const busyLabel = busy === "repair" ? s.repairing : busy === "check" ? s.checking : t.loading;
  return (
    <section className={styles.report} aria-labelledby="share-check-heading" data-testid="share-check">
      <h3 id="share-check-heading" className={common.subheading}>
        {s.checkHeading}
      </h3>
      <p className={common.muted}>{excel ? s.checkIntro : s.checkIntroPreview}</p>
      <div className={common.row}>
        {excel ? (
          <>
            <Button
              appearance="primary"
              disabled={busy !== null || !scan || scan.broken.length === 0}
              onClick={() => void repair()}
              data-testid="share-repair"
            >
              {s.repair}
            </Button>
            <Button disabled={busy !== null} onClick={() => void check()} data-testid="share-recheck">
              {s.recheck}
            </Button>
          </>
        ) : (
          <>
            <Button
              disabled={busy !== null}
              onClick={() => input.current?.click()}
              data-testid="share-open-received"
            >
              {s.openReceived}
            </Button>
            <XlsxFileInput
              ref={input}
              testId="share-received-file"
              onFile={(picked) => {
                clearError();
                setNote(null);
                setFile(picked);
                void check(picked);
              }}
            />
            <Button
              disabled={busy !== null || !file || !scan}
              onClick={() => void download()}
              data-testid="share-download-tagged"
            >
              {s.downloadTagged}
            </Button>
          </>
        )}
        {busy !== null && busy !== "tag" && <Spinner size="tiny" label={busyLabel} />}
      </div>
      {excel && (
        <div>
          <Switch
            checked={scan?.tagged ?? false}
            disabled={busy !== null || !scan}
            onChange={(_e, data) => void tag(data.checked)}
            label={s.autoOpen}
            data-testid="share-auto-open"
          />
          <p className={common.muted}>{s.autoOpenHint}</p>
        </div>
      )}
      <div aria-live="polite">
        {note && (
          <MessageBar intent="success" data-testid="share-check-note">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        )}
        {scan && (
          <div className={styles.report} data-testid="share-scan" data-broken={scan.broken.length}>
            {!excel && file && <p className={common.muted}>{fill(s.checkedFile, { file: file.name })}</p>}
            <p>{fill(s.checkSummary, { dealer: scan.dealerCells, broken: scan.broken.length })}</p>
            {scan.prepared && <p className={common.muted}>{s.checkPrepared}</p>}
            {scan.broken.length === 0 ? (
              <p className={common.muted}>{s.noBroken}</p>
            ) : (
              <CellList title={s.brokenList} cells={scan.broken} testId="share-scan-broken" />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

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
