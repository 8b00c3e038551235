// The break-even rules of the event sheet as classic formulas. The rules themselves (the float-safe
// ceiling, the tolerance on r·m against v, the order of operations) are the DEALER functions' native
// forms (src/share/emit.ts), the very formulas sharing writes, so each rule lives once; this file only
// adds what a template shows instead of an error: blank while an input is missing, the invalid marker
// for inputs the sheet's validation should have refused, and "never" where the event cannot break even.
// Arguments are cell references (or expressions); results are formula bodies without "=".
import { ceilSafeFormula, nativeFormula } from "../share/emit";
import { str } from "./i18n";

export const have = (...cells: string[]): string => `AND(${cells.map((x) => `ISNUMBER(${x})`).join(",")})`;

/** B(a) = ⌈(F + v·a) / m⌉, or the invalid marker for negative costs or no margin. */
export function breakevenBuyersFormula(F: string, v: string, m: string, a: string, invalid: string): string {
  return (
    `IF(NOT(${have(F, v, m, a)}),"",IF(OR(${F}<0,${v}<0,${m}<=0,${a}<0),${invalid},` +
    `${nativeFormula("BREAKEVEN_BUYERS", [F, v, m, a])}))`
  );
}

/**
 * The conversion needed to break even at a attendees, B(a) / a (BREAKEVEN_RATE); blank until the
 * break-even buyers cell shows a number (so its invalid marker stands alone) or without attendees.
 */
export function requiredRateFormula(F: string, v: string, m: string, a: string, buyers: string): string {
  return `IF(AND(ISNUMBER(${buyers}),ISNUMBER(${a})),IF(${a}>0,${nativeFormula("BREAKEVEN_RATE", [F, v, m, a])},""),"")`;
}

/** a* = ⌈F / (r·m − v)⌉; never where r·m ≤ v (within the tolerance: the function's #NUM!). */
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
    `IFERROR(${nativeFormula("BREAKEVEN_ATTENDEES", [F, v, m, r])},${never})))`
  );
}

/** Profit a·r·m − F − v·a (EVENT_PROFIT: #NUM! for a negative cost or a rate outside (0, 1]). */
export function profitFormula(a: string, r: string, m: string, F: string, v: string): string {
  return `IF(${have(a, r, m, F, v)},${nativeFormula("EVENT_PROFIT", [F, v, m, r, a])},"")`;
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
