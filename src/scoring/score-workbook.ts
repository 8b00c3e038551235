// The one path from bytes to a score, shared by the CLI, the bench and the golden tests; the task pane
// uses readPlan + scorePlan directly on the snapshot its port reads.
import { scorePlan, type Localized, type PlanDocument, type PlanScore } from "../core/rubric";
import { readXlsx } from "../workbook/xlsx";
import { readPlan } from "./read-plan";
import {
  checkWorkbookBytes,
  verifyDeclaredSizes,
  type BoundedInflate,
  type OpenErrorCode,
} from "./safe-open";

export interface ScoredPlan {
  readonly ok: true;
  readonly plan: PlanDocument;
  readonly score: PlanScore;
}

export interface UnreadablePlan {
  readonly ok: false;
  readonly code: OpenErrorCode | "unreadable";
  readonly message: Localized;
}

export interface ScoreOptions {
  /** A bounded inflater (Node: zlib with maxOutputLength) to check that declared sizes do not lie. */
  readonly inflate?: BoundedInflate;
}

export async function scoreWorkbookBytes(
  bytes: Uint8Array,
  options: ScoreOptions = {},
): Promise<ScoredPlan | UnreadablePlan> {
  const checked = checkWorkbookBytes(bytes);
  if (!checked.ok) return checked;
  if (options.inflate) {
    const verified = verifyDeclaredSizes(bytes, checked.entries, options.inflate);
    if (!verified.ok) return verified;
  }
  let plan: PlanDocument;
  try {
    plan = readPlan(await readXlsx(bytes));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      code: "unreadable",
      message: { "zh-CN": `无法读取工作簿:${why}`, "en-US": `cannot read the workbook: ${why}` },
    };
  }
  return { ok: true, plan, score: scorePlan(plan) };
}
