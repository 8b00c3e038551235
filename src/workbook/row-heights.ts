// Row heights a sheet needs so that no text is clipped: a 16-point title in a 15-point row loses its
// top, a wrapped note or header keeps only its first line. Neither Excel opening a file nor
// LibreOffice grows a row that has no height of its own, and no engine grows a row for a merged
// cell's wrapped text, so every writer sets these heights. Estimated from the spec alone (text length
// against the column or merged width, font size and weight of the looks), pure, shared by the writers.
import { parseCell, parseRange } from "../core/a1";
import { flattenCells, isFormula, plainText, type SheetSpec } from "../templates/spec";
import { looks } from "./looks";

/** Excel's default row height (points) for its default 11-point font, and its default column width. */
export const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_COL_WIDTH = 8.43;
const DEFAULT_SIZE = 11;

/**
 * A text's width in characters of the default font's digit width: CJK characters and full-width
 * forms a little less than two, Latin text a little less than one (as LibreOffice renders them).
 */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += charUnits(ch);
  return n;
}

function charUnits(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6);
  return wide ? 1.7 : 0.88;
}

/**
 * How many lines a text takes in `room` characters when wrapped as the engines wrap: at spaces where
 * there are any, anywhere between CJK characters, a word longer than the line broken where it must.
 */
export function wrappedLines(text: string, room: number): number {
  let lines = 1;
  let used = 0;
  // Tokens: a run of non-space Latin characters, a single CJK character, or a space.
  for (const tok of text.match(/ +|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]+|\S/gu) ?? []) {
    const w = textUnits(tok);
    if (tok.startsWith(" ")) {
      used += w;
      continue;
    }
    if (used > 0 && used + w > room) {
      lines++;
      used = 0;
    }
    if (w > room) {
      lines += Math.ceil(w / room) - 1;
      used = w % room;
    } else used += w;
  }
  return lines;
}

interface CellLook {
  size: number;
  bold: boolean;
  wrap: boolean;
}

export interface RowHeight {
  /** 1-based row number, as in A1. */
  readonly row: number;
  /** Points. */
  readonly height: number;
}

/** The rows whose content needs more than the default height, with the height each needs. */
export function rowHeights(sheet: SheetSpec): RowHeight[] {
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  const colWidth = (c: number) => widths.get(c) ?? DEFAULT_COL_WIDTH;
  // A merged area's text spreads over its columns; its other cells hold nothing.
  const mergedWidth = new Map<string, { width: number; rows: number }>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    let w = 0;
    for (let c = r.col; c < r.col + r.cols; c++) w += colWidth(c);
    mergedWidth.set(`${r.row}:${r.col}`, { width: w, rows: r.rows });
  }
  // Every style over a cell counts: the adapters lay them over each other.
  const lookOf = new Map<string, CellLook>();
  for (const s of sheet.styles) {
    const look = looks[s.style];
    const r = parseRange(s.range);
    for (let i = r.row; i < r.row + r.rows; i++)
      for (let j = r.col; j < r.col + r.cols; j++) {
        const k = `${i}:${j}`;
        const prev = lookOf.get(k) ?? { size: DEFAULT_SIZE, bold: false, wrap: false };
        lookOf.set(k, {
          size: look.size ?? prev.size,
          bold: prev.bold || look.bold === true,
          wrap: prev.wrap || look.wrap === true,
        });
      }
  }
  const need = new Map<number, number>();
  for (const [addr, v] of flattenCells(sheet)) {
    if (v === null || v === "" || typeof v === "boolean" || isFormula(v)) continue;
    const text = plainText(v);
    const { row, col } = parseCell(addr);
    const look = lookOf.get(`${row}:${col}`) ?? { size: DEFAULT_SIZE, bold: false, wrap: false };
    const merged = mergedWidth.get(`${row}:${col}`);
    // A merge over several rows has room for its lines already.
    if (merged && merged.rows > 1) continue;
    const width = merged?.width ?? colWidth(col);
    const scale = (look.size / DEFAULT_SIZE) * (look.bold ? 1.1 : 1);
    let lines = 1;
    if (look.wrap) {
      // Half a character of padding; each explicit line break starts a line of its own.
      const room = Math.max(1, width - 0.5);
      lines = text.split("\n").reduce((n, part) => n + wrappedLines(part, room / scale), 0);
    }
    const h = Math.ceil(lines * DEFAULT_ROW_HEIGHT * (look.size / DEFAULT_SIZE) * 4) / 4;
    need.set(row, Math.max(need.get(row) ?? DEFAULT_ROW_HEIGHT, h));
  }
  return [...need.entries()]
    .filter(([, h]) => h > DEFAULT_ROW_HEIGHT)
    .sort(([a], [b]) => a - b)
    .map(([row, height]) => ({ row: row + 1, height }));
}
