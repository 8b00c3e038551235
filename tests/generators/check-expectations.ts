// Compares a manifest's expectations with what @e965/xlsx (SheetJS, an independent reader) finds in a
// workbook: used on the fixtures themselves (unit tests) and on LibreOffice's re-save of them
// (integration tests), so an expectation is confirmed by two other readers before ours is judged by it.
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { parseCell, splitSheetRef } from "../../src/core/a1";
import { serialToIso } from "../../src/core/dates";
import type { Accepted, ExpectedValue } from "./expectations";

export interface CheckOptions {
  /** Skip formula text checks (LibreOffice rewrites some formulas, e.g. function names' case). */
  readonly formulas?: boolean;
  /** Skip defined-name checks. */
  readonly names?: boolean;
  /** Skip number-format checks (LibreOffice writes yyyy\\-mm\\-dd for yyyy-mm-dd). */
  readonly formats?: boolean;
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
  for (const [key, code] of Object.entries(o.formats === false ? {} : (want.formats ?? {}))) {
    if (skip.has(key)) continue;
    const got = cellObject(book, key)?.z;
    if (got !== code) out.push(`${key} format: ${String(got)} ≠ ${code}`);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  for (const [key, iso] of Object.entries(want.dates ?? {})) {
    if (skip.has(key)) continue;
    const v = cellObject(book, key)?.v;
    const got = typeof v === "number" ? serialToIso(v + (date1904 ? 1462 : 0)).slice(0, 10) : String(v);
    if (got !== iso) out.push(`${key} date: ${got} ≠ ${iso}`);
  }
  if (want.hiddenSheets) {
    const hidden = (book.Workbook?.Sheets ?? []).filter((x) => x.Hidden).map((x) => x.name ?? "");
    if (JSON.stringify(hidden) !== JSON.stringify(want.hiddenSheets)) {
      out.push(`hidden sheets ${JSON.stringify(hidden)} ≠ ${JSON.stringify(want.hiddenSheets)}`);
    }
  }
  for (const m of want.merges ?? []) {
    const split = splitSheetRef(m);
    const merges = split
      ? (book.Sheets[split.sheet]?.["!merges"] ?? []).map((r) => XLSX.utils.encode_range(r))
      : [];
    if (!split || !merges.includes(split.address.replace(/\$/g, ""))) out.push(`merge ${m} missing`);
  }
  for (const [key, target] of Object.entries(want.hyperlinks ?? {})) {
    const got = cellObject(book, key)?.l?.Target;
    if (got !== target) out.push(`${key} hyperlink: ${got ?? "(none)"} ≠ ${target}`);
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

/**
 * The raw XML of a sheet, found through workbook.xml and its relationships (regex: only for the
 * well-formed, default-namespace packages that openpyxl, LibreOffice and our hand-written ones are).
 */
export function rawSheetXml(bytes: Uint8Array, sheet: string): string {
  const files = unzipSync(bytes);
  const text = (name: string): string => strFromU8(files[name] ?? new Uint8Array(0));
  const decode = (s: string): string =>
    s.replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");
  const sheetTag = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => decode(/\bname="([^"]*)"/.exec(t)?.[1] ?? "") === sheet);
  const rid = sheetTag && /\br:id="([^"]*)"/.exec(sheetTag)?.[1];
  const rel = [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** The <f> text of a cell in raw sheet XML, or undefined. */
export function rawFormula(sheetXml: string, cell: string): string | undefined {
  const m = new RegExp(`<c r="${cell}"[^>]*>(.*?)</c>`).exec(sheetXml);
  const f = m && /<f\b[^>]*>(.*?)<\/f>/.exec(m[1]);
  return f
    ? f[1]
        .replace(/&quot;/g, '"')
        .replace(/&gt;/g, ">")
        .replace(/&lt;/g, "<")
        .replace(/&amp;/g, "&")
    : undefined;
}

/** Formula cells calling a DEALER function in every sheet's raw XML (shared members by their si). */
export function rawDealerCells(bytes: Uint8Array, sheets: readonly string[]): number {
  let n = 0;
  for (const sheet of sheets) {
    const xml = rawSheetXml(bytes, sheet);
    const dealerShared = new Set<string>();
    for (const m of xml.matchAll(/<f\b([^>]*)>([^<]*)<\/f>/g)) {
      if (!/(_xldudf_)?DEALER[._]/i.test(m[2])) continue;
      n++;
      const si = /\bsi="(\d+)"/.exec(m[1]);
      if (si && /t="shared"/.test(m[1])) dealerShared.add(si[1]);
    }
    for (const m of xml.matchAll(/<f\b([^>]*)\/>/g)) {
      const si = /\bsi="(\d+)"/.exec(m[1]);
      if (si && dealerShared.has(si[1])) n++;
    }
  }
  return n;
}
