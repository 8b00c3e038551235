// The one path from bytes to a score, shared by the CLI, the bench and the golden tests; the task pane
// uses readPlan + scorePlan directly on the snapshot its port reads.
import { scorePlan, type Localized, type PlanDocument, type PlanScore } from "../core/rubric";
import { readXlsx } from "../workbook/xlsx";
import type { WorkbookSnapshot } from "../workbook/port";
import { readPlan } from "./read-plan";
import { readOverrides } from "./scorecard";
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
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsx(bytes);
    plan = readPlan(snapshot);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      code: "unreadable",
      message: { "zh-CN": `无法读取工作簿:${why}`, "en-US": `cannot read the workbook: ${why}` },
    };
  }
  // A reviewer's overrides typed into an earlier scored copy are kept, so re-scoring keeps them.
  return { ok: true, plan, score: readOverrides(snapshot, scorePlan(plan)) };
}
