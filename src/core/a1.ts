// A1 references, column letters and sheet-name quoting: the one home of these helpers for the
// templates, both workbook adapters, the package layer, sharing and scoring. Rows and columns are
// 0-based here (row 0 is row 1, column 0 is A) unless a name says otherwise.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function colName(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "xfd" → 16383. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B5" → { row: 4, col: 1 }. Accepts "$B$5". Throws on anything else. */
export function parseCell(a1: string): { row: number; col: number } {
  const p = tryParseCell(a1);
  if (!p) throw new Error(`Bad cell address: ${a1}`);
  return p;
}

/** Like parseCell, but undefined for text that is not a cell inside Excel's grid. */
export function tryParseCell(a1: string): { row: number; col: number } | undefined {
  const m = CELL.exec(a1.trim());
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = colIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return undefined;
  return { row, col };
}

/** "B5:D9" or "B5" → 0-based rectangle. */
export function parseRange(a1: string): Rect {
  const [a, b] = a1.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    row: Math.min(p.row, q.row),
    col: Math.min(p.col, q.col),
    rows: Math.abs(q.row - p.row) + 1,
    cols: Math.abs(q.col - p.col) + 1,
  };
}

export function cellAddress(row0: number, col0: number, absolute = false): string {
  return absolute ? `$${colName(col0)}$${row0 + 1}` : `${colName(col0)}${row0 + 1}`;
}

/** Every cell address of a rectangle, row by row. */
export function rectCells(r: Rect): string[] {
  const out: string[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push(cellAddress(r.row + i, r.col + j));
  return out;
}

/** Every cell address of an A1 range, row by row: "A1:B2" → A1, B1, A2, B2. */
export function rangeCells(a1: string): string[] {
  return rectCells(parseRange(a1));
}

export function rangeAddress(r: Rect, absolute = false): string {
  const a = cellAddress(r.row, r.col, absolute);
  return r.rows === 1 && r.cols === 1
    ? a
    : `${a}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/** "B5:D9" → "$B$5:$D$9". */
export function absoluteRange(a1: string): string {
  return rangeAddress(parseRange(a1), true);
}

/**
 * Whether a sheet name must be quoted in a formula, by the rules Excel follows (observed, as the
 * specification does not publish them): anything but letters (any script), digits, "_" and "."; a
 * leading digit or "."; a name that reads as an A1 cell inside the grid (A1, xfd1048576) or as an R1C1
 * reference (R, C, R1, C5, R2C3, RC).
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (name === "") return true;
  if (/[^\p{L}\p{N}\p{M}_.]/u.test(name)) return true;
  if (/^[\p{N}.]/u.test(name)) return true;
  if (tryParseCell(name)) return true;
  if (/^(R\d*C?\d*|C\d*)$/i.test(name)) return true;
  return false;
}

/** A sheet name as a formula prefix writes it: 'My sheet', 'O''Brien', 营销计划, Sheet1. */
export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** The inverse of quoteSheet: "'O''Brien'" → "O'Brien"; a name written without quotes is returned as it is. */
export function unquoteSheet(text: string): string {
  return text.length >= 2 && text.startsWith("'") && text.endsWith("'")
    ? text.slice(1, -1).replace(/''/g, "'")
    : text;
}

/** 'My sheet'!B5, with the sheet quoted only where Excel would. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/** The inverse of sheetRef for a cell or a rectangle: "'A b'!C5" → { sheet: "A b", address: "C5" }. */
export function splitSheetRef(ref: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/u.exec(ref);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3] };
}
