// Where the event sheet's cells are.

/** 1-based rows of the event sheet, for the tables, the names and the tests. */
export const eventLayout = {
  /** F, v, m, r, a: entered in column B, used (entered or itemised) in column C. */
  inputRows: [5, 9] as const,
  resultRows: [12, 17] as const,
  fixedLines: [22, 26] as const,
  contingencyRateRow: 27,
  contingencyRow: 28,
  fixedTotalRow: 29,
  variableLines: [31, 33] as const,
  variableTotalRow: 34,
  marginLines: [36, 40] as const,
  marginTotalRow: 41,
  reviewRows: [45, 52] as const,
  /** The sensitivity tables and the chart start page 2. */
  pageBreakAfter: 53,
  oneWayHeaderRow: 55,
  oneWayRows: [56, 70] as const,
  twoWayHeaderRow: 73,
  twoWayRows: [74, 81] as const,
  chartRows: [83, 101] as const,
};

/** The cells the formulas use: the value each result is computed from. */
export const eventCells = { F: "$C$5", v: "$C$6", m: "$C$7", r: "$C$8", a: "$C$9" } as const;
