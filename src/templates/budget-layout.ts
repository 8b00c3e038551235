// Where the budget's cells are, for the sheet builders, the summary's references and the tests.
import { budgetGroups } from "./budget-texts";

/** The rows of one block (1-based): its header, the lines by group, the group subtotals, the total. */
export interface BudgetBlock {
  readonly headerRow: number;
  readonly lineRows: readonly (readonly number[])[];
  readonly subtotalRows: readonly number[];
  readonly totalRow: number;
}

export interface BudgetLayout {
  readonly planned: BudgetBlock;
  readonly actual: BudgetBlock;
  readonly analysis: BudgetBlock;
}

/** Columns (0-based). Month blocks: C..N months, O..R quarters, S the year. */
export const budgetColumns = {
  MONTH0: 2,
  Q0: 14,
  YEAR: 18,
  // The analysis block
  PLAN_YEAR: 2,
  YTD_PLANNED: 3,
  YTD_ACTUAL: 4,
  VARIANCE: 5,
  VARIANCE_PCT: 6,
  STATUS: 7,
  FORECAST: 8,
  SHARE: 9,
  LEADS: 10,
  VEHICLES: 11,
  REVENUE: 12,
  ROI: 13,
  CPS: 14,
  CPL: 15,
  NOTES: 16,
} as const;

/** Setting cells. */
export const budgetCells = { margin: "C5", tolerance: "C6", override: "C7", months: "C8" } as const;

function blockAt(headerRow: number): BudgetBlock {
  let r = headerRow + 1;
  const lineRows: number[][] = [];
  const subtotalRows: number[] = [];
  for (const g of budgetGroups) {
    r++; // the group's own heading row
    lineRows.push(g.lines.map(() => r++));
    subtotalRows.push(r++);
  }
  return { headerRow, lineRows, subtotalRows, totalRow: r };
}

export function budgetLayout(): BudgetLayout {
  const planned = blockAt(11);
  const actual = blockAt(planned.totalRow + 3);
  const analysis = blockAt(actual.totalRow + 3);
  return { planned, actual, analysis };
}
