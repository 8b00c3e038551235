// The round trip a shared workbook really makes: every-feature.xlsm (tests/fixtures/roundtrip) is
// prepared, then a recipient edits it in LibreOffice (a prepared DEALER cell and a frozen cell
// overwritten, a row inserted above the other DEALER cells, LibreOffice's own re-save), then it is
// restored. The recipient's edits stay and are reported `kept`; the other DEALER cells come back
// at the addresses the inserted row moved them to; no shared-formula member is left without its
// master; the prepared copy asks for a full recalculation on load, and restore takes that back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { prepareXlsx, restoreXlsx } from "../../src/share/xlsx";
import type { ShareReportEntry } from "../../src/share/report";
import { editInLibreOffice } from "../support/recipient";
import { buildShareFixture, FUNNEL_SHEET } from "./fixture";
import { VALID } from "./inputs";

jest.setTimeout(300_000);

const FIXTURE = new Uint8Array(
  readFileSync(path.join(__dirname, "..", "fixtures", "roundtrip", "every-feature.xlsm")),
);
const part = (b: Uint8Array, name: string): string => {
  const f = unzipSync(b, { filter: (x) => x.name === name })[name];
  return f ? strFromU8(f) : "";
};
const calcPr = (b: Uint8Array): string =>
  /<(?:\w+:)?calcPr\b[^>]*>/.exec(part(b, "xl/workbook.xml"))?.[0] ?? "";
const read = (b: Uint8Array): XLSX.WorkBook => XLSX.read(b, { type: "array", cellFormula: true });
const cell = (b: XLSX.WorkBook, sheet: string, a: string): XLSX.CellObject | undefined =>
  b.Sheets[sheet]?.[a];
const at = (entries: readonly ShareReportEntry[], action: string): string[] =>
  entries.filter((e) => e.action === action).map((e) => `${e.sheet}!${e.range ?? e.address}`);

/** Shared-formula members (`<f t="shared" si="n"/>` without text) whose master is missing. */
function orphanMembers(sheetXml: string): string[] {
  const masters = new Set<string>();
  const members: [string, string][] = [];
  for (const m of sheetXml.matchAll(
    /<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*?<f([^>]*?)(\/>|>([^<]*)<\/f>)/gs,
  )) {
    const attrs = m[2];
    if (!/t="shared"/.test(attrs)) continue;
    const si = /si="(\d+)"/.exec(attrs)?.[1] ?? "";
    if (m[4] && /ref="/.test(attrs)) masters.add(si);
    else members.push([m[1], si]);
  }
  return members.filter(([, si]) => !masters.has(si)).map(([a]) => a);
}

test("every-feature.xlsm: edits in LibreOffice are kept, moved DEALER cells restored, calcPr as it was", async () => {
  expect(calcPr(FIXTURE)).not.toMatch(/fullCalcOnLoad/);
  const prepared = await prepareXlsx(FIXTURE);
  expect(calcPr(prepared.data)).toMatch(/fullCalcOnLoad="(1|true)"/);
  expect(at(prepared.report.entries, "rewritten")).toEqual([
    "Plan!D2",
    "Plan!D3",
    "Plan!D4",
    "Plan!B6:F6",
    "Plan!D8",
  ]);

  // The recipient types over D2 (a prepared DEALER cell), then inserts a row at 3: D3, D4, the
  // B6:F6 spill and D8 move down one row; LibreOffice saves the workbook its own way.
  const edited = await editInLibreOffice(
    prepared.data,
    [
      { op: "set", sheet: "Plan", cell: "D2", value: 0.9 },
      { op: "insertRows", sheet: "Plan", row: 3 },
      { op: "set", sheet: "Plan", cell: "A3", value: "新渠道 New channel" },
    ],
    "shared.xlsm",
  );
  const restored = await restoreXlsx(edited);
  const r = restored.report;
  expect(at(r.entries, "kept")).toEqual(["Plan!D2"]);
  expect(r.entries.find((e) => e.action === "kept")?.reason).toBe("changedSincePrepared");
  expect(at(r.entries, "restored").sort()).toEqual(["Plan!B7:F7", "Plan!D4", "Plan!D5", "Plan!D9"].sort());
  expect([r.kept, r.restored, r.skipped, r.broken]).toEqual([1, 4, r.skipped, 0]);
  expect(r.entries.filter((e) => e.action === "skipped").every((e) => e.reason === "notInCell")).toBe(true);

  const book = read(restored.data);
  // The recipient's work: the typed value and the new row.
  expect(cell(book, "Plan", "D2")?.v).toBe(0.9);
  expect(cell(book, "Plan", "D2")?.f).toBeUndefined();
  expect(cell(book, "Plan", "A3")?.v).toBe("新渠道 New channel");
  // The DEALER calls, where the row moved them, with references that moved too.
  expect(cell(book, "Plan", "D4")?.f).toBe("_xldudf_DEALER_ROI(B4,C4)");
  expect(cell(book, "Plan", "D5")?.f).toBe("_xldudf_DEALER_ROI(B5,C5)");
  expect(cell(book, "Plan", "D9")?.f).toBe("_xldudf_DEALER_ROI(B9,C9)");
  expect(cell(book, "Plan", "B7")?.f).toBe("_xldudf_DEALER_FUNNEL_RATE(B6:G6)");
  for (const a of ["C7", "D7", "E7", "F7"]) expect(cell(book, "Plan", a)?.f ?? "").not.toMatch(/INDEX|IF\(/);
  // Nothing else became a DEALER call, and no native rewrite was left behind in the moved cells.
  const sheet = part(restored.data, "xl/worksheets/sheet1.xml");
  expect(orphanMembers(sheet)).toEqual([]);
  expect(sheet).not.toMatch(/_xldudf_DEALER_ROI\(B3,C3\)/);
  // calcPr as the original had it: no forced recalculation.
  expect(calcPr(restored.data)).not.toMatch(/fullCalcOnLoad="(1|true)"/);
});

test("a frozen cell the recipient overwrote in LibreOffice is kept and reported kept", async () => {
  const fixture = await buildShareFixture(VALID);
  const prepared = await prepareXlsx(fixture.data);
  const frozen = prepared.report.entries.find((e) => e.action === "frozen");
  expect(frozen).toBeDefined();
  const edited = await editInLibreOffice(prepared.data, [
    { op: "set", sheet: frozen!.sheet, cell: frozen!.address, value: 4321 },
  ]);
  const restored = await restoreXlsx(edited);
  expect(at(restored.report.entries, "kept")).toEqual([`${FUNNEL_SHEET}!${frozen!.address}`]);
  expect(restored.report.restored).toBeGreaterThan(0);
  expect(cell(read(restored.data), frozen!.sheet, frozen!.address)?.v).toBe(4321);
});
