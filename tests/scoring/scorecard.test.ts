import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyOverride, isRubricError, scorePlan, type PlanScore } from "../../src/core/rubric";
import { addSheetToXlsx } from "../../src/scoring/inject-sheet";
import { readPlan } from "../../src/scoring/read-plan";
import { buildScorecard, scorecardSheet, SCORECARD_TOTAL_ROW } from "../../src/scoring/scorecard";
import { asText, flattenCells, plainText } from "../../src/templates/spec";
import { readXlsx, XlsxWorkbook } from "../../src/workbook/xlsx";
import { valueAt } from "../support/snapshot";

const FIXTURE = path.join(__dirname, "..", "fixtures", "plans", "handmade-zh.xlsx");

async function scored(): Promise<{ bytes: Uint8Array; score: PlanScore }> {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  return { bytes, score: scorePlan(readPlan(await readXlsx(bytes))) };
}

function withOverride(score: PlanScore): PlanScore {
  const o = applyOverride(score, 8, 4, "现场检查:执行到位");
  if (isRubricError(o)) throw new Error(o.reason["en-US"]);
  return o;
}

describe("scorecard spec", () => {
  test("holds every criterion with automatic score, override, reason, evidence and suggestion", async () => {
    const { score } = await scored();
    const s = scorecardSheet(withOverride(score), { lang: "en-US", dealer: "Star", source: "a.xlsx" });
    const cells = flattenCells(s);
    expect(cells.get("B6")).toBe("Complete: holds every element");
    expect(cells.get("C6")).toBe(score.criteria[0].auto);
    expect(cells.get("D13")).toBe(4);
    expect(cells.get("E13")).toEqual(asText("现场检查:执行到位"));
    expect(cells.get("F6")).toBe('=IF(D6="",C6,D6)');
    expect(plainText(cells.get("G6") ?? null)).toContain("12");
    expect(plainText(cells.get("H13") ?? null)).toContain("actual figures");
    expect(cells.get(`F${SCORECARD_TOTAL_ROW}`)).toBe("=SUM(F6:F13)");
  });

  test("can be written through the port's xlsx adapter", async () => {
    const { score } = await scored();
    const wb = XlsxWorkbook.create();
    const res = await wb.writeTemplate(buildScorecard(score, { lang: "zh-CN" }));
    expect(res.sheetNames).toEqual(["评分卡"]);
    expect(res.names.map((n) => n.name)).toContain("Score_Total");
    const snap = await wb.readWorkbook();
    expect(valueAt(snap.sheets[0], "C6")).toBe(score.criteria[0].auto);
  });
});

describe("scored copy", () => {
  test("adds the scorecard and keeps every other part of the workbook byte for byte", async () => {
    const { bytes, score } = await scored();
    const zip = await JSZip.loadAsync(bytes);
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file("xl/charts/chart1.xml", chart);
    const input = await zip.generateAsync({ type: "uint8array" });
    const out = await addSheetToXlsx(input, scorecardSheet(score, { lang: "zh-CN" }));
    expect(out.sheetName).toBe("评分卡");
    const after = await JSZip.loadAsync(out.bytes);
    expect(await after.file("xl/charts/chart1.xml")?.async("string")).toBe(chart);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/")))
      expect(await after.file(name)?.async("string")).toBe(await zip.file(name)?.async("string"));
    // A second scorecard gets a new name rather than replacing the first.
    const again = await addSheetToXlsx(out.bytes, scorecardSheet(score, { lang: "zh-CN" }));
    expect(again.sheetName).toBe("评分卡 (2)");
  });

  test("the scorecard carries the templates' looks: bold header, input fill, wrapped text, percent", async () => {
    const { bytes, score } = await scored();
    const out = await addSheetToXlsx(bytes, scorecardSheet(score, { lang: "en-US" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes.slice().buffer);
    const ws = wb.getWorksheet("Scorecard");
    if (!ws) throw new Error("no scorecard");
    expect(ws.findCell(5, 2)?.font?.bold).toBe(true);
    expect(ws.findCell(6, 4)?.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFCC99" } });
    expect(ws.findCell(6, 7)?.alignment?.wrapText).toBe(true);
    // The spec's own format, written as a custom number format.
    expect(ws.findCell(SCORECARD_TOTAL_ROW + 1, 6)?.numFmt).toBe("0.0%");
    // The plan's own cells keep their formats (the date format of the schedule).
    const planSheet = wb.worksheets[0];
    const dated = planSheet.getColumn(2).values.filter((v) => v instanceof Date);
    expect(dated.length).toBeGreaterThan(0);
  });

  test("a workbook without styles.xml gets one, wired in, for the scorecard's looks", async () => {
    const { score } = await scored();
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
    );
    zip.file(
      "xl/workbook.xml",
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>',
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    );
    const out = await addSheetToXlsx(
      await zip.generateAsync({ type: "uint8array" }),
      scorecardSheet(score, { lang: "en-US" }),
    );
    const after = await JSZip.loadAsync(out.bytes);
    expect(await after.file("xl/styles.xml")?.async("string")).toContain("<cellXfs count=");
    expect(await after.file("xl/_rels/workbook.xml.rels")?.async("string")).toMatch(
      /Type="[^"]*\/styles" Target="styles.xml"/,
    );
    expect(await after.file("[Content_Types].xml")?.async("string")).toContain('PartName="/xl/styles.xml"');
    const xml = (await after.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(xml).toContain("<f>SUM(F6:F13)</f>");
    expect(xml).toMatch(/ s="[1-9]/);
    expect(await after.file("xl/workbook.xml")?.async("string")).toMatch(
      /<sheets><sheet name="Scorecard" sheetId="1" r:id="rId\d+"\/><\/sheets>/,
    );
  });

  test("the plan reads the same from the scored copy", async () => {
    const { bytes, score } = await scored();
    const out = await addSheetToXlsx(bytes, scorecardSheet(score, { lang: "en-US" }));
    const again = scorePlan(readPlan(await readXlsx(out.bytes)));
    expect(again.criteria.map((c) => c.auto)).toEqual(score.criteria.map((c) => c.auto));
  });
});
