import { sheetRef } from "../../core/a1";
import { displayFormula, type ShareReport, type ShareReportEntry } from "../../share/report";
import type { Lang } from "../i18n";
import type { BrokenScanView, ShareCellView, ShareReportView } from "./types";

function cellOf(e: ShareReportEntry, lang: Lang): ShareCellView {
  const where = e.range ?? e.address;
  // Originals as Excel saved them (=_xldudf_DEALER_ROI(…)) are shown as typed (=DEALER.ROI(…)).
  return { cell: sheetRef(e.sheet, where), original: displayFormula(e.original), message: e.message[lang] };
}

/** The share module's report as the pane lists it, grouped by what happened to each cell. */
export function shareView(report: ShareReport, lang: Lang, file?: string): ShareReportView {
  const pick = (action: ShareReportEntry["action"]) =>
    report.entries.filter((e) => e.action === action).map((e) => cellOf(e, lang));
  return {
    rewritten: pick("rewritten"),
    frozen: pick("frozen"),
    restored: pick("restored"),
    kept: pick("kept"),
    skipped: pick("skipped"),
    broken: pick("broken"),
    changed: report.changed,
    ...(file ? { file } : {}),
  };
}

/** A broken-cell scan as the pane lists it. */
export function brokenView(
  scan: { readonly dealerCells: number; readonly prepared: boolean; readonly report: ShareReport },
  lang: Lang,
  tagged?: boolean,
): BrokenScanView {
  return {
    dealerCells: scan.dealerCells,
    prepared: scan.prepared,
    broken: shareView(scan.report, lang).broken,
    ...(tagged === undefined ? {} : { tagged }),
  };
}
