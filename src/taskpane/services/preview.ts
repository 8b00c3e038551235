// Preview mode (no Excel host): the .xlsx adapter behind the same services. Templates download as
// files; a workbook opened from disk is scored (and downloaded with its scorecard) or prepared for
// sharing (and downloaded prepared).
import { addSheetToXlsx } from "../../scoring/inject-sheet";
import { scorecardSheet } from "../../scoring/scorecard";
import { prepareXlsx, restoreXlsx, scanXlsx, ShareError } from "../../share/xlsx";
import { isOpenError, LIMITS, refuse } from "../../workbook/ooxml/limits";
import { ADDIN_ID, tagXlsx } from "../../share/tag";
import { readXlsx, templateToXlsx } from "../../workbook/xlsx";
import { FileReadError, NoticeError, UnavailableError } from "../errors";
import { L, type Localized } from "../../core/lang";
import type { Lang } from "../i18n";
import { safeFileName } from "../../core/file-name";
import { leagueWorkbook } from "../../scoring/league";
import { leagueFileName } from "../../templates/file-name";
import { downloadBytes } from "./download";
import { overrideInBatch, scoreBatch } from "./batch";
import { overrideScore, scoreSnapshot } from "./scoring";
import { brokenView, shareView } from "./share";
import { buildSpec, fileNameOf, templateForm, validate } from "./templates";
import type { PaneServices, ScoreResult } from "./types";

/** The bytes of a picked file; one too large is refused before it is read (the package layer checks the rest). */
async function workbookBytes(file: File | undefined, lang: Lang): Promise<Uint8Array> {
  if (!file) throw new FileReadError(lang === "zh-CN" ? "未选择文件" : "no file chosen");
  if (file.size > LIMITS.maxFileBytes) throw new FileReadError(refuse.tooLarge(file.size).text[lang]);
  if (file.size === 0) throw new FileReadError(refuse.empty().text[lang]);
  return new Uint8Array(await file.arrayBuffer());
}

/** "plan.xlsx" + 分享版 → "plan（分享版）" in Chinese, "plan (shared)" in English. */
function suffixed(fileName: string, suffix: Localized, lang: Lang): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return lang === "zh-CN" ? `${base}（${suffix[lang]}）` : `${base} (${suffix[lang]})`;
}

function shareFailure(e: unknown, lang: Lang): never {
  if (e instanceof ShareError) throw new NoticeError(e.text[lang]);
  if (isOpenError(e)) throw new FileReadError(e.text[lang]);
  throw e;
}

// The workbook last opened for scoring, so its scorecard can be added to the same file.
let opened: { readonly name: string; readonly bytes: Uint8Array } | null = null;

export const previewServices: Omit<PaneServices, "host"> = {
  templateForm: async (kind, lang) => templateForm(kind, lang),
  validate: async (kind, values, lang) => validate(kind, values, lang),

  async createTemplate(kind, values, _lang, onProgress) {
    onProgress(0.1);
    const spec = buildSpec(kind, values);
    onProgress(0.4);
    const bytes = await templateToXlsx(spec);
    onProgress(0.9);
    const file = fileNameOf(kind, values);
    downloadBytes(bytes, file);
    onProgress(1);
    return { kind: "download", file };
  },

  async score(lang, file): Promise<ScoreResult> {
    const bytes = await workbookBytes(file, lang);
    let score;
    try {
      score = scoreSnapshot(await readXlsx(bytes));
    } catch (e) {
      if (isOpenError(e)) throw new FileReadError(e.text[lang]);
      throw new FileReadError(e instanceof Error ? e.message : String(e));
    }
    opened = { name: file?.name ?? "", bytes };
    return { source: opened.name, score };
  },

  override: async (score, id, value, reason) => overrideScore(score, id, value, reason),

  scoreBatch: (files, fromFolder, onProgress) => scoreBatch(files, fromFolder, onProgress),
  overrideInBatch: async (...a) => overrideInBatch(...a),

  async writeLeague(batch, lang) {
    const bytes = await templateToXlsx(leagueWorkbook(batch, lang));
    const file = leagueFileName(lang);
    downloadBytes(bytes, file);
    return { kind: "download", file };
  },

  async writeScorecard(result, lang) {
    if (!opened)
      throw new FileReadError(lang === "zh-CN" ? "请先打开计划工作簿" : "open a plan workbook first");
    const sheet = scorecardSheet(result.score, { lang, source: result.source });
    const { bytes } = await addSheetToXlsx(opened.bytes, sheet);
    const file = safeFileName(suffixed(opened.name, L(sheet.name, sheet.name), lang));
    downloadBytes(bytes, file);
    return { kind: "download", file };
  },

  async prepareForSharing(lang, file) {
    const bytes = await workbookBytes(file, lang);
    const result = await prepareXlsx(bytes).catch((e: unknown) => shareFailure(e, lang));
    const name = safeFileName(suffixed(file?.name ?? "", L("分享版", "shared"), lang));
    if (result.report.changed) downloadBytes(result.data, name);
    return shareView(result.report, lang, result.report.changed ? name : undefined);
  },

  async restore(lang, file) {
    const bytes = await workbookBytes(file, lang);
    const result = await restoreXlsx(bytes).catch((e: unknown) => shareFailure(e, lang));
    const name = safeFileName(suffixed(file?.name ?? "", L("已还原", "restored"), lang));
    if (result.report.changed) downloadBytes(result.data, name);
    return shareView(result.report, lang, result.report.changed ? name : undefined);
  },

  async scanBroken(lang, file) {
    const bytes = await workbookBytes(file, lang);
    const scan = await scanXlsx(bytes).catch((e: unknown) => shareFailure(e, lang));
    return brokenView(scan, lang);
  },

  async repairBroken() {
    // Repair needs the add-in's functions to compute the cells again, that is, Excel.
    throw new UnavailableError("repairBroken");
  },

  async setTagged() {
    throw new UnavailableError("setTagged");
  },

  async downloadTagged(lang, file) {
    const bytes = await workbookBytes(file, lang);
    const tagged = await tagXlsx(bytes, { addinId: ADDIN_ID }).catch((e: unknown) => shareFailure(e, lang));
    const name = safeFileName(suffixed(file?.name ?? "", L("自动打开", "tagged"), lang));
    downloadBytes(tagged, name);
    return name;
  },
};
