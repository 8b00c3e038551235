// Reading a sparse snapshot in tests by A1 address.
import { parseCell } from "../../src/core/a1";
import { CellIndex, type CellValue, type SheetSnapshot } from "../../src/workbook/port";

export function valueAt(sheet: SheetSnapshot, a1: string): CellValue {
  const { row, col } = parseCell(a1);
  return new CellIndex(sheet.cells).value(row, col);
}

/** The formula ("=…") at a cell, or "" for a constant or an empty cell. */
export function formulaAt(sheet: SheetSnapshot, a1: string): string {
  const { row, col } = parseCell(a1);
  return new CellIndex(sheet.cells).get(row, col)?.formula ?? "";
}

/** One row's values from column A to the last present cell of that row. */
export function rowValues(sheet: SheetSnapshot, row0: number): CellValue[] {
  const cells = sheet.cells.filter((c) => c.row === row0);
  const out: CellValue[] = [];
  for (const c of cells) {
    while (out.length < c.col) out.push(null);
    out[c.col] = c.value;
  }
  return out;
}
