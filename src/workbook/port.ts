// The workbook port: what the templates, the scoring and the sharing code need from a workbook,
// whichever host holds it (Excel through Office.js, or an .xlsx file through exceljs).
// The template spec types live in src/templates/spec.ts; this file owns the read side.

import type { Localized } from "../core/lang";
import type { WorkbookSpec } from "../templates/spec";

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

// ---- The write side -----------------------------------------------------------------------------
// (Added by the templates helper; the read-side types above are unchanged.)

/** A defined name as it was actually written (the base name may have got a suffix such as "_2"). */
export interface WrittenName {
  readonly base: string;
  readonly name: string;
  readonly sheet: string;
  /** e.g. "'活动保本分析'!$B$5" */
  readonly refersTo: string;
}

export interface WriteResult {
  /** Real names of the sheets written, in spec order (a taken name gets a new, unique one). */
  readonly sheetNames: readonly string[];
  readonly names: readonly WrittenName[];
  /** Features the host could not provide (e.g. "chart", "dataValidation"), for the pane to mention. */
  readonly skipped: readonly string[];
}

export interface WorkbookPort {
  listSheetNames(): Promise<string[]>;
  writeTemplate(spec: WorkbookSpec): Promise<WriteResult>;
  readWorkbook(): Promise<WorkbookSnapshot>;
}

/** An error the pane can show as is: a stable code and a message in both languages. */
export class WorkbookError extends Error {
  readonly code: string;
  readonly messages: Localized;
  constructor(code: string, messages: Localized, cause?: unknown) {
    super(messages["en-US"]);
    this.name = "WorkbookError";
    this.code = code;
    this.messages = messages;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}
