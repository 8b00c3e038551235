// Inside Excel: the same services over the Office.js adapter (src/workbook/office.ts), which batches
// the writes, never overwrites a user's sheet, retries in cell-edit mode and reports Excel's errors in
// both languages.
import { splitSheetRef } from "../../core/a1";
import { leagueWorkbook } from "../../scoring/league";
import { buildScorecard } from "../../scoring/scorecard";
import { OfficeWorkbook } from "../../workbook/office";
import {
  isDocumentTagged,
  prepareWorkbook,
  repairBrokenCells,
  restoreWorkbook,
  scanWorkbook,
  ShareUnavailableError,
  tagDocument,
  type ShareReport,
} from "../../workbook/office-share";
import { badRecordText, SHARE_ERROR_TEXT } from "../../share/xlsx";
import { NoticeError, RequirementError, UnavailableError } from "../errors";
import type { Lang } from "../i18n";
import { brokenView, shareView } from "./share";
import { overrideInBatch, scoreBatch } from "./batch";
import { overrideScore, scoreSnapshot } from "./scoring";
import { buildSpec, templateForm, validate } from "./templates";
import type { PaneServices, ScoreResult } from "./types";

/** The share adapter's refusals, as messages the pane shows. */
async function sharing(action: () => Promise<ShareReport>, lang: Lang): Promise<ShareReport> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof ShareUnavailableError) {
      if (e.code === "requirementSet") throw new RequirementError("ExcelApi 1.5");
      if (e.code === "badRecord") throw new NoticeError(badRecordText(e.detail ?? "")[lang]);
      throw new NoticeError(SHARE_ERROR_TEXT[e.code][lang]);
    }
    throw e;
  }
}

let workbook: OfficeWorkbook | null = null;
const port = (): OfficeWorkbook => (workbook ??= new OfficeWorkbook());

export const excelServices: Omit<PaneServices, "host"> = {
  templateForm: async (kind, lang) => templateForm(kind, lang),
  validate: async (kind, values, lang) => validate(kind, values, lang),

  async createTemplate(kind, values, _lang, onProgress) {
    onProgress(0.1);
    const spec = buildSpec(kind, values);
    onProgress(0.3);
    // One Excel.run; the adapter activates the first new sheet.
    const result = await port().writeTemplate(spec);
    onProgress(1);
    return { kind: "sheet", sheet: result.sheetNames[0] ?? spec.title, skipped: result.skipped };
  },

  // No requirement-set check before reading: the manifest's SharedRuntime 1.1 admits only hosts with
  // ExcelApi 1.10 or later (Microsoft 365 Version 2002+, Excel 2021, Mac 16.35+, the web), and the
  // read needs 1.4 (getUsedRangeOrNullObject). Excel 2016 perpetual (ExcelApi 1.1) never loads us.
  async score(): Promise<ScoreResult> {
    const snapshot = await port().readWorkbook();
    const plan = snapshot.sheets.find((s) => s.cells.length > 0)?.name ?? "";
    return { source: plan, score: scoreSnapshot(snapshot) };
  },

  override: async (score, id, value, reason) => overrideScore(score, id, value, reason),

  scoreBatch: (files, fromFolder, onProgress) => scoreBatch(files, fromFolder, onProgress),
  overrideInBatch: async (...a) => overrideInBatch(...a),

  async writeLeague(batch, lang) {
    // New sheets after the user's own; a taken name gets another and the links follow it.
    const written = await port().writeTemplate(leagueWorkbook(batch, lang));
    return { kind: "sheet", sheet: written.sheetNames[0] ?? "", skipped: written.skipped };
  },

  async writeScorecard(result, lang) {
    const written = await port().writeTemplate(buildScorecard(result.score, { lang, source: result.source }));
    return { kind: "sheet", sheet: written.sheetNames[0] ?? "", skipped: written.skipped };
  },

  async selectCell(ref) {
    const at = splitSheetRef(ref);
    if (at) await port().selectCell(at.sheet, at.address);
  },

  prepareForSharing: async (lang) => shareView(await sharing(prepareWorkbook, lang), lang),
  restore: async (lang) => shareView(await sharing(restoreWorkbook, lang), lang),

  async scanBroken(lang) {
    const scan = await scanWorkbook();
    return brokenView({ ...scan, report: scan.broken }, lang, isDocumentTagged());
  },
  repairBroken: async (lang) => shareView(await repairBrokenCells(), lang),
  setTagged: (enabled) => tagDocument(enabled),
  async downloadTagged() {
    // Inside Excel the open document is tagged in place (setTagged); there is no file to download.
    throw new UnavailableError("downloadTagged");
  },
};
