// A person's override never replaces the automatic score: both are kept, and the totals use the
// override where one is given, so a reviewer can see what the engine said and what they changed.
import type { CriterionId, CriterionScore, Override, PlanScore, RubricError } from "./types";

export function effectiveScore(score: PlanScore, id: CriterionId): number {
  return score.overrides[id]?.score ?? score.criteria[id - 1].auto;
}

export function totals(
  criteria: readonly CriterionScore[],
  overrides: Readonly<Partial<Record<CriterionId, Override>>>,
): { autoTotal: number; total: number; percent: number } {
  const autoTotal = criteria.reduce((s, c) => s + c.auto, 0);
  const total = criteria.reduce((s, c) => s + (overrides[c.id]?.score ?? c.auto), 0);
  return { autoTotal, total, percent: Math.round((total / 40) * 1000) / 10 };
}

/**
 * Set (or with score null, remove) a person's override: a number from 0 to 5 (fractions too), as the scorecard
 * sheet's validation allows, so what a reviewer typed into the sheet reads back unchanged. A reason is
 * required so the override can be understood later.
 */
export function applyOverride(
  score: PlanScore,
  id: CriterionId,
  value: number | null,
  reason: string,
): PlanScore | RubricError {
  const overrides: Partial<Record<CriterionId, Override>> = { ...score.overrides };
  if (value === null) {
    delete overrides[id];
  } else {
    if (!Number.isFinite(value) || value < 0 || value > 5)
      return {
        kind: "rubric-error",
        reason: {
          "zh-CN": "人工评分须在 0 到 5 之间",
          "en-US": "an override must be between 0 and 5",
        },
      };
    if (reason.trim() === "")
      return {
        kind: "rubric-error",
        reason: { "zh-CN": "人工评分须写明理由", "en-US": "an override needs a reason" },
      };
    overrides[id] = { score: value, reason: reason.trim() };
  }
  return { ...score, overrides, ...totals(score.criteria, overrides) };
}
