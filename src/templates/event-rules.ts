// The break-even rules of the event sheet as classic formulas, each built in one place so the native
// functions (EVENT_PROFIT, BREAKEVEN_RATE …) can replace them later without touching the layout.
// Arguments are cell references (or expressions); results are formula bodies without "=", blank ("")
// while an input is missing.
import { str } from "./i18n";
// The core's tolerance as the native rewrites write it (src/core/tolerance.ts: one value everywhere):
// a float-safe ceiling, and "r·m does not clearly exceed v" for the event that never breaks even.
import { ceilSafe as ceilSafeFormula, notClearlyGreater } from "../share/native";

export const have = (...cells: string[]): string => `AND(${cells.map((x) => `ISNUMBER(${x})`).join(",")})`;

/** B(a) = ⌈(F + v·a) / m⌉, or the invalid marker for negative costs or no margin. */
export function breakevenBuyersFormula(F: string, v: string, m: string, a: string, invalid: string): string {
  return (
    `IF(NOT(${have(F, v, m, a)}),"",IF(OR(${F}<0,${v}<0,${m}<=0,${a}<0),${invalid},` +
    `${ceilSafeFormula(`(${F}+${v}*${a})/${m}`)}))`
  );
}

/** a* = ⌈F / (r·m − v)⌉; never where r·m ≤ v within the tolerance (7% × 10,000 against 700). */
export function breakevenAttendeesFormula(
  F: string,
  v: string,
  m: string,
  r: string,
  invalid: string,
  never: string,
): string {
  return (
    `IF(NOT(${have(F, v, m, r)}),"",IF(OR(${F}<0,${v}<0,${m}<0,${r}<=0,${r}>1),${invalid},` +
    `IF(${notClearlyGreater(`${r}*${m}`, v)},${never},${ceilSafeFormula(`${F}/(${r}*${m}-${v})`)})))`
  );
}

/** Profit a·r·m − F − v·a. */
export function profitFormula(a: string, r: string, m: string, F: string, v: string): string {
  return `IF(${have(a, r, m, F, v)},${a}*${r}*${m}-${F}-${v}*${a},"")`;
}

/** Cost F + v·a. */
export function costFormula(F: string, v: string, a: string): string {
  return `IF(${have(F, v, a)},${F}+${v}*${a},"")`;
}

/** Income a·r·m (buyers × gross profit per buyer). */
export function incomeFormula(a: string, r: string, m: string): string {
  return `IF(${have(a, r, m)},${a}*${r}*${m},"")`;
}

/**
 * The plain verdict: breaks even with the expected profit, or the deals still missing
 * (⌈B(a) − a·r⌉). A profit within a cent of zero breaks even (64 of 120 at 53.3% is exactly even).
 */
export function verdictFormula(
  profit: string,
  buyers: string,
  expected: string,
  texts: { readonly breaksEven: string; readonly shortOf: string; readonly deals: string },
  currency: string,
): string {
  return (
    `IF(${have(profit, buyers, expected)},IF(ROUND(${profit},2)>=0,` +
    `${texts.breaksEven}&${str(currency)}&TEXT(ROUND(${profit},0),"#,##0"),` +
    `${texts.shortOf}&${ceilSafeFormula(`${buyers}-${expected}`)}&${texts.deals}),"")`
  );
}

/** The first value when it is a number, else the second (an entered figure over an itemised one). */
export function eitherFormula(entered: string, fallback: string): string {
  return `IF(ISNUMBER(${entered}),${entered},${fallback})`;
}

/** The sum of some cost lines, blank while none is filled. */
export function linesFormula(lines: string): string {
  return `IF(COUNT(${lines})=0,"",SUM(${lines}))`;
}

/** Actual − estimate where both are there. */
export function differenceFormula(estimate: string, actual: string): string {
  return `IF(${have(estimate, actual)},${actual}-${estimate},"")`;
}
