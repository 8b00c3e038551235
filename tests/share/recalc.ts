/**
 * Reading back what LibreOffice computed, for the share proofs: a prepared workbook has its cached
 * values removed (so only a real recalculation fills them), is recalculated (tests/support/soffice.ts)
 * and every cell is compared with what the add-in computes.
 */
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import type { Expected, FixtureCell } from "./fixture";
import { errorCells } from "../support/soffice";

/** Drops every formula cell's cached value, so only a real recalculation can fill it. */
export async function withoutCachedValues(data: Uint8Array, replaceInputs?: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    const stripped = xml.replace(
      /<c\b([^>]*)>(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))(?:<v>[\s\S]*?<\/v>)?<\/c>/g,
      (_m, attrs: string, f: string) => {
        return `<c${attrs.replace(/\st="[^"]*"/, "")}>${f}</c>`;
      },
    );
    zip.file(path, stripped);
  }
  if (replaceInputs) {
    // The recipient types new inputs: take the Inputs sheet from another fixture.
    const other = await JSZip.loadAsync(replaceInputs);
    zip.file("xl/worksheets/sheet1.xml", await other.file("xl/worksheets/sheet1.xml")!.async("string"));
  }
  return zip.generateAsync({ type: "uint8array" });
}

export function read(data: Uint8Array): XLSX.WorkBook {
  return XLSX.read(data, { type: "array", cellFormula: true, cellNF: false });
}

export function valueOf(cell: XLSX.CellObject | undefined): Expected | undefined {
  if (!cell) return undefined;
  if (cell.t === "e") return { error: cell.w ?? XLSX.SSF.format("General", cell.v as number) };
  if (cell.t === "z") return undefined;
  return cell.v as Expected;
}

export function same(expected: Expected, got: Expected | undefined): boolean {
  if (typeof expected === "number" && typeof got === "number") {
    return Math.abs(expected - got) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === "object" && typeof got === "object") return expected.error === got.error;
  return expected === got;
}

export function mismatches(wb: XLSX.WorkBook, cells: readonly FixtureCell[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const got = valueOf(wb.Sheets[c.sheet]?.[c.address]);
    if (!same(c.expected, got)) {
      out.push(`${c.sheet}!${c.address}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}

export function nameErrors(wb: XLSX.WorkBook): string[] {
  return errorCells(wb)
    .filter((e) => e.value === "#NAME?")
    .map((e) => `${e.sheet}!${e.cell}`);
}

export async function preparedSheetsText(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((p) => p.startsWith("xl/worksheets/") && !zip.files[p].dir);
  return (await Promise.all(parts.map((p) => zip.file(p)!.async("string")))).join("\n");
}
