// Several plans at once, as a regional manager receives them: each workbook is scored on its own, so
// one that cannot be read is listed with its reason and never stops the others; the plans are ranked
// best first. Bytes come from wherever the caller has them (files picked in the pane, paths on disk).
import { effectiveScore, type CriterionId, type Localized, type PlanScore } from "../core/rubric";
import { L } from "../core/lang";
import { LIMITS, refuse } from "../workbook/ooxml/limits";
import { scoreWorkbookBytes } from "./score-workbook";

/** A workbook to score: its name (a file name, or a path inside a picked folder), size and bytes. */
export interface WorkbookSource {
  readonly name: string;
  readonly size: number;
  read(): Promise<Uint8Array>;
}

export interface ScoredWorkbook {
  readonly file: string;
  /** The dealer named in the plan, else the file name without .xlsx. */
  readonly dealer: string;
  readonly score: PlanScore;
}

export interface UnreadableWorkbook {
  readonly file: string;
  readonly code: string;
  readonly reason: Localized;
}

export interface BatchScores {
  /** Best first (see rankPlans). */
  readonly plans: readonly ScoredWorkbook[];
  readonly failures: readonly UnreadableWorkbook[];
}

export interface BatchOptions {
  /** Called after each workbook, read or not. */
  readonly onProgress?: (done: number, total: number) => void;
}

const CANNOT_READ = L("无法读取文件：", "cannot read the file: ");

/** "plans/杭州西湖.xlsx" → "杭州西湖". */
export function fileStem(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.xls[xm]?$/i, "");
}

/**
 * Whether a file found in a picked folder is a plan to score: workbooks by their extension (.xls too,
 * so an old-format plan is reported as such), never Excel's "~$…" lock files of open workbooks.
 */
export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.xls[xm]?$/i.test(base) && !base.startsWith("~$");
}

/** Best first; ties by file name, so the order is stable. */
export function rankPlans<T extends { readonly file: string; readonly score: PlanScore }>(
  plans: readonly T[],
): T[] {
  return [...plans].sort((a, b) => b.score.total - a.score.total || a.file.localeCompare(b.file));
}

/**
 * The one thing to fix first: the suggestion of the criterion with the lowest effective score that a
 * plan can still raise (criteria waiting for a person's judgement, like results before the event,
 * are left out); the lower criterion number on a tie. Null at full marks.
 */
export function topSuggestion(
  score: PlanScore,
): { readonly criterion: CriterionId; readonly suggestion: Localized } | null {
  let best: { criterion: CriterionId; suggestion: Localized; value: number } | null = null;
  for (const c of score.criteria) {
    if (!c.suggestion || (c.needsPerson && score.overrides[c.id] === undefined)) continue;
    const value = effectiveScore(score, c.id);
    if (value >= 5) continue;
    if (best === null || value < best.value) best = { criterion: c.id, suggestion: c.suggestion, value };
  }
  return best && { criterion: best.criterion, suggestion: best.suggestion };
}

export async function scoreWorkbooks(
  sources: readonly WorkbookSource[],
  options: BatchOptions = {},
): Promise<BatchScores> {
  const plans: ScoredWorkbook[] = [];
  const failures: UnreadableWorkbook[] = [];
  for (const [i, source] of sources.entries()) {
    const result = await scoreOne(source);
    if ("score" in result) plans.push(result);
    else failures.push(result);
    options.onProgress?.(i + 1, sources.length);
  }
  return { plans: rankPlans(plans), failures };
}

async function scoreOne(source: WorkbookSource): Promise<ScoredWorkbook | UnreadableWorkbook> {
  const file = source.name;
  // The size is checked before reading, so a huge attachment is never pulled into memory.
  if (source.size > LIMITS.maxFileBytes) {
    const e = refuse.tooLarge(source.size);
    return { file, code: e.code, reason: e.text };
  }
  let bytes: Uint8Array;
  try {
    bytes = await source.read();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      file,
      code: "unreadable",
      reason: L(CANNOT_READ["zh-CN"] + why, CANNOT_READ["en-US"] + why),
    };
  }
  const r = await scoreWorkbookBytes(bytes);
  if (!r.ok) return { file, code: r.code, reason: r.message };
  return { file, dealer: r.plan.dealer ?? fileStem(file), score: r.score };
}
