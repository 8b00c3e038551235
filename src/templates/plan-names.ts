// What the scorer knows of the plan template (src/templates/plan.ts): its defined names, the texts
// its cells hold until filled in, and the attainment formula of its actual columns. One home, so the
// reader (src/scoring/read/names.ts) never spells them again.

import { nativeFormula } from "../share/emit";

/**
 * The defined names the plan template sets, for the scorer to read the template by (one home: the
 * reader imports these rather than spelling the names again).
 */
export const PLAN_NAMES = {
  dealer: "Plan_Dealer",
  brand: "Plan_Brand",
  elements: "Plan_Elements",
  elementOwners: "Plan_ElementOwners",
  elementDueDates: "Plan_ElementDueDates",
  elementStatus: "Plan_ElementStatus",
  salesTarget: "Plan_SalesTarget",
  revenueTarget: "Plan_RevenueTarget",
  budget: "Plan_Budget",
  budgetPerVehicle: "Plan_BudgetPerVehicle",
  indicators: "Plan_Indicators",
  indicatorActuals: "Plan_IndicatorActuals",
  controlActuals: "Plan_ControlActuals",
  schedule: "Plan_Schedule",
  control: "Plan_Control",
  strategy: "Plan_Strategy",
} as const;

/** Texts a template cell holds until someone fills it in: never a dealer's name. */
export const PLAN_PLACEHOLDERS = {
  dealer: ["经销商名称", "Dealer name"] as readonly string[],
};

/**
 * Indicator names whose lower values are better (costs, spend): their attainment is target / actual.
 * The template's attainment formula searches the indicator's name for them, so a cost overrun shows
 * below 100% in Excel as it does in the scorer (src/core/rubric/indicators.ts).
 */
export const LOWER_IS_BETTER_WORDS = ["费用", "成本", "cost", "spend", "expense"] as const;

/** Attainment of the target in `target` by the actual in `actual`, blank until both are numbers. */
export function attainmentFormula(label: string, target: string, actual: string): string {
  const lower = LOWER_IS_BETTER_WORDS.map((w) => `ISNUMBER(SEARCH("${w}",${label}))`).join(",");
  // ATTAINMENT's native form (the formula sharing writes) decides; higher is better unless the
  // indicator's name says it is a cost.
  const native = nativeFormula("ATTAINMENT", [actual, target, `NOT(OR(${lower}))`]);
  return `=IF(OR(NOT(ISNUMBER(${target})),NOT(ISNUMBER(${actual})),${target}<=0,${actual}<=0),"",${native})`;
}
