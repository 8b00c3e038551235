// Declarative sheet specs: a template is data that says what goes in which cell. The same spec is
// written to Excel by the Office.js adapter and to an .xlsx file by the package layer
// (src/workbook/ooxml), so a test can recalculate the file in another engine and compare it with the
// core.

import { cellAddress, parseCell, parseRange, quoteSheet, rangeAddress } from "../core/a1";
import type { Lang } from "../core/lang";

export type TemplateKind = "plan" | "budget" | "event" | "funnel";

/**
 * One cell's content: a constant, empty (null), or a formula (a string starting with "=", in the
 * invariant English A1 syntax that both `range.formulas` and OOXML expect). Formulas refer to cells of
 * their own sheet by A1 address, and to another sheet of the same template only through
 * `sheetCell(key, ref)`; never to the template's defined names, nor to a sheet by its name: the names
 * may be suffixed (Event_FixedCost_2) and the sheets renamed ("Budget (2)") when a template is written
 * twice, the keys and addresses never change. Every writer resolves the keys with `resolveSheetRefs`.
 */
export type SpecCell = number | string | boolean | null | TextCell;

/**
 * Text that must stay text whatever it starts with: anything a user typed, a file held or a flag
 * gave (a dealer's name, an override reason, a salesperson). A plain string starting with "=" is the
 * template's own formula; a user's "=HYPERLINK(…)" arrives wrapped, and every writer writes it as a
 * string cell.
 */
export interface TextCell {
  readonly text: string;
}

/** Wraps user-provided text so no writer can take it for a formula. */
export const asText = (text: string): TextCell => ({ text });

/** A user's text as a text cell, or an empty cell when they gave nothing. */
export const textOrNull = (text: string): TextCell | null => (text.trim() === "" ? null : asText(text));

export const isTextCell = (c: SpecCell): c is TextCell => typeof c === "object" && c !== null;

/** The text a cell shows before any formula computes (a TextCell's text, a constant as written). */
export function plainText(c: SpecCell): string {
  if (c === null) return "";
  if (isTextCell(c)) return c.text;
  return String(c);
}

/** A rectangle of cells whose top-left corner is `at` (e.g. "B5"); rows may not be ragged. */
export interface CellBlock {
  readonly at: string;
  readonly rows: readonly (readonly SpecCell[])[];
}

/** Named looks, so each adapter maps them onto its own styling API. */
export type StyleName = "title" | "subtitle" | "section" | "header" | "label" | "input" | "output" | "note";

export interface StyleRange {
  readonly range: string;
  readonly style: StyleName;
}

export interface FormatRange {
  readonly range: string;
  /** An Excel number format, e.g. '"¥"#,##0', "0.0%", "yyyy-mm-dd", "@" (text). */
  readonly format: string;
}

export type ValidationRule =
  | { readonly type: "decimal"; readonly min: number; readonly max?: number }
  | { readonly type: "whole"; readonly min: number; readonly max?: number }
  | { readonly type: "date" }
  | { readonly type: "list"; readonly values: readonly string[] };

export interface ValidationSpec {
  readonly range: string;
  readonly rule: ValidationRule;
  /** Shown when the user types something the rule refuses (already in the template's language). */
  readonly error: string;
  readonly prompt?: string;
}

/**
 * A native chart bound to cells of its own sheet. Both adapters draw it: the Office adapter through
 * worksheet.charts, the .xlsx writer as a DrawingML chart part, so a file from the command line or
 * the preview shows the same chart in Excel, WPS and LibreOffice.
 */
export interface ChartSpec {
  /** line; column (vertical bars); bar (horizontal bars, e.g. a ranking); pie (one series). */
  readonly type: "line" | "column" | "bar" | "pie";
  readonly title: string;
  /** The series, one per column, with their names in the first row (e.g. "B19:C39"). */
  readonly series: string;
  /** The category labels along the x axis (e.g. "A20:A39"), set apart so a numeric column is not
   * mistaken for one more series. */
  readonly categories: string;
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
}

/**
 * How a sheet prints. Every sheet prints on A4, fitted to one page wide and as many tall as it needs
 * (fitToPage, fitToWidth 1, fitToHeight 0), with a footer of the dealer, the sheet name and
 * "page x / y".
 */
export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
  /** Rows repeated at the top of each printed page (print titles), e.g. "1:5". */
  readonly titleRows?: string;
  /** The print area, e.g. "A1:H60" (the whole used range when absent). */
  readonly area?: string;
  /** Left part of the footer (the dealer's name); the adapters add the sheet name and page x / y. */
  readonly footer?: string;
  /**
   * Manual page breaks: the rows after which a new page starts (e.g. [52]: row 53 opens a page), so a
   * table starts on a page of its own instead of wherever the page runs out.
   */
  readonly breaksAfter?: readonly number[];
}

/**
 * A cell that opens a place when clicked: another sheet's cell ("#'Plan B'!A1", or better
 * "#" + sheetCell(key, "A1"), which every writer resolves to the sheet's real name, so the link still
 * lands when a taken name made the writer rename the sheet) or a web address.
 */
export interface LinkSpec {
  readonly cell: string;
  readonly target: string;
  readonly tooltip?: string;
}

/**
 * Colours a cell by its value: `formula` is a constant the cell is compared with, in formula syntax
 * without "=" (a text in double quotes, e.g. '"Off track"', or a number such as "1").
 */
export interface ConditionalFormatSpec {
  readonly range: string;
  readonly operator: "equal" | "greaterThan";
  readonly formula: string;
  readonly look: "good" | "warn" | "bad";
}

/**
 * Colours a range on a three-colour scale from `min` (red) through the middle (yellow) to `max`
 * (green): numbers against fixed bounds, so a 5 is green whatever the other plans scored. Excel,
 * WPS and LibreOffice all draw OOXML colour scales.
 */
export interface ColorScaleSpec {
  readonly range: string;
  readonly min: number;
  readonly max: number;
}

export interface SheetSpec {
  /** Stable key the names refer to; the sheet's real name may change (a taken name gets a new one). */
  readonly key: string;
  /** Preferred sheet name (≤ 31 characters, no []:*?/\). */
  readonly name: string;
  readonly blocks: readonly CellBlock[];
  readonly styles: readonly StyleRange[];
  readonly formats: readonly FormatRange[];
  readonly validations: readonly ValidationSpec[];
  /** Column widths in characters, by 0-based column index. */
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
  readonly merges: readonly string[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly charts?: readonly ChartSpec[];
  readonly print?: PrintSpec;
  readonly links?: readonly LinkSpec[];
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
  readonly colorScales?: readonly ColorScaleSpec[];
}

export interface NameSpec {
  /** Base name, e.g. "Event_FixedCost"; the adapter may add a suffix ("_2") to keep names unique. */
  readonly name: string;
  readonly sheet: string;
  /** Cell or range on that sheet, e.g. "B5" or "D8:D19". */
  readonly ref: string;
  /** "input" names are cells the user fills in, "output" names hold results. */
  readonly role: "input" | "output";
  readonly comment?: string;
}

export interface WorkbookSpec {
  readonly kind: TemplateKind;
  readonly lang: Lang;
  readonly title: string;
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
}

// The placeholder a formula holds for another sheet of its template, e.g. "{sheet:budget}!$C$5".
// Braces never occur in a formula's references, and no formula text literal of a template holds one.
const SHEET_TOKEN = /\{sheet:([A-Za-z0-9_]+)\}/g;

/** A reference to a cell or range of another sheet of the same template, by that sheet's key. */
export function sheetCell(key: string, ref: string): string {
  return `{sheet:${key}}!${ref}`;
}

/** The sheet keys a formula refers to through sheetCell. */
export function sheetKeysIn(formula: string): string[] {
  return [...formula.matchAll(SHEET_TOKEN)].map((m) => m[1]);
}

/**
 * A formula with its sheetCell placeholders replaced by the sheets' real names (sheet key -> name, as
 * the writer chose them), quoted as Excel quotes them. A key the map lacks is a template bug: throws.
 */
export function resolveSheetRefs(formula: string, sheetNames: ReadonlyMap<string, string>): string {
  return formula.replace(SHEET_TOKEN, (_m, key: string) => {
    const name = sheetNames.get(key);
    if (name === undefined) throw new Error(`Formula refers to unknown sheet key ${key}: ${formula}`);
    return quoteSheet(name);
  });
}

export function blockRange(b: CellBlock): string {
  const p = parseCell(b.at);
  const cols = b.rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rangeAddress({ row: p.row, col: p.col, rows: b.rows.length, cols });
}

export function isFormula(c: SpecCell): c is string {
  return typeof c === "string" && c.startsWith("=");
}

/**
 * The sheet's cells as one map "A1" -> content, later blocks overriding earlier ones (as both adapters
 * write them in order). Null cells are kept, so an overriding null clears.
 */
export function flattenCells(sheet: SheetSpec): Map<string, SpecCell> {
  const out = new Map<string, SpecCell>();
  for (const b of sheet.blocks) {
    const p = parseCell(b.at);
    b.rows.forEach((row, i) => row.forEach((c, j) => out.set(cellAddress(p.row + i, p.col + j), c)));
  }
  return out;
}

/** A copy of the spec with values put into one sheet's cells (e.g. a test filling the inputs). */
export function withValues(
  spec: WorkbookSpec,
  sheetKey: string,
  at: string,
  rows: readonly (readonly SpecCell[])[],
): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((s) => (s.key === sheetKey ? { ...s, blocks: [...s.blocks, { at, rows }] } : s)),
  };
}

/** A copy of the spec with one named input cell set. */
export function withNamedValue(spec: WorkbookSpec, name: string, value: SpecCell): WorkbookSpec {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`No such name in the ${spec.kind} template: ${name}`);
  const r = parseRange(n.ref);
  return withValues(spec, n.sheet, cellAddress(r.row, r.col), [[value]]);
}
