import { colIndex, colName, MAX_COLS, MAX_ROWS, quoteSheet, unquoteSheet } from "../a1";
import { tokenize } from "./tokenize";

/** A parsed A1 reference. Rows and columns are 1-based; whole columns/rows use 1..max. */
export interface RefInfo {
  /** The sheet prefix as written, including "!" ("" when none). */
  readonly prefix: string;
  /** The sheet's name, unquoted ("" when none). */
  readonly sheet: string;
  readonly kind: "cell" | "area" | "cols" | "rows";
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 1-based, as RefInfo: formatCell(5, 2) is "B5". */
export function formatCell(row: number, col: number, absolute = false): string {
  return absolute ? `$${colName(col - 1)}$${row}` : `${colName(col - 1)}${row}`;
}

/** The sheet of a reference's prefix ("'O''Brien'!" → "O'Brien"). */
const prefixSheet = (prefix: string): string => unquoteSheet(prefix.slice(0, -1));

/** Parses the text of a `ref` token. */
export function parseRef(text: string, prefix = ""): RefInfo | undefined {
  const body = text.slice(prefix.length);
  const sheet = prefix ? prefixSheet(prefix) : "";
  let m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?$/.exec(body);
  if (m) {
    const c1 = colIndex(m[1]) + 1;
    const r1 = Number(m[2]);
    if (m[3] === undefined) return { prefix, sheet, kind: "cell", top: r1, left: c1, bottom: r1, right: c1 };
    const c2 = colIndex(m[3]) + 1;
    const r2 = Number(m[4]);
    return {
      prefix,
      sheet,
      kind: "area",
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    };
  }
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(body);
  if (m) {
    const [a, b] = [colIndex(m[1]) + 1, colIndex(m[2]) + 1];
    return {
      prefix,
      sheet,
      kind: "cols",
      top: 1,
      left: Math.min(a, b),
      bottom: MAX_ROWS,
      right: Math.max(a, b),
    };
  }
  m = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/.exec(body);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return {
      prefix,
      sheet,
      kind: "rows",
      top: Math.min(a, b),
      left: 1,
      bottom: Math.max(a, b),
      right: MAX_COLS,
    };
  }
  return undefined;
}

/** Shifts one reference part ("$A$1", "B7", "C", "12") by the offset, keeping $-anchored parts. */
function shiftPart(part: string, dRow: number, dCol: number): string {
  return part.replace(/(\$?)([A-Za-z]{1,3})?(\$?)([0-9]{1,7})?/, (_all, d1: string, col, d2: string, row) => {
    let out = "";
    if (col !== undefined) out += d1 + (d1 ? col : colName(colIndex(col as string) + dCol));
    if (row !== undefined) {
      const rowDollar = col !== undefined ? d2 : d1;
      out += rowDollar + (rowDollar ? row : String(Number(row) + dRow));
    }
    return out;
  });
}

/**
 * Moves the relative parts of every reference in a formula by (dRow, dCol): what Excel does to
 * the master formula of a shared-formula group for each other cell of the group.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = "";
  for (const t of tokenize(formula)) {
    let text = t.text;
    if (t.type === "ref") {
      const prefix = t.sheet ?? "";
      const body = text.slice(prefix.length);
      text =
        prefix +
        body
          .split(":")
          .map((p) => shiftPart(p, dRow, dCol))
          .join(":");
    }
    out += t.ws + text;
  }
  return out;
}

/** Maps a row or a column (1-based) to where it is now; undefined when that cannot be told. */
export interface RefMapper {
  row(sheet: string, row: number): number | undefined;
  col(sheet: string, col: number): number | undefined;
}

/**
 * Every reference of a formula moved to where its rows and columns are now (rows inserted or deleted
 * above, columns to the left, a sheet renamed), as Excel itself adjusts formulas when a sheet changes
 * shape. `homeSheet` is the sheet of the formula's own cell; `sheetName` gives a sheet's current name.
 * Undefined when any part of any reference cannot be mapped.
 */
export function mapFormulaRefs(
  formula: string,
  homeSheet: string,
  map: RefMapper,
  sheetName: (sheet: string) => string | undefined = (s) => s,
): string | undefined {
  let out = "";
  for (const t of tokenize(formula)) {
    let text = t.text;
    if (t.type === "ref") {
      const prefix = t.sheet ?? "";
      const info = parseRef(text, prefix);
      // External references ([1]Sheet!A1) are left as they are.
      if (!info || /^'?\[/.test(prefix)) {
        out += t.ws + text;
        continue;
      }
      const sheet = prefix ? info.sheet : homeSheet;
      const now = sheetName(sheet);
      if (now === undefined) return undefined;
      const parts = text.slice(prefix.length).split(":");
      const mapped: string[] = [];
      for (const p of parts) {
        const m = /^(\$?)([A-Za-z]{1,3})?(\$?)([0-9]{1,7})?$/.exec(p);
        if (!m) return undefined;
        let s = "";
        if (m[2] !== undefined) {
          const c = map.col(sheet, colIndex(m[2]) + 1);
          if (c === undefined) return undefined;
          s += m[1] + colName(c - 1);
        }
        if (m[4] !== undefined) {
          const r = map.row(sheet, Number(m[4]));
          if (r === undefined) return undefined;
          s += (m[2] !== undefined ? m[3] : m[1]) + String(r);
        }
        mapped.push(s);
      }
      const newPrefix = prefix && now !== sheet ? `${quoteSheet(now)}!` : prefix;
      text = newPrefix + mapped.join(":");
    }
    out += t.ws + text;
  }
  return out;
}
