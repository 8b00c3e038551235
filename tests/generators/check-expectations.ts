// Compares a manifest's expectations with what @e965/xlsx (SheetJS, an independent reader) finds in a
// workbook: used on the fixtures themselves (unit tests) and on LibreOffice's re-save of them
// (integration tests), so an expectation is confirmed by two other readers before ours is judged by it.
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { parseCell, splitSheetRef } from "../../src/core/a1";
import type { Accepted, ExpectedValue } from "./expectations";

export interface CheckOptions {
  /** Skip formula text checks (LibreOffice rewrites some formulas, e.g. function names' case). */
  readonly formulas?: boolean;
  /** Skip defined-name checks. */
  readonly names?: boolean;
  /** Cells not to check, with the reason kept by the caller. */
  readonly skipCells?: readonly string[];
}

export function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, cellDates: false });
}

function sheetAndCell(key: string): { sheet: string; cell: string } {
  const split = splitSheetRef(key);
  if (!split) throw new Error(`expectation key is not Sheet!A1: ${key}`);
  return { sheet: split.sheet, cell: split.address };
}

export function cellObject(book: XLSX.WorkBook, key: string): XLSX.CellObject | undefined {
  const { sheet, cell } = sheetAndCell(key);
  const ws = book.Sheets[sheet];
  if (!ws) return undefined;
  const { row, col } = parseCell(cell);
  return ws[XLSX.utils.encode_cell({ r: row, c: col })] as XLSX.CellObject | undefined;
}

export function sheetjsValue(c: XLSX.CellObject | undefined): ExpectedValue {
  if (!c || c.t === "z") return null;
  if (c.t === "e") return { error: c.w ?? XLSX.SSF.format("General", c.v as number) };
  if (c.t === "s" && c.v === "" && !c.f) return null;
  return c.v as number | string | boolean;
}

function same(want: ExpectedValue, got: ExpectedValue): boolean {
  if (typeof want === "number" && typeof got === "number")
    return Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want));
  if (want && got && typeof want === "object" && typeof got === "object") return want.error === got.error;
  return want === got;
}

/** Every way the workbook differs from the expectation, as readable lines (empty: it matches). */
export function mismatches(book: XLSX.WorkBook, want: Accepted, o: CheckOptions = {}): string[] {
  const out: string[] = [];
  const skip = new Set(o.skipCells ?? []);
  if (want.sheets && JSON.stringify(book.SheetNames) !== JSON.stringify(want.sheets)) {
    out.push(`sheets ${JSON.stringify(book.SheetNames)} ≠ ${JSON.stringify(want.sheets)}`);
  }
  for (const [key, value] of Object.entries(want.cells)) {
    if (skip.has(key)) continue;
    const got = sheetjsValue(cellObject(book, key));
    if (!same(value, got)) out.push(`${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`);
  }
  if (o.formulas !== false) {
    for (const [key, f] of Object.entries(want.formulas ?? {})) {
      if (skip.has(key)) continue;
      const got = cellObject(book, key)?.f;
      if (`=${got ?? ""}` !== f) out.push(`${key} formula: =${got ?? ""} ≠ ${f}`);
    }
  }
  if (o.names !== false) {
    const names = new Map(
      (book.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined).map((n) => [n.Name, n]),
    );
    for (const [name, ref] of Object.entries(want.names ?? {})) {
      const got = names.get(name)?.Ref;
      if (got !== ref) out.push(`name ${name}: ${got ?? "(missing)"} ≠ ${ref}`);
    }
  }
  return out;
}

/** Present cells of every sheet (values or formulas). */
export function cellCount(book: XLSX.WorkBook): number {
  let n = 0;
  for (const name of book.SheetNames) {
    for (const [k, c] of Object.entries(book.Sheets[name])) {
      if (!k.startsWith("!") && (c as XLSX.CellObject).t !== "z") n++;
    }
  }
  return n;
}

/**
 * Names carrying hidden="1" in xl/workbook.xml, read from the raw XML (SheetJS does not report the
 * flag). Only for well-formed, default-namespace workbooks such as LibreOffice and openpyxl write.
 */
export function hiddenNames(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" });
  const xml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array(0));
  const out: string[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (name && /\bhidden="(1|true)"/.test(m[1])) out.push(name);
  }
  return out;
}
