// Scoring for both hosts: the plan reader and the rubric engine on a workbook snapshot, whichever
// adapter read it. A scorecard already in the workbook brings back the reviewer's overrides.
import {
  applyOverride,
  scorePlan,
  type CriterionId,
  type PlanScore,
  type RubricError,
} from "../../core/rubric";
import { parseNumber } from "../../templates/input";
import { readPlan } from "../../scoring/read-plan";
import { readOverrides } from "../../scoring/scorecard";
import type { WorkbookSnapshot } from "../../workbook/port";

export function scoreSnapshot(snapshot: WorkbookSnapshot): PlanScore {
  return readOverrides(snapshot, scorePlan(readPlan(snapshot)));
}

/**
 * A person's override as typed ("4", "４", "4.5"), read by the templates module's number reader, then
 * checked by the engine (0–5, a reason); null removes it.
 */
export function overrideScore(
  score: PlanScore,
  id: CriterionId,
  value: string | null,
  reason: string,
): PlanScore | RubricError {
  if (value === null) return applyOverride(score, id, null, reason);
  const read = parseNumber(value);
  if (read.kind === "invalid") return { kind: "rubric-error", reason: read.message };
  return applyOverride(score, id, read.kind === "number" ? read.value : Number.NaN, reason);
}
