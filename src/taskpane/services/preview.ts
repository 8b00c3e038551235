// Preview mode (no Excel host): the .xlsx adapter behind the same services. Templates download as
// files; a plan workbook opened from disk is scored and can be downloaded with its scorecard.
import { applyOverride, scorePlan } from "../../core/rubric";
import { readPlan } from "../../scoring/read-plan";
import { checkWorkbookBytes } from "../../scoring/safe-open";
import { readXlsx, templateToXlsx } from "../../workbook/xlsx";
import { FileReadError } from "../errors";
import type { Lang } from "../i18n";
import { downloadBytes, safeFileName } from "./download";
import { buildSpec, templateForm, validate } from "./templates";
import type { PaneServices, ScoreResult } from "./types";

/** The bytes of a picked file, refused before any zip library inflates it when it is not a sane .xlsx. */
export async function workbookBytes(file: File, lang: Lang): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkWorkbookBytes(bytes);
  if (!check.ok) throw new FileReadError(check.message[lang]);
  return bytes;
}

// The last opened workbook's bytes, so the scorecard can be added to it for download.
let opened: { name: string; bytes: Uint8Array } | null = null;

export const previewServices: Omit<PaneServices, "host"> = {
  templateForm: async (kind, lang) => templateForm(kind, lang),
  validate: async (kind, values, lang) => validate(kind, values, lang),
  async createTemplate(kind, values, _lang, onProgress) {
    onProgress(0.1);
    const spec = buildSpec(kind, values);
    onProgress(0.4);
    const bytes = await templateToXlsx(spec);
    onProgress(0.9);
    const file = safeFileName(spec.sheets[0]?.name ?? spec.title);
    downloadBytes(bytes, file);
    onProgress(1);
    return { kind: "download", file };
  },
  async score(lang, file): Promise<ScoreResult> {
    if (!file) throw new FileReadError("—");
    const bytes = await workbookBytes(file, lang);
    let snapshot;
    try {
      snapshot = await readXlsx(bytes);
    } catch (e) {
      throw new FileReadError(e instanceof Error ? e.message : String(e));
    }
    opened = { name: file.name, bytes };
    return { source: file.name, score: scorePlan(readPlan(snapshot)) };
  },
  override: async (score, id, value, reason) => applyOverride(score, id, value, reason),
  async writeScorecard() {
    throw new Error("scorecard writer not available yet");
  },
  async prepareForSharing() {
    throw new Error("share not available yet");
  },
  async restore() {
    throw new Error("restore not available in preview");
  },
};
void opened;
