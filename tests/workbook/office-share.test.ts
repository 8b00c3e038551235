/**
 * The share adapter (src/workbook/office-share.ts) through the host seam and THE strict Excel
 * double (tests/support/excel-double.ts): requests land only at sync, unloaded properties throw,
 * syncs and loaded cells are counted.
 */
import {
  isDocumentTagged,
  prepareWorkbook,
  repairBrokenCells,
  restoreWorkbook,
  scanWorkbook,
  ShareUnavailableError,
  tagDocument,
  type ShareHost,
} from "../../src/workbook/office-share";
import type { RetryPolicy } from "../../src/workbook/office";
import { WorkbookError } from "../../src/workbook/port";
import { createExcelDouble, type DoubleSeed, type SeedCell, type SeedSheet } from "../support/excel-double";

const DATA: Record<string, SeedCell> = {
  A1: { value: 1000 },
  B1: { value: 400 },
  C1: { value: 200 },
  D1: { value: 80 },
  A3: { formula: "=DEALER.FUNNEL_RATE(A1:D1)", value: 0.4 },
  B3: { value: 0.5 },
  C3: { value: 0.4 },
  A5: { formula: "=DEALER.ROI(A1,B1,0.2)", value: -0.5 },
  A6: { formula: "=SUM(DEALER.FUNNEL_RATE(Counts))", value: 1.3 },
  A7: { formula: "=_xldudf_DEALER_COST_PER_SALE(A1,D1)", value: null, error: "#NAME?" },
  A8: { formula: "=SUM(A1:D1)", value: 1680 },
};

function setup(seed: Partial<DoubleSeed> & { extra?: SeedSheet[] } = {}) {
  const excel = createExcelDouble({
    api: "1.12",
    names: [{ name: "Counts", reference: "=Data!$A$1:$D$1" }],
    ...seed,
    sheets: seed.sheets ?? [
      { name: "Data", cells: DATA, spills: { A3: { rows: 1, cols: 3 } } },
      ...(seed.extra ?? []),
    ],
  });
  const sleeps: number[] = [];
  const retry: RetryPolicy = { delays: [250, 500, 1000, 2000], sleep: async (ms) => void sleeps.push(ms) };
  const on: ShareHost = { host: { run: excel.run, isSetSupported: excel.isSetSupported }, retry };
  return { excel, on, sleeps, data: () => excel.sheet("Data").cells };
}

describe("prepare", () => {
  test("native formulas and frozen values in one run of four syncs, hidden tracking names, the record as a custom XML part", async () => {
    const { excel, on, data } = setup();
    const report = await prepareWorkbook(on);
    expect(excel.runs).toBe(1);
    expect(excel.syncs).toBe(4); // what is there; used ranges; spills; every write
    expect(data().A3.formula).toMatch(/^=IF\(/);
    expect(data().C3.formula).toMatch(/D1\/C1/);
    expect(data().A5.formula).not.toMatch(/DEALER/i);
    expect(data().A6).toMatchObject({ value: 1.3, formula: "" });
    expect(data().A8).toMatchObject({ formula: "=SUM(A1:D1)", value: 1680 });
    expect(report.rewritten).toBe(3);
    expect(report.frozen).toBe(1);
    expect(excel.state.xmlParts).toHaveLength(1);
    const track = excel.names.filter((n) => n.name.startsWith("_dmk_"));
    expect(track.length).toBeGreaterThan(0);
    expect(track.every((n) => !n.visible)).toBe(true);
    expect(excel.names.find((n) => n.name === "Counts")?.visible).toBe(true);
  });

  test("a prepared workbook is refused with a message in both languages, and scan sees the record", async () => {
    const { on } = setup();
    await prepareWorkbook(on);
    const err = await prepareWorkbook(on).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareUnavailableError);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err).toMatchObject({ code: "alreadyPrepared" });
    expect((err as WorkbookError).messages["zh-CN"]).toMatch(/已做共享准备/);
    expect((err as WorkbookError).messages["en-US"]).toMatch(/already prepared/);
    expect((await scanWorkbook(on)).prepared).toBe(true);
  });

  test("the number of syncs does not grow with the cells: 600 DEALER cells, still one run of four", async () => {
    const cells: Record<string, SeedCell> = { A1: { value: 1000 }, B1: { value: 400 } };
    for (let r = 2; r <= 301; r++) {
      cells[`A${r}`] = { formula: "=DEALER.ROI(A1,B1)", value: 1.5 };
      cells[`B${r}`] = { formula: `=DEALER.ROI(A1,B1,${r})`, value: 1.5 };
    }
    const { excel, on } = setup({ sheets: [{ name: "Big", cells }] });
    const report = await prepareWorkbook(on);
    expect(report.rewritten + report.frozen).toBe(600);
    expect(excel.runs).toBe(1);
    expect(excel.syncs).toBe(4);
    expect(Object.values(excel.sheet("Big").cells).some((c) => /DEALER/i.test(c.formula))).toBe(false);
  });

  test("reads values-only used ranges: a sheet formatted down to row 100,000 costs only its cells", async () => {
    const { excel, on } = setup({
      sheets: [
        {
          name: "Styled",
          cells: { A1: { value: 5 }, B2: { formula: "=DEALER.ROI(A1,A1)", value: 0 } },
          formatted: ["A1:Z100000"],
        },
      ],
    });
    const report = await prepareWorkbook(on);
    expect(report.rewritten).toBe(1);
    // One used-range read (values and formulas) of A1:B2.
    expect(excel.state.cellsLoaded).toBe(4);
    // Without valuesOnly the same sheet would ask Excel for 2.6 million cells, which Excel refuses.
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Styled").getUsedRangeOrNullObject().load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("without ExcelApi 1.5 prepare is refused before anything runs", async () => {
    const { excel, on, data } = setup({ api: "1.4" });
    await expect(prepareWorkbook(on)).rejects.toMatchObject({ code: "requirementSet" });
    expect(excel.runs).toBe(0);
    expect(data().A5.formula).toBe("=DEALER.ROI(A1,B1,0.2)");
  });
});

describe("restore", () => {
  test("every original formula back, spilled cells cleared, tracking names and the record gone, in three syncs", async () => {
    const { excel, on, data } = setup();
    await prepareWorkbook(on);
    const before = excel.syncs;
    const report = await restoreWorkbook(on);
    expect(excel.syncs - before).toBe(3); // what is there; used ranges and the record; every write
    expect(data().A3.formula).toBe("=DEALER.FUNNEL_RATE(A1:D1)");
    expect(data().B3).toBeUndefined();
    expect(data().C3).toBeUndefined();
    expect(data().A5.formula).toBe("=DEALER.ROI(A1,B1,0.2)");
    expect(data().A6.formula).toBe("=SUM(DEALER.FUNNEL_RATE(Counts))");
    // The saved spelling comes back live, which is what Excel with the add-in wants.
    expect(data().A7.formula).toBe("=DEALER.COST_PER_SALE(A1,D1)");
    expect(report.restored).toBe(4);
    expect(excel.state.xmlParts).toHaveLength(0);
    expect(excel.names.map((n) => n.name)).toEqual(["Counts"]);
    await expect(restoreWorkbook(on)).rejects.toMatchObject({ code: "notPrepared" });
  });

  test("a recipient's edits are kept and reported: a rewritten cell and a frozen cell", async () => {
    const { on, data } = setup();
    await prepareWorkbook(on);
    // The recipient types over a rewritten cell and over the frozen value.
    data().A5 = { value: 2000, formula: "=A1*2" };
    data().A6 = { value: 7, formula: "" };
    const report = await restoreWorkbook(on);
    expect(report.kept).toBe(2);
    expect(
      report.entries
        .filter((e) => e.action === "kept")
        .map((e) => e.address)
        .sort(),
    ).toEqual(["A5", "A6"]);
    expect(data().A5.formula).toBe("=A1*2");
    expect(data().A6).toMatchObject({ value: 7, formula: "" });
    expect(data().A3.formula).toBe("=DEALER.FUNNEL_RATE(A1:D1)");
  });

  test("after the recipient inserts a row, the cells are restored where Excel moved them", async () => {
    const { excel, on, data } = setup();
    await prepareWorkbook(on);
    excel.insertRows("Data", 2, 1);
    // Excel moved the tracking names with the rows; the recipient writes into the new row.
    expect(excel.names.some((n) => n.reference === "=Data!$4:$4")).toBe(true);
    data().A2 = { value: "new row", formula: "" };
    const report = await restoreWorkbook(on);
    expect(report.restored).toBe(4);
    expect(data().A4.formula).toBe("=DEALER.FUNNEL_RATE(A1:D1)");
    expect(data().B4).toBeUndefined();
    expect(data().C4).toBeUndefined();
    expect(data().A6.formula).toBe("=DEALER.ROI(A1,B1,0.2)");
    expect(data().A7.formula).toBe("=SUM(DEALER.FUNNEL_RATE(Counts))");
    expect(data().A9.formula).toBe("=SUM(A1:D1)");
    expect(data().A2).toMatchObject({ value: "new row", formula: "" });
    expect(data().A3).toBeUndefined();
  });

  test("the cells of a sheet deleted since are skipped, the rest restored", async () => {
    const { excel, on } = setup({
      extra: [{ name: "Other", cells: { A1: { formula: "=DEALER.ROI(1,2)", value: -0.5 } } }],
    });
    await prepareWorkbook(on);
    excel.state.sheets = excel.state.sheets.filter((s) => s.name !== "Other");
    const report = await restoreWorkbook(on);
    expect(
      report.entries.filter((e) => e.action === "skipped").map((e) => `${e.sheet}!${e.address}:${e.reason}`),
    ).toEqual(["Other!A1:notFound"]);
    expect(report.restored).toBe(4);
  });

  test("a record that fails validation is refused whole: nothing is written", async () => {
    const { excel, on, data } = setup();
    await prepareWorkbook(on);
    const part = excel.state.xmlParts[0];
    part.xml = part.xml.replace(
      /<formula>DEALER\.ROI\(A1,B1,0\.2\)<\/formula>/,
      "<formula>HYPERLINK(1</formula>",
    );
    const written = data().A5.formula;
    const err = await restoreWorkbook(on).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "badRecord" });
    expect((err as WorkbookError).messages["zh-CN"]).toBeTruthy();
    expect(data().A5.formula).toBe(written);
    expect(excel.state.xmlParts).toHaveLength(1);
  });
});

describe("the host seam", () => {
  test("cell-edit mode is retried with the templates' retry policy", async () => {
    const { excel, on, sleeps, data } = setup({ cellEditSyncs: 2 });
    const report = await prepareWorkbook(on);
    expect(report.rewritten).toBe(3);
    expect(sleeps).toEqual([250, 500]);
    expect(excel.runs).toBe(3);
    expect(data().A5.formula).not.toMatch(/DEALER/i);
  });

  test("Excel's errors come out as WorkbookErrors in both languages, as for templates", async () => {
    const { on, sleeps } = setup({ cellEditSyncs: 99 });
    const busy = await restoreWorkbook(on).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(WorkbookError);
    expect((busy as WorkbookError).code).toBe("InvalidOperationInCellEditMode");
    expect((busy as WorkbookError).messages["zh-CN"]).toMatch(/编辑/);
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
    const denied = await prepareWorkbook(setup({ failCode: "AccessDenied" }).on).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(WorkbookError);
    expect((denied as WorkbookError).messages["en-US"]).toMatch(/protected/);
  });
});

describe("broken cells and the document tag", () => {
  test("scan finds them and repair brings them back, one run each", async () => {
    const { excel, on, data } = setup();
    const scan = await scanWorkbook(on);
    expect(scan).toMatchObject({ prepared: false, dealerCells: 4 });
    expect(scan.broken.entries.map((e) => `${e.address}:${e.reason}`)).toEqual(["A7:savedWithoutAddin"]);
    const repaired = await repairBrokenCells(on);
    expect(repaired.broken).toBe(1);
    expect(data().A7.formula).toBe("=DEALER.COST_PER_SALE(A1,D1)");
    expect(excel.runs).toBe(2);
  });

  test("tagDocument sets Office.AutoShowTaskpaneWithDocument and saves the settings", async () => {
    const { excel } = setup();
    const g = globalThis as unknown as { Office: unknown };
    g.Office = {
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: { document: { settings: excel.settings } },
    };
    expect(isDocumentTagged()).toBe(false);
    await tagDocument();
    expect(excel.state.settings["Office.AutoShowTaskpaneWithDocument"]).toBe(true);
    expect(isDocumentTagged()).toBe(true);
    await tagDocument(false);
    expect(isDocumentTagged()).toBe(false);
    expect(excel.state.settings).toEqual({});
  });
});
