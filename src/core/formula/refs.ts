import { colIndex, colName, MAX_COLS, MAX_ROWS } from "../a1";
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

function unquoteSheet(prefix: string): string {
  const bare = prefix.slice(0, -1);
  return bare.startsWith("'") ? bare.slice(1, -1).replace(/''/g, "'") : bare;
}

/** Parses the text of a `ref` token. */
export function parseRef(text: string, prefix = ""): RefInfo | undefined {
  const body = text.slice(prefix.length);
  const sheet = prefix ? unquoteSheet(prefix) : "";
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
