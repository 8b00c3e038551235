// The workbook port: what the templates, the scoring and the sharing code need from a workbook,
// whichever host holds it (Excel through Office.js, or an .xlsx file through the package layer in
// src/workbook/ooxml).
// The template spec types live in src/templates/spec.ts; this file owns the read side.

import type { Localized } from "../core/lang";
import type { WorkbookSpec } from "../templates/spec";

/** A cell's value as read back: numbers, text, booleans, an Excel error ("#N/A"), or empty. */
export type CellValue = number | string | boolean | { error: string } | null;

/**
 * One cell that is present in a sheet (it holds a value or a formula). Rows and columns are 0-based:
 * row 0, col 0 is A1. Formatting-only cells are not present: the cost of a snapshot grows with the
 * cells that hold something, never with the used range or a defined name's extent.
 */
export interface SnapshotCell {
  readonly row: number;
  readonly col: number;
  /** The value (for a formula, its cached result; null when none was saved). */
  readonly value: CellValue;
  /** "=…" for a formula cell, in the invariant English syntax Excel stores. */
  readonly formula?: string;
  /** The number format, when not General (e.g. "0.0%", '"¥"#,##0'), so values can be shown as the cell shows them. */
  readonly format?: string;
  /** Set when the cell's font is bold. */
  readonly bold?: boolean;
  /** The font size in points, when the reader knows it. */
  readonly size?: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** The present cells, row by row and left to right within a row. */
  readonly cells: readonly SnapshotCell[];
  /** Merged areas, e.g. "A1:F1", when the adapter read them. */
  readonly merges?: readonly string[];
  /** Hidden or very hidden sheets. */
  readonly hidden?: boolean;
}

/** Looks cells up by position (a Map over the present cells; nothing is allocated for empty ones). */
export class CellIndex {
  // Cells by row, each row's cells in reading order. A flat Map keyed row·16384+col was 3× slower to
  // build: past row 131,072 such keys leave V8's small-integer range and every one becomes a boxed
  // number. A row with many cells gets a column map the first time it is searched.
  private readonly rows: (SnapshotCell[] | undefined)[] = [];
  private readonly wide = new Map<number, Map<number, SnapshotCell>>();
  /** Bounds of the present cells (-1 when there are none). */
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(cells: readonly SnapshotCell[]) {
    let lastRow = -1;
    let lastCol = -1;
    for (const c of cells) {
      const row = this.rows[c.row];
      if (row) row.push(c);
      else this.rows[c.row] = [c];
      if (c.row > lastRow) lastRow = c.row;
      if (c.col > lastCol) lastCol = c.col;
    }
    this.lastRow = lastRow;
    this.lastCol = lastCol;
  }

  /** The cell at a position; of two cells given for one position, the later. */
  get(row: number, col: number): SnapshotCell | undefined {
    const cells = this.rows[row];
    if (!cells) return undefined;
    if (cells.length <= 16) {
      for (let i = cells.length - 1; i >= 0; i--) if (cells[i].col === col) return cells[i];
      return undefined;
    }
    let byCol = this.wide.get(row);
    if (!byCol) {
      byCol = new Map(cells.map((c) => [c.col, c]));
      this.wide.set(row, byCol);
    }
    return byCol.get(col);
  }

  value(row: number, col: number): CellValue {
    return this.get(row, col)?.value ?? null;
  }
}

/**
 * The value of one cell by a scan that stops at it, for a single lookup (a sheet's title in A1)
 * where indexing a million-cell sheet would cost far more than the answer.
 */
export function cellValueAt(cells: readonly SnapshotCell[], row: number, col: number): CellValue {
  let found: SnapshotCell | undefined;
  for (const c of cells) if (c.row === row && c.col === col) found = c;
  return found?.value ?? null;
}

/** A snapshot sheet from dense rows (rows[r][c] is row r+1, column c+1), as tests and doubles write them. */
export function sheetFromRows(
  name: string,
  rows: readonly (readonly CellValue[])[],
  formulas?: readonly (readonly string[])[],
): SheetSnapshot {
  const cells: SnapshotCell[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const f = formulas?.[r]?.[c];
      const formula = typeof f === "string" && f.startsWith("=") ? f : undefined;
      if ((value === null || value === "") && formula === undefined) return;
      cells.push({ row: r, col: c, value: value === "" ? null : value, ...(formula ? { formula } : {}) });
    }),
  );
  return { name, cells };
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
