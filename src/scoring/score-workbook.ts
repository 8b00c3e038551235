// The one path from bytes to a score, shared by the CLI, the pane's preview, the bench and the golden
// tests; the pane in Excel uses readPlan + scorePlan directly on the snapshot its port reads. Every
// check of the package layer applies (sizes while inflating, DTDs, names, cell count).
import { L } from "../core/lang";
import { scorePlan, type Localized, type PlanDocument, type PlanScore } from "../core/rubric";
import { isOpenError, type OpenErrorCode } from "../workbook/ooxml/limits";
import { readXlsx } from "../workbook/xlsx";
import type { WorkbookSnapshot } from "../workbook/port";
import { readPlan } from "./read-plan";
import { readOverrides } from "./scorecard";

export interface ScoredPlan {
  readonly ok: true;
  readonly plan: PlanDocument;
  readonly score: PlanScore;
  readonly snapshot: WorkbookSnapshot;
}

export interface UnreadablePlan {
  readonly ok: false;
  readonly code: OpenErrorCode;
  readonly message: Localized;
}

export async function scoreWorkbookBytes(bytes: Uint8Array): Promise<ScoredPlan | UnreadablePlan> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsx(bytes);
  } catch (err) {
    if (isOpenError(err)) return { ok: false, code: err.code, message: err.text };
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      code: "unreadable",
      message: L(`无法读取工作簿：${why}`, `cannot read the workbook: ${why}`),
    };
  }
  const plan = readPlan(snapshot);
  // A reviewer's overrides typed into an earlier scored copy are kept, so re-scoring keeps them.
  return { ok: true, plan, score: readOverrides(snapshot, scorePlan(plan)), snapshot };
}
