import { Button, MessageBar, MessageBarBody, Spinner, Switch } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { shareStrings } from "../i18n/share";
import { useCommonStyles } from "../styles";
import type { BrokenScanView } from "../services/types";
import { CellList, useShareStyles } from "./ShareCellList";
import { XlsxFileInput } from "./XlsxFileInput";

// The Share page's check for broken add-in formulas (SharePage.tsx shows it below Prepare/Restore).

/**
 * Broken DEALER cells. Excel: the open workbook is checked when the page opens, with Repair and the
 * switch that tags the document to open this pane. Preview: a received file is checked, and a copy
 * tagged to open the pane can be downloaded.
 */
export function BrokenCheck(props: { readonly refresh: number }): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const s = shareStrings(lang);
  const common = useCommonStyles();
  const styles = useShareStyles();
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
