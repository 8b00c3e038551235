// Each recipient edit really happens in LibreOffice (read back with @e965/xlsx), and what LibreOffice
// does on its own when it saves the round-trip fixture is pinned down, because restore has to live
// with it: function names lower-cased, shared formulas expanded, name hidden flags and the macro part
// lost, defined names moved by an inserted row, the custom XML part kept but re-related from the
// package root with a "../" target.
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { hiddenNames } from "../generators/check-expectations";
import {
  deleteRows,
  editInLibreOffice,
  insertColumns,
  insertRows,
  renameSheet,
  resave,
  setCell,
} from "./recipient";

jest.setTimeout(240_000);

const FIXTURE = new Uint8Array(
  readFileSync(path.join(__dirname, "..", "fixtures", "roundtrip", "every-feature.xlsm")),
);
const read = (b: Uint8Array): XLSX.WorkBook => XLSX.read(b, { type: "array", cellFormula: true });
const v = (b: XLSX.WorkBook, sheet: string, cell: string): unknown => b.Sheets[sheet]?.[cell]?.v;
const part = (b: Uint8Array, name: string): string => {
  const f = unzipSync(b, { filter: (x) => x.name === name })[name];
  return f ? strFromU8(f) : "";
};
const names = (b: XLSX.WorkBook): Record<string, string> =>
  Object.fromEntries((b.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]));

test("set a cell", async () => {
  const out = read(await setCell(FIXTURE, "Plan", "B2", 777));
  expect(v(out, "Plan", "B2")).toBe(777);
  expect(v(out, "Plan", "B3")).toBe(240000);
});

test("insert a row: cells move down, names below follow", async () => {
  const out = read(await insertRows(FIXTURE, "Plan", 5));
  expect(v(out, "Plan", "A6")).toBe("漏斗 Funnel");
  expect(v(out, "Plan", "A5")).toBeUndefined();
  expect(v(out, "Plan", "B11")).toBe(270000);
  expect(out.Sheets.Plan.B7.f).toBe("_xldudf_dealer_funnel_rate(B6:G6)");
  expect(names(out)).toMatchObject({ Total: "Plan!$B$11", Revenue: "Plan!$B$2:$B$4" });
});

test("insert a column: cells move right", async () => {
  // Column A: LibreOffice (like Excel) refuses a column through the B6:F6 array formula (C, D …).
  const out = read(await insertColumns(FIXTURE, "Plan", "A"));
  expect([v(out, "Plan", "C2"), v(out, "Plan", "D2")]).toEqual([150000, 100000]);
  expect(v(out, "Plan", "A2")).toBeUndefined();
  expect(out.Sheets.Plan.F2.f).toBe("C2-D2");
  expect(out.Sheets.Plan.C6.f).toBe("_xldudf_dealer_funnel_rate(C5:H5)");
});

test("delete a row: cells move up", async () => {
  const out = read(await deleteRows(FIXTURE, "Plan", 3));
  expect(v(out, "Plan", "A3")).toBe("试驾 Test drive");
  expect(v(out, "Plan", "B9")).toBe(90000); // SUM(B2:B3-C2:C3), recalculated after the deletion
  expect(names(out).Total).toBe("Plan!$B$9");
});

test("rename a sheet: references follow", async () => {
  const out = read(await renameSheet(FIXTURE, "Data", "数据"));
  expect(out.SheetNames).toEqual(["Plan", "数据", "Hidden", "Protected"]);
  expect(v(out, "数据", "A5")).toBe("老客户 Referral");
});

test("several edits in one session", async () => {
  const out = read(
    await editInLibreOffice(FIXTURE, [
      { op: "set", sheet: "Plan", cell: "D2", value: 0.9 },
      { op: "insertRows", sheet: "Plan", row: 3 },
      { op: "set", sheet: "Plan", cell: "A3", value: "新渠道 New" },
    ]),
  );
  expect([v(out, "Plan", "D2"), v(out, "Plan", "A3"), v(out, "Plan", "A4")]).toEqual([
    0.9,
    "新渠道 New",
    "车展 Auto show",
  ]);
});

describe("what a plain re-save changes", () => {
  let saved: Uint8Array;
  let book: XLSX.WorkBook;
  beforeAll(async () => {
    saved = await resave(FIXTURE, "every-feature.xlsm");
    book = read(saved);
  });

  test("values, sheets, merges and the external link survive", () => {
    expect(book.SheetNames).toEqual(["Plan", "Data", "Hidden", "Protected"]);
    expect([v(book, "Plan", "B10"), v(book, "Plan", "B12"), v(book, "Plan", "G11")]).toEqual([
      270000, 12345, 4,
    ]);
    expect(book.Sheets.Plan["!merges"]?.map((m) => XLSX.utils.encode_range(m))).toEqual(["A1:G1"]);
    expect(part(saved, "xl/externalLinks/externalLink1.xml")).toContain("12345");
  });

  test("DEALER names are lower-cased, in cells and in defined names", () => {
    expect(book.Sheets.Plan.D2.f).toBe("_xldudf_dealer_roi(B2,C2)");
    expect(names(book).PlanRoi).toBe("_xldudf_dealer_roi(Plan!$B$2,Plan!$C$2)");
  });

  test("shared formulas are written out one by one; their DEALER members are recalculated to #NAME?", () => {
    const sheet = part(saved, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain('t="shared"');
    expect(book.Sheets.Plan.E4.f).toBe("B4-C4");
    expect(book.Sheets.Plan.D2.v).toBe(0.5); // a plain DEALER cell keeps its cached value
    expect(book.Sheets.Plan.D4.t).toBe("e"); // the shared-group member does not
  });

  test("defined names lose their hidden flag; the macro part is dropped", () => {
    expect(hiddenNames(FIXTURE)).toEqual(["Rate"]);
    expect(hiddenNames(saved)).toEqual([]);
    expect(part(saved, "xl/vbaProject.bin")).toBe("");
    expect(part(saved, "[Content_Types].xml")).not.toContain("macroEnabled");
  });

  test("the custom XML part is kept, related from the package root with a ../ target", () => {
    expect(part(saved, "customXml/item1.xml")).toContain("<owner>市场部 Marketing</owner>");
    expect(part(saved, "xl/_rels/workbook.xml.rels")).not.toContain("customXml");
    expect(part(saved, "_rels/.rels")).toContain('Target="../customXml/item1.xml"');
  });
});
