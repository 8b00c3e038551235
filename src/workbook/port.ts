// The workbook port: what the templates, the scoring and the sharing code need from a workbook,
// whichever host holds it (Excel through Office.js, or an .xlsx file through exceljs).
// The template spec types live in src/templates/spec.ts; this file owns the read side.

/** A cell's value as read back: numbers, text, booleans, an Excel error ("#N/A"), or empty. */
export type CellValue = number | string | boolean | { error: string } | null;

export interface SheetSnapshot {
  readonly name: string;
  /** Values of the used range, row by row, starting at A1 (0-based: values[r][c] is row r+1, column c+1). */
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas of the same cells ("" where the cell holds a constant), when the adapter read them. */
  readonly formulas?: readonly (readonly string[])[];
}

export interface DefinedNameSnapshot {
  readonly name: string;
  /** e.g. "'营销计划'!$C$5" */
  readonly refersTo: string;
  /** Set for sheet-scoped names. */
  readonly sheet?: string;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly DefinedNameSnapshot[];
}
