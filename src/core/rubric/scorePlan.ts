import {
  scoreActions,
  scoreComplete,
  scoreConcise,
  scoreFeedback,
  scoreMeasurable,
  scoreOrganization,
  scoreResults,
  scoreSalesBudgetSchedule,
} from "./criteria";
import { planFacts } from "./facts";
import type { CriterionScore, PlanDocument, PlanScore } from "./types";
import { totals } from "./override";

/** Score a plan against the eight criteria. Deterministic: no clock, no randomness, no locale. */
export function scorePlan(plan: PlanDocument): PlanScore {
  const f = planFacts(plan);
  const criteria: CriterionScore[] = [
    scoreComplete(f),
    scoreConcise(f),
    scoreMeasurable(f),
    scoreActions(f),
    scoreSalesBudgetSchedule(f),
    scoreOrganization(f),
    scoreFeedback(f),
    scoreResults(f),
  ];
  return { criteria, overrides: {}, ...totals(criteria, {}), max: 40 };
}
