import JSZip from "jszip";
import { buildTemplate } from "../../src/templates";
import { readXlsx, templateToXlsx, XlsxWorkbook } from "../../src/workbook/xlsx";
import type { WorkbookSpec } from "../../src/templates/spec";
import { absoluteRange, rangeCells } from "../../src/core/a1";
import { attr, kid, kids, parseTree } from "../../src/workbook/ooxml/xml";
import { rowHeights } from "../../src/workbook/row-heights";
import { formulaAt, rowValues } from "../support/snapshot";

const spec: WorkbookSpec = {
  kind: "event",
  lang: "en-US",
  title: "t",
  sheets: [
    {
      key: "main",
      name: "Event",
      blocks: [
        {
          at: "A1",
          rows: [
            ["F", 100],
            ["2F", "=B1*2"],
            ["text", "=B1/0"],
          ],
        },
      ],
      styles: [{ range: "B1", style: "input" }],
      formats: [{ range: "B1:B2", format: '"¥"#,##0' }],
      validations: [{ range: "B1", rule: { type: "decimal", min: 0 }, error: "≥ 0" }],
      columnWidths: [{ col: 0, width: 20 }],
      merges: [],
    },
  ],
  names: [
    { name: "Event_FixedCost", sheet: "main", ref: "B1", role: "input" },
    { name: "Event_Double", sheet: "main", ref: "B2", role: "output" },
  ],
};

describe("xlsx adapter", () => {
  test("writes cells, formulas and names, reads them back", async () => {
    const wb = XlsxWorkbook.create();
    const r = await wb.writeTemplate(spec);
    expect(r.sheetNames).toEqual(["Event"]);
    const snap = await readXlsx(await wb.toBuffer());
    expect(snap.sheets[0].name).toBe("Event");
    expect(rowValues(snap.sheets[0], 0)).toEqual(["F", 100]);
    expect(formulaAt(snap.sheets[0], "B2")).toBe("=B1*2");
    expect(snap.names).toEqual([
      { name: "Event_FixedCost", refersTo: "Event!$B$1" },
      { name: "Event_Double", refersTo: "Event!$B$2" },
    ]);
  });

  test("a template written twice gets a new sheet and suffixed names", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeTemplate(spec);
    const second = await wb.writeTemplate(spec);
    expect(second.sheetNames).toEqual(["Event (2)"]);
    expect(second.names.map((n) => n.name)).toEqual(["Event_FixedCost_2", "Event_Double_2"]);
    const loaded = await XlsxWorkbook.load(await wb.toBuffer());
    const third = await loaded.writeTemplate(spec);
    expect(third.sheetNames).toEqual(["Event (3)"]);
    expect(third.names[0].name).toBe("Event_FixedCost_3");
    const snap = await loaded.readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Event", "Event (2)", "Event (3)"]);
    expect(snap.names.map((n) => n.name).sort()).toContain("Event_Double_3");
  });
});

describe("xlsx adapter: formatting only a file shows", () => {
  test("conditional formats, validations and frozen panes reach the file", async () => {
    const zip = await JSZip.loadAsync(await templateToXlsx(buildTemplate("funnel", { lang: "en-US" })));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(xml).toMatch(/<conditionalFormatting sqref="M9:Q21">/);
    expect(xml).toContain('<formula>"Off track"</formula>');
    expect(xml).toMatch(/<dataValidation [^>]*type="decimal"/);
    expect(xml).toMatch(/<pane [^>]*ySplit="8"[^>]*state="frozen"/);
  });

  const sheetXml = async (spec: WorkbookSpec, n = 1) => {
    const zip = await JSZip.loadAsync(await templateToXlsx(spec));
    return {
      sheet: (await zip.file(`xl/worksheets/sheet${n}.xml`)?.async("string")) ?? "",
      workbook: (await zip.file("xl/workbook.xml")?.async("string")) ?? "",
    };
  };

  test("print set-up: A4, fit to one page wide, any number tall, titles, area, footer, breaks", async () => {
    const spec = buildTemplate("plan", { lang: "zh-CN", dealerName: "星辰 & 伙伴" });
    const { sheet, workbook } = await sheetXml(spec);
    expect(sheet).toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
    const setup = /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? "";
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(sheet).toContain(
      "<oddFooter>&amp;L星辰 &amp;&amp; 伙伴&amp;C&amp;A&amp;R&amp;P / &amp;N</oddFooter>",
    );
    expect(sheet).toMatch(/<rowBreaks [^>]*><brk id="33"/);
    const defined = kids(kid(parseTree(workbook, "xl/workbook.xml"), "definedNames")!, "definedName");
    const names = new Map(
      defined.filter((d) => attr(d, "localSheetId") === "0").map((d) => [attr(d, "name"), d.text]),
    );
    expect(names.get("_xlnm.Print_Area")).toBe(`营销计划!${absoluteRange(spec.sheets[0].print?.area ?? "")}`);
    expect(names.get("_xlnm.Print_Titles")).toBe("营销计划!$1:$2");
  });

  test("rows with a large or wrapped text get a height of their own", async () => {
    const spec = buildTemplate("event", { lang: "en-US" });
    const { sheet } = await sheetXml(spec);
    const heights = rowHeights(spec.sheets[0]);
    expect(heights.find((h) => h.row === 1)?.height).toBeGreaterThan(15); // the 16-point title
    for (const h of heights)
      expect(sheet).toMatch(new RegExp(`<row r="${h.row}"[^>]* ht="${h.height}" customHeight="1"`));
  });

  test("each validation is written once, over its own range (no overlapping ranges)", async () => {
    const spec = buildTemplate("plan", { lang: "en-US" });
    const { sheet } = await sheetXml(spec);
    const sqrefs = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(spec.sheets[0].validations.map((v) => v.range).sort());
    const cells = sqrefs.flatMap((r) => rangeCells(r));
    expect(new Set(cells).size).toBe(cells.length);
  });
});

describe("xlsx adapter: number formats read back", () => {
  test("a cell's number format is in the snapshot (General cells have none), so values can be shown as the sheet shows them", async () => {
    const spec = buildTemplate("budget", { lang: "zh-CN", currency: "¥" });
    const snap = await readXlsx(await templateToXlsx(spec));
    const formats = new Set(snap.sheets.flatMap((s) => s.cells.map((c) => c.format)));
    expect(formats.has('"¥"#,##0')).toBe(true);
    expect(formats.has("General")).toBe(false);
    expect(formats.has("")).toBe(false);
  });
});
