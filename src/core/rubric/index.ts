export * from "./types";
export { CRITERIA, ELEMENTS, ELEMENT_BY_ID, matchElementHeading, normalizeHeading } from "./elements";
export type { CriterionInfo, ElementInfo } from "./elements";
export { scorePlan } from "./scorePlan";
export { applyOverride, effectiveScore, totals } from "./override";
export { hasContent, fillerOf, textUnits, quantities, dateMentions, countItems } from "./text";
export { emptyPlan } from "./emptyPlan";
