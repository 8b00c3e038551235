// A sheet's present cells as lines, for the readers of structure. Sparse: a line exists for each row
// that holds something, never for the empty rows of a used range. A cell holding a whole plan pasted
// as text (headings on lines of their own) is spread over virtual lines, one per text line, so the
// section reader sees its headings; references still name the real cell.
import { cellAddress, colIndex, sheetRef } from "../../core/a1";
import type { CellLook } from "../../core/rubric";
import { CellIndex, type CellValue, type SheetSnapshot } from "../../workbook/port";
import { cellText, lookOf } from "./values";

export function refOf(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, cellAddress(row, col));
}

export interface GridCell {
  readonly col: number;
  readonly value: CellValue;
  readonly text: string;
  readonly bold: boolean;
  readonly size?: number;
  readonly format?: string;
}

export interface Line {
  /** The sheet row (0-based) the line comes from. */
  readonly row: number;
  /** Non-empty cells, left to right. */
  readonly cells: readonly GridCell[];
  /** True when a blank row (or more) separates this line from the one before. */
  readonly afterGap: boolean;
  /** The first cell starts a merged area wider than one column (a title or a heading band). */
  readonly merged: boolean;
}

function mergeStarts(sheet: SheetSnapshot): Set<number> {
  const out = new Set<number>();
  for (const m of sheet.merges ?? []) {
    const x = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/u.exec(m);
    if (!x || x[1] === x[3]) continue;
    out.add((Number(x[2]) - 1) * 16384 + colIndex(x[1]));
  }
  return out;
}

export class Grid {
  readonly lines: readonly Line[];
  /** The font size most text cells have: larger text reads as a heading. */
  readonly bodySize: number | undefined;
  private readonly index: CellIndex;

  constructor(
    readonly sheet: SheetSnapshot,
    splitLine: (text: string) => boolean,
  ) {
    this.index = new CellIndex(sheet.cells);
    const merges = mergeStarts(sheet);
    // By row number in an array (holes cost nothing to skip), already in row order.
    const byRow: GridCell[][] = [];
    const sizes = new Map<number, number>();
    for (const c of sheet.cells) {
      const text = cellText(c.value);
      if (text === "") continue;
      const cell: GridCell = {
        col: c.col,
        value: c.value,
        text,
        bold: c.bold === true,
        ...(c.size !== undefined ? { size: c.size } : {}),
        ...(c.format !== undefined ? { format: c.format } : {}),
      };
      const list = byRow[c.row];
      if (list) list.push(cell);
      else byRow[c.row] = [cell];
      if (c.size !== undefined && typeof c.value === "string")
        sizes.set(c.size, (sizes.get(c.size) ?? 0) + 1);
    }
    this.bodySize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const lines: Line[] = [];
    let prev = -2;
    byRow.forEach((rowCells, row) => {
      const cells = rowCells.sort((a, b) => a.col - b.col);
      const afterGap = row - prev > 1 && prev >= 0;
      prev = row;
      const merged = merges.has(row * 16384 + cells[0].col);
      const split = cells.findIndex(
        (c) =>
          typeof c.value === "string" && c.value.includes("\n") && c.value.split(/\r?\n/).some(splitLine),
      );
      if (split < 0) {
        lines.push({ row, cells, afterGap, merged });
        return;
      }
      const parts = String(cells[split].value)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "");
      parts.forEach((text, k) => {
        const one: GridCell = { ...cells[split], value: text, text };
        const rest = k === 0 ? cells.filter((_, j) => j !== split) : [];
        lines.push({
          row,
          cells: [...rest, one].sort((a, b) => a.col - b.col),
          afterGap: k === 0 && afterGap,
          merged,
        });
      });
    });
    this.lines = lines;
  }

  ref(line: Line, col: number): string {
    return refOf(this.sheet.name, line.row, col);
  }

  /** The cell of a line in a column, if it holds something. */
  at(line: Line, col: number | undefined): GridCell | undefined {
    return col === undefined ? undefined : line.cells.find((c) => c.col === col);
  }

  look(cell: GridCell | undefined): CellLook | undefined {
    return cell ? lookOf(cell.value, cell.format) : undefined;
  }

  /** A cell by its sheet position (for the template's defined names). */
  value(row: number, col: number): CellValue {
    return this.index.value(row, col);
  }

  format(row: number, col: number): string | undefined {
    return this.index.get(row, col)?.format;
  }
}
