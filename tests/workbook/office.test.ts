import { buildTemplate, templateKinds } from "../../src/templates";
import { cellAddress, rangeCells, unquoteSheet } from "../../src/core/a1";
import { LANGS } from "../../src/core/lang";
import {
  flattenCells,
  isFormula,
  isTextCell,
  resolveSheetRefs,
  type WorkbookSpec,
} from "../../src/templates/spec";
import { rowHeights } from "../../src/workbook/row-heights";
import { flagLooks, looks } from "../../src/workbook/looks";
import { OfficeWorkbook, toWorkbookError, type RetryPolicy } from "../../src/workbook/office";
import { WorkbookError } from "../../src/workbook/port";
import { readXlsx, templateToXlsx } from "../../src/workbook/xlsx";
import { createExcelDouble, type DoubleSeed } from "../support/excel-double";
import { formulaAt, valueAt } from "../support/snapshot";

function setup(options: DoubleSeed = {}) {
  const excel = createExcelDouble(options);
  const sleeps: number[] = [];
  const retry: RetryPolicy = { delays: [250, 500, 1000, 2000], sleep: async (ms) => void sleeps.push(ms) };
  const port = new OfficeWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported }, retry);
  return { excel, port, sleeps };
}

const officeError = (code: string, message: string) => Object.assign(new Error(message), { code });

const cases: [string, WorkbookSpec][] = templateKinds.flatMap((k) =>
  LANGS.map((lang): [string, WorkbookSpec] => [`${k.kind} ${lang}`, buildTemplate(k.kind, { lang })]),
);

describe("the strict Excel double", () => {
  test("throws on reading a property that was not loaded and synced", async () => {
    const excel = createExcelDouble({ sheets: ["Sheet1"] });
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/load\(\) and sync\(\)/);
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(/load\(\) and sync\(\)/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      const added = sheets.add("New");
      expect(() => added.name).toThrow(/not available/);
    });
  });

  test("carries requests out only at sync, in order; a failing request drops the ones after it", async () => {
    const excel = createExcelDouble({ sheets: ["Sheet1"] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").formulas = [["=1+1"]];
      expect(excel.sheet("Sheet1").cells.A1).toBeUndefined();
      await context.sync();
      expect(excel.sheet("Sheet1").cells.A1.formula).toBe("=1+1");
    });
    const failed = excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").values = [[1]];
      ws.getRange("C1:D1").values = [[1]]; // wrong shape: Excel refuses it at sync
      ws.getRange("E1").values = [[2]];
      await context.sync();
    });
    await expect(failed).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.sheet("Sheet1").cells.B1.value).toBe(1);
    expect(excel.sheet("Sheet1").cells.E1).toBeUndefined();
  });

  test("refuses APIs above its requirement set", async () => {
    const excel = createExcelDouble({ api: "1.3" });
    await expect(
      excel.run(async (context) => {
        context.workbook.names.add("X", "=Sheet1!$A$1");
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("Office adapter: writeTemplate", () => {
  test.each(cases)("%s: one run, at most 3 syncs, content equals the spec", async (_id, spec) => {
    const { excel, port } = setup({ sheets: ["Sheet1"], api: "1.9" });
    const result = await port.writeTemplate(spec);
    expect(excel.runs).toBe(1);
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(result.skipped).toEqual([]);
    expect(result.sheetNames).toEqual(spec.sheets.map((s) => s.name));

    const realNames = new Map(spec.sheets.map((s) => [s.key, s.name]));
    for (const s of spec.sheets) {
      const rec = excel.sheet(s.name);
      // Cells: every spec cell written as is (null as an empty cell, another sheet by its real name),
      // nothing else written.
      const cells = flattenCells(s);
      for (const [addr, v] of cells) {
        // A user's text goes in as text: Excel takes a leading apostrophe as "this is text, not a
        // formula" and does not show it.
        const text = (t: string) => (/^[=+\-@']/.test(t) ? "'" + t : t);
        const want = isFormula(v) ? resolveSheetRefs(v, realNames) : isTextCell(v) ? text(v.text) : (v ?? "");
        expect([addr, rec.cells[addr]?.input]).toEqual([addr, want]);
      }
      const written = Object.entries(rec.cells)
        .filter(([, c]) => c.input !== undefined)
        .map(([a]) => a);
      expect(written.sort()).toEqual([...cells.keys()].sort());
      // Number formats, last one wins as in the spec.
      const fmt = new Map<string, string>();
      for (const f of s.formats) for (const a of rangeCells(f.range)) fmt.set(a, f.format);
      for (const [a, f] of fmt) expect([a, rec.cells[a]?.numberFormat]).toEqual([a, f]);
      // Input cells look like inputs and validated cells carry a rule.
      for (const st of s.styles.filter((x) => x.style === "input")) {
        for (const a of rangeCells(st.range))
          expect([a, rec.cells[a]?.fill]).toEqual([a, "#" + looks.input.fill]);
      }
      for (const v of s.validations) {
        for (const a of rangeCells(v.range)) {
          const c = rec.cells[a];
          expect(c?.rule).toBeDefined();
          expect(c?.errorAlert?.message).toBe(v.error);
        }
      }
      expect(rec.merges.sort()).toEqual([...s.merges].sort());
      expect(Object.keys(rec.columnWidths).length).toBe(new Set(s.columnWidths.map((w) => w.col)).size);
      expect(rec.freezeAt !== undefined).toBe(
        s.freeze !== undefined && (s.freeze.rows > 0 || s.freeze.cols > 0),
      );
      const excelType = { line: "Line", column: "ColumnClustered", bar: "BarClustered", pie: "Pie" };
      expect(
        rec.charts.map((c) => [c.type, c.source, c.categories, c.categoriesBy, c.title, c.from, c.to]),
      ).toEqual(
        (s.charts ?? []).map((c) => [
          excelType[c.type],
          c.series,
          c.categories,
          c.type === "pie" ? "series" : "axis",
          c.title,
          c.from,
          c.to,
        ]),
      );
      // Print set-up: A4, one page wide, as many tall as needed, titles, area, footer, breaks.
      const p = s.print;
      expect(rec.print).toEqual({
        paperSize: "A4",
        orientation: p?.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        ...(p?.titleRows ? { titleRows: p.titleRows.replace(/(\d+)/g, "$$$1") } : {}),
        area: p?.area,
        centerFooter: "&A",
        rightFooter: "&P / &N",
        ...(p?.breaksAfter ? { breaksBefore: p.breaksAfter.map((r) => r + 1) } : {}),
      });
      expect(Object.entries(rec.rowHeights).map(([r, h]) => [Number(r), h])).toEqual(
        rowHeights(s).map((h) => [h.row, h.height]),
      );
    }
    for (const s of spec.sheets) {
      expect(excel.sheet(s.name).conditionalFormats).toEqual(
        (s.conditionalFormats ?? []).map((cf) => ({
          range: cf.range,
          type: "CellValue",
          formula1: "=" + cf.formula,
          operator: cf.operator === "equal" ? "EqualTo" : "GreaterThan",
          fill: "#" + flagLooks[cf.look].fill,
          fontColor: "#" + flagLooks[cf.look].fontColor,
        })),
      );
    }
    expect(excel.state.active).toBe(spec.sheets[0].name);
    expect(excel.names.map((n) => n.name)).toEqual(spec.names.map((n) => n.name));
    expect(result.names.map((n) => `=${n.refersTo}`)).toEqual(excel.names.map((n) => n.reference));
  });

  test("a template written twice gets a new sheet and suffixed names; the user's sheets stay untouched", async () => {
    const spec = buildTemplate("event", { lang: "en-US" });
    const { excel, port } = setup({ sheets: ["Event Break-even"] });
    const first = await port.writeTemplate(spec);
    const second = await port.writeTemplate(spec);
    expect(first.sheetNames).toEqual(["Event Break-even (2)"]);
    expect(second.sheetNames).toEqual(["Event Break-even (3)"]);
    expect(Object.keys(excel.sheet("Event Break-even").cells)).toHaveLength(0);
    expect(first.names.map((n) => n.name)).toContain("Event_FixedCost");
    expect(second.names.map((n) => n.name)).toContain("Event_FixedCost_2");
    expect(second.names.find((n) => n.base === "Event_Profit")?.refersTo).toBe(
      "'Event Break-even (3)'!$B$16",
    );
    expect(excel.syncs).toBe(4);
  });

  test("an older Excel gets the template without the APIs it lacks, and says which", async () => {
    const { excel, port } = setup({ api: "1.3" });
    const result = await port.writeTemplate(buildTemplate("budget", { lang: "zh-CN" }));
    expect([...result.skipped].sort()).toEqual([
      "chartCategories",
      "conditionalFormats",
      "dataValidation",
      "freezePanes",
      "names",
      "pageLayout",
    ]);
    expect(result.names).toEqual([]);
    expect(excel.sheets).toHaveLength(2);
    expect(excel.sheets.every((s) => s.print === undefined)).toBe(true);
    expect(excel.syncs).toBe(2);
  });

  test("a host with ExcelApi 1.8 gets everything but the page layout", async () => {
    const { excel, port } = setup({ api: "1.8" });
    const result = await port.writeTemplate(buildTemplate("event", { lang: "zh-CN", dealerName: "星辰" }));
    expect(result.skipped).toEqual(["pageLayout"]);
    expect(excel.sheets[0].print).toBeUndefined();
    expect(excel.sheets[0].charts).toHaveLength(1);
  });

  test("the footer's dealer keeps a literal & (doubled, as the footer codes need)", async () => {
    const { excel, port } = setup({ api: "1.9" });
    await port.writeTemplate(buildTemplate("event", { lang: "en-US", dealerName: "Star & Sons" }));
    expect(excel.sheets[0].print?.leftFooter).toBe("Star && Sons");
  });

  test("a budget written twice: the second summary reads the second budget sheet", async () => {
    const spec = buildTemplate("budget", { lang: "en-US" });
    const { excel, port } = setup();
    await port.writeTemplate(spec);
    const second = await port.writeTemplate(spec);
    expect(second.sheetNames).toEqual(["Marketing Budget (2)", "Budget Summary (2)"]);
    const formulas = Object.values(excel.sheet("Budget Summary (2)").cells)
      .map((c) => c.formula)
      .filter((f): f is string => typeof f === "string" && f.includes("!"));
    expect(formulas.length).toBeGreaterThan(20);
    for (const f of formulas) expect(f).toMatch(/^=.*'Marketing Budget \(2\)'!\$[A-Z]+\$\d+/);
    expect(formulas.some((f) => f.includes("'Marketing Budget'!"))).toBe(false);
  });

  test("retries with backoff while Excel is in cell-edit mode", async () => {
    const { excel, port, sleeps } = setup({ cellEditSyncs: 2 });
    const result = await port.writeTemplate(buildTemplate("event", { lang: "zh-CN" }));
    expect(result.sheetNames).toEqual(["活动保本分析"]);
    expect(sleeps).toEqual([250, 500]);
    expect(excel.runs).toBe(3);
  });

  test("gives up after the last retry with a message in both languages", async () => {
    const { port, sleeps } = setup({ cellEditSyncs: 99 });
    const err = await port.writeTemplate(buildTemplate("event", { lang: "zh-CN" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    const we = err as WorkbookError;
    expect(we.code).toBe("InvalidOperationInCellEditMode");
    expect(we.messages["zh-CN"]).toMatch(/编辑/);
    expect(we.messages["en-US"]).toMatch(/editing a cell/);
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
  });

  test("Excel's errors become user-meaningful errors", () => {
    const denied = toWorkbookError(officeError("AccessDenied", "x"));
    expect(denied.messages["en-US"]).toMatch(/protected/);
    const other = toWorkbookError(officeError("GeneralException", "boom"));
    expect(other.code).toBe("GeneralException");
    expect(other.messages["zh-CN"]).toContain("boom");
  });
});

describe("Office adapter: readWorkbook", () => {
  test("reads back sheets, formulas and names in two syncs", async () => {
    const spec = buildTemplate("event", { lang: "en-US", event: { fixedCost: 1000 } });
    const { excel, port } = setup({ sheets: ["Sheet1"] });
    await port.writeTemplate(spec);
    const before = excel.syncs;
    const snap = await port.readWorkbook();
    expect(excel.syncs - before).toBe(2);
    expect(snap.sheets.map((s) => s.name)).toEqual(["Sheet1", "Event Break-even"]);
    const ev = snap.sheets[1];
    expect(valueAt(ev, "B5")).toBe(1000);
    expect(formulaAt(ev, "B12")).toMatch(/^=IF\(/);
    expect(snap.names.find((n) => n.name === "Event_FixedCost")?.refersTo).toBe("'Event Break-even'!$B$5");
    expect(await port.listSheetNames()).toEqual(["Sheet1", "Event Break-even"]);
  });
});

describe("both adapters write the same content", () => {
  const unquote = (ref: string) => {
    const i = ref.lastIndexOf("!");
    return [unquoteSheet(ref.slice(0, i)), ref.slice(i + 1)].join("!");
  };

  test.each(cases)("%s", async (_id, spec) => {
    const { excel, port } = setup();
    await port.writeTemplate(spec);
    const snap = await readXlsx(await templateToXlsx(spec));
    expect(snap.sheets.map((s) => s.name)).toEqual(excel.sheets.map((s) => s.name));
    for (const [si, sheet] of snap.sheets.entries()) {
      const rec = excel.sheets[si];
      const seen = new Set<string>();
      for (const cell of sheet.cells) {
        const addr = cellAddress(cell.row, cell.col);
        const v = cell.value;
        const fromXlsx = cell.formula ?? (v === null ? "" : v);
        if (fromXlsx === "" && !rec.cells[addr]?.input) continue;
        seen.add(addr);
        expect([addr, fromXlsx]).toEqual([addr, rec.cells[addr]?.input ?? ""]);
      }
      const nonEmpty = Object.entries(rec.cells).filter(([, c]) => c.input !== undefined && c.input !== "");
      expect(nonEmpty.every(([a]) => seen.has(a))).toBe(true);
    }
    const fromOffice = excel.names.map((n) => `${n.name}=${unquote(n.reference.slice(1))}`).sort();
    // The file's sheet-local names are the print set-up's (_xlnm.Print_Area, _xlnm.Print_Titles).
    const local = snap.names.filter((n) => n.sheet !== undefined);
    expect(local.every((n) => n.name.startsWith("_xlnm.Print_"))).toBe(true);
    const fromXlsx = snap.names
      .filter((n) => n.sheet === undefined)
      .map((n) => `${n.name}=${unquote(n.refersTo)}`)
      .sort();
    expect(fromXlsx).toEqual(fromOffice);
  });
});

describe("navigation and requirement sets", () => {
  test("selectCell activates the sheet and selects the cell in one run", async () => {
    const { excel, port } = setup({ sheets: ["Sheet1", "营销计划"] });
    await port.selectCell("营销计划", "D7");
    const sheet = excel.sheet("营销计划");
    expect(excel.state.active).toBe("营销计划");
    expect(sheet.selected).toBe("D7");
    expect(excel.sheet("Sheet1").selected).toBeUndefined();
    expect(excel.runs).toBe(1);
  });

  test("selectCell on a missing sheet fails as a WorkbookError", async () => {
    const { port } = setup({ sheets: ["Sheet1"] });
    await expect(port.selectCell("Gone", "A1")).rejects.toBeInstanceOf(WorkbookError);
  });
});
