// The eight criteria of 营销计划评估标准, one file each under ./criteria/. Each returns an integer 0–5
// with evidence and, below 5, a suggestion. Criteria 1 and 3–8 only ever look for something being
// THERE (an element, a number, a date, an owner), never for something being absent, so filling in an
// empty element never lowers them; the property tests hold the engine to that. Criterion 2
// (concise) is the exception by design: a plan padded with long text loses on it.
export { scoreComplete } from "./criteria/complete";
export { MIN_UNITS, maxUnits, scoreConcise } from "./criteria/concise";
export { scoreMeasurable } from "./criteria/measurable";
export { scoreActions } from "./criteria/actions";
export { scoreSalesBudgetSchedule } from "./criteria/sales-budget-schedule";
export { scoreOrganization } from "./criteria/organization";
export { scoreFeedback } from "./criteria/feedback";
export { scoreResults } from "./criteria/results";
