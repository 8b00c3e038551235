// The budget's rules as classic formulas, each built in one place. Where a DEALER function states the
// rule (ROI, COST_PER_SALE) the cell holds that function's native form (src/share/emit.ts), the very
// formula sharing writes, so the rule lives once. Every builder takes cell addresses and returns a
// formula body without "=". Blank ("") where the inputs are missing, never an error.
import { nativeFormula } from "../share/emit";

/** A number cell or an empty text: ISNUMBER for each. */
const have = (...cells: string[]) => `AND(${cells.map((x) => `ISNUMBER(${x})`).join(",")})`;

/**
 * Months reported: the override when it is a whole number of 0–12, otherwise the position of the last
 * month (1–12) with any actual entered in one of the line cells (`monthCells[k]`: the ranges of month
 * k+1's line cells, subtotal rows left out since their SUM is always a number).
 */
export function monthsReportedFormula(override: string, monthCells: readonly string[]): string {
  const auto = `MAX(${monthCells.map((cells, k) => `IF(COUNT(${cells})>0,${k + 1},0)`).join(",")})`;
  return `IF(AND(ISNUMBER(${override}),${override}>=0,${override}<=12),INT(${override}),${auto})`;
}

/**
 * The sum of the first `months` cells of a row of twelve months (e.g. "C12:N12", whose first column is
 * number `firstCol`, 1-based). SUMPRODUCT with a column test: no OFFSET, which is volatile.
 */
export function toDateFormula(row: string, firstCol: number, months: string): string {
  return `SUMPRODUCT(${row}*(COLUMN(${row})-${firstCol}<${months}))`;
}

/** Actual − planned to date; blank while neither has anything. */
export function varianceFormula(planned: string, actual: string): string {
  return `IF(AND(${planned}=0,${actual}=0),"",${actual}-${planned})`;
}

export function variancePctFormula(planned: string, actual: string): string {
  return `IF(${planned}>0,(${actual}-${planned})/${planned},"")`;
}

/**
 * Over plan when actual to date exceeds plan to date by more than the tolerance, under plan when it
 * falls short by more than the tolerance, within plan otherwise; blank before any month is reported.
 */
export function statusFormula(
  planned: string,
  actual: string,
  months: string,
  tolerance: string,
  texts: { readonly over: string; readonly under: string; readonly ok: string },
): string {
  return (
    `IF(OR(${months}=0,AND(${planned}=0,${actual}=0)),"",` +
    `IF(${actual}>${planned}*(1+${tolerance}),${texts.over},` +
    `IF(${actual}<${planned}*(1-${tolerance}),${texts.under},${texts.ok})))`
  );
}

/** Full-year forecast: actual to date plus the plan of the months not yet reported. */
export function forecastFormula(yearPlan: string, plannedToDate: string, actualToDate: string): string {
  return `${actualToDate}+(${yearPlan}-${plannedToDate})`;
}

/** A part's share of a total; blank while the total is not positive. */
export function shareFormula(part: string, total: string): string {
  return `IF(${have(part, total)},IF(${total}>0,${part}/${total},""),"")`;
}

/** ROI = (revenue × margin − cost) / cost, as the core's roi; blank without revenue or cost. */
export function roiFormula(revenue: string, cost: string, margin: string): string {
  return (
    `IF(${have(revenue, cost)},IF(AND(${cost}>0,${margin}>0,${margin}<=1),` +
    `${nativeFormula("ROI", [revenue, cost, margin])},""),"")`
  );
}

/** Cost per unit (vehicle sold, lead), as the core's costPerSale; blank without units. */
export function perUnitFormula(cost: string, units: string): string {
  return `IF(${have(units, cost)},IF(${units}>0,${nativeFormula("COST_PER_SALE", [cost, units])},""),"")`;
}
