// Scoring for both hosts: the plan reader and the rubric engine on a workbook snapshot, whichever
// adapter read it. A scorecard already in the workbook brings back the reviewer's overrides.
import { scorePlan, type PlanScore } from "../../core/rubric";
import { readPlan } from "../../scoring/read-plan";
import { readOverrides } from "../../scoring/scorecard";
import type { WorkbookSnapshot } from "../../workbook/port";

export function scoreSnapshot(snapshot: WorkbookSnapshot): PlanScore {
  return readOverrides(snapshot, scorePlan(readPlan(snapshot)));
}
