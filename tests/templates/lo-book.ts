// Reading LibreOffice's recalculated workbooks for the template proofs: values by cell and by name,
// numbers compared with the core's within a tolerance. Shared by the recalculation cases.
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { isDomainError, type DomainError } from "../../src/core";
import { splitSheetRef } from "../../src/core/a1";
import type { WorkbookSpec } from "../../src/templates/spec";

export type Value = number | string | boolean | null;

export interface Book {
  readonly wb: XLSX.WorkBook;
  /** The value of a cell of the (first) sheet. */
  cell(addr: string, sheetIndex?: number): Value;
  /** The value of a workbook-level defined name pointing at one cell. */
  named(name: string): Value;
}

export function openBook(path: string): Book {
  const wb = XLSX.read(readFileSync(path), { cellFormula: true });
  const value = (sheet: string, addr: string): Value => {
    const c = wb.Sheets[sheet]?.[addr.replace(/\$/g, "")] as XLSX.CellObject | undefined;
    if (!c || c.v === undefined) return null;
    if (c.t === "e") throw new Error(`${sheet}!${addr} is an error cell (${String(c.w)})`);
    if (typeof c.v === "string" && c.v === "") return null;
    return c.v as Value;
  };
  return {
    wb,
    cell: (addr, i = 0) => value(wb.SheetNames[i], addr),
    named: (name) => {
      const n = (wb.Workbook?.Names ?? []).find((x) => x.Name === name && x.Sheet === undefined);
      if (!n) throw new Error(`no workbook-level name ${name}`);
      const at = splitSheetRef(n.Ref);
      if (!at || at.address.includes(":")) throw new Error(`name ${name} is not a single cell: ${n.Ref}`);
      return value(at.sheet, at.address);
    },
  };
}

/** A number close to the core's (engines may differ in the last bits), or the blank/marker it maps to. */
export function expectNumber(actual: Value, expected: number) {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(expected, 6);
}

export function expectCore(
  actual: Value,
  expected: number | DomainError,
  marker: (e: DomainError) => string | null,
) {
  if (isDomainError(expected)) expect(actual).toBe(marker(expected));
  else expectNumber(actual, expected);
}

export interface Case {
  readonly id: string;
  readonly spec: WorkbookSpec;
  readonly check: (b: Book) => void;
  /** The file to recalculate, when it is more than the spec written alone. */
  readonly bytes?: () => Promise<Uint8Array>;
}

/** A small deterministic generator, so a failing case can be reproduced. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
