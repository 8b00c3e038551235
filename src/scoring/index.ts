// The scoring's public face for the task pane (browser-safe: no Node modules here; the CLI adds
// node-inflate.ts for its extra size check).
import { scorePlan, type PlanDocument, type PlanScore } from "../core/rubric";
import type { WorkbookSnapshot } from "../workbook/port";
import { readPlan } from "./read-plan";
import { readOverrides } from "./scorecard";

export { readPlan, refOf, splitRef } from "./read-plan";
export { buildScorecard, evidenceText, readOverrides, scorecardSheet } from "./scorecard";
export type { ScorecardOptions } from "./scorecard";
export { LIMITS } from "../workbook/ooxml/limits";
export type { OpenErrorCode } from "../workbook/ooxml/limits";
export { scoreWorkbookBytes } from "./score-workbook";
export type { ScoredPlan, UnreadablePlan } from "./score-workbook";
export { addSheetToXlsx } from "./inject-sheet";
export { SCORECARD_TITLE } from "./scorecard-titles";

/**
 * Read and score the plan in a workbook the port has read (the open workbook in Excel, or an uploaded
 * file in preview mode). Overrides a reviewer already typed into a scorecard sheet are kept.
 */
export function scoreSnapshot(snapshot: WorkbookSnapshot): { plan: PlanDocument; score: PlanScore } {
  const plan = readPlan(snapshot);
  return { plan, score: readOverrides(snapshot, scorePlan(plan)) };
}
export { evidenceValue } from "./evidence";
