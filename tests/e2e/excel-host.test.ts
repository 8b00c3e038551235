// The Excel path, not only preview: with a double of the Excel host served in place of office.js,
// creating a template and scoring go through the Office adapter, the theme and language come from
// Office, and Excel's errors reach the user in a message bar.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { scorePlan } from "../../src/core/rubric";
import { readPlan, splitRef } from "../../src/scoring/read-plan";
import { SCORECARD_TITLES } from "../../src/scoring/scorecard-titles";
import { strings } from "../../src/taskpane/i18n";
import { buildTemplate, flattenCells } from "../../src/templates";
import { isTextCell } from "../../src/templates/spec";
import { readXlsx } from "../../src/workbook/xlsx";
import { seriousViolations } from "./support/axe";
import { BASE_SEED, doubleState, withExcel as withExcelHost } from "./support/excel";
import { type DoubleState, type ExcelSeed, type SeedCell } from "./support/excelDouble";
import { ROOT, distForTests } from "./support/server";

jest.setTimeout(120_000);

const server = distForTests();

const BASE = BASE_SEED;
const withExcel = <T>(seed: ExcelSeed, body: (page: Page) => Promise<T>): Promise<T> =>
  withExcelHost(server, seed, body);
const state = doubleState;

async function seedFromFixture(file: string): Promise<ExcelSeed> {
  const snap = await readXlsx(new Uint8Array(readFileSync(join(ROOT, "tests/fixtures/plans", file))));
  return {
    ...BASE,
    displayLanguage: "en-US",
    bodyBackgroundColor: "#ffffff",
    sheets: snap.sheets.map((s) => {
      // The double takes dense rows from A1, as Excel's used range hands them over.
      const rows: SeedCell[][] = [];
      for (const c of s.cells) {
        while (rows.length <= c.row) rows.push([]);
        const row = rows[c.row];
        while (row.length < c.col) row.push({ value: null });
        const formula = c.formula;
        const v = c.value;
        row[c.col] =
          v !== null && typeof v === "object"
            ? { value: null, error: v.error, formula }
            : { value: v, formula };
      }
      const width = Math.max(0, ...rows.map((r) => r.length));
      for (const row of rows) while (row.length < width) row.push({ value: null });
      return { name: s.name, rows };
    }),
  };
}

test("Office's language and dark theme are followed, and there is no preview banner", async () => {
  await withExcel(BASE, async (page) => {
    const t = strings("zh-CN");
    expect(await page.textContent("h1")).toBe(t.appTitle);
    expect(await page.getAttribute("[data-host]", "data-theme")).toBe("dark");
    expect(await page.locator('[data-testid="preview-banner"]').count()).toBe(0);
  });
});

test("creating a template writes it through the Office adapter and activates the new sheet", async () => {
  const inputs = {
    fixedCost: 460000,
    variableCost: 1500,
    margin: 10000,
    conversionRate: 0.5,
    attendees: 120,
  };
  const expected = buildTemplate("event", {
    lang: "zh-CN",
    dealerName: "星辰汽车",
    brand: "Aurora",
    event: inputs,
  });
  await withExcel(BASE, async (page) => {
    await page.click('[data-testid="choose-event"]');
    await page.waitForSelector('[data-testid="template-form"]');
    expect(await page.innerText('[data-testid="create"]')).toBe(strings("zh-CN").create);
    await page.fill('[name="dealerName"]', "星辰汽车");
    await page.fill('[name="brand"]', "Aurora");
    for (const [key, value] of Object.entries(inputs))
      await page.fill(`[name="event.${key}"]`, String(value));
    await page.click('[data-testid="create"]');
    await page.waitForSelector('[data-testid="create-done"], [data-testid="error-bar"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);

    const excel = await state(page);
    const sheetName = expected.sheets[0].name;
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", ...expected.sheets.map((s) => s.name)]);
    expect(excel.active).toBe(sheetName);
    expect(await page.innerText('[data-testid="create-done"]')).toContain(sheetName);
    // Batched: one Excel.run with a couple of syncs, whatever the template's size.
    expect(excel.runs).toBe(1);
    expect(excel.syncs).toBeLessThanOrEqual(3);
    // Every cell of the spec arrived as written (constants and native formulas alike).
    const written = excel.sheets.find((s) => s.name === sheetName)?.cells ?? {};
    for (const [address, cell] of flattenCells(expected.sheets[0])) {
      const got = written[address];
      if (cell === null) expect(got === undefined || got.value === "").toBe(true);
      else if (typeof cell === "string" && cell.startsWith("=")) expect(got?.formula).toBe(cell);
      // A user's text (the subtitle with the dealer) reads back as its text, never as a formula.
      else if (isTextCell(cell)) expect([got?.value, got?.formula]).toEqual([cell.text, ""]);
      else expect(got?.value).toBe(cell);
    }
    expect(written.B5?.value).toBe(inputs.fixedCost);
    expect(excel.names.map((n) => n.name)).toEqual(expect.arrayContaining(expected.names.map((n) => n.name)));
  });
});

test("scoring reads the workbook through the Office adapter; the scorecard is written as a sheet", async () => {
  const file = "template-complete-zh.xlsx";
  const seed = await seedFromFixture(file);
  const engine = scorePlan(
    readPlan(await readXlsx(new Uint8Array(readFileSync(join(ROOT, "tests/fixtures/plans", file))))),
  );
  await withExcel(seed, async (page) => {
    await page.click("#tab-score");
    await page.click('[data-testid="score-active"]');
    await page.waitForSelector('[data-testid="score-total"]');
    const auto = (
      await page
        .locator('[data-testid="auto-score"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-score")))
    ).map(Number);
    expect(auto).toEqual(engine.criteria.map((c) => c.auto));
    expect(Number(await page.getAttribute('[data-testid="score-total"]', "data-total"))).toBe(engine.total);
    const before = await state(page);
    expect(before.runs).toBeGreaterThanOrEqual(1);

    expect(await seriousViolations(page)).toEqual([]);

    // Evidence cells are links that select the cell in Excel.
    const link = page.locator('[data-testid="evidence-link"]').first();
    const ref = String(await link.getAttribute("data-ref"));
    await link.click();
    await page.waitForFunction(() =>
      (window as unknown as { __excelDouble: DoubleState }).__excelDouble.log.some((l) =>
        l.path.endsWith(".select"),
      ),
    );
    const at = splitRef(ref);
    expect(at).not.toBeNull();
    const selected = (await state(page)).log.filter((l) => l.op === "call" && l.path.endsWith(".select"));
    expect(selected.map((l) => l.path)).toEqual([`${at?.sheet}!${at?.address}.select`]);

    await page.click('[data-testid="write-scorecard"]');
    await page.waitForSelector('[data-testid="scorecard-done"]');
    const after = await state(page);
    const card = after.sheets.find((s) =>
      SCORECARD_TITLES.some((title) => String(s.cells.A1?.value ?? "").startsWith(title)),
    );
    expect(card).toBeDefined();
    expect(after.active).toBe(card?.name);
    expect(after.sheets.length).toBe(before.sheets.length + 1);
  });
});

test("a protected workbook is reported in a message bar", async () => {
  await withExcel({ ...BASE, displayLanguage: "en-US", failCode: "AccessDenied" }, async (page) => {
    await page.click('[data-testid="choose-plan"]');
    await page.waitForSelector('[data-testid="template-form"]');
    await page.click('[data-testid="create"]');
    await page.waitForSelector('[data-testid="error-bar"]');
    expect(await page.innerText('[data-testid="error-bar"]')).toContain(strings("en-US").errProtected);
  });
});

test("Excel stuck in cell-edit mode is retried, then reported with what to do", async () => {
  await withExcel(
    { ...BASE, displayLanguage: "en-US", failCode: "InvalidOperationInCellEditMode" },
    async (page) => {
      await page.click("#tab-score");
      await page.click('[data-testid="score-active"]');
      await page.waitForSelector('[data-testid="error-bar"]', { timeout: 30_000 });
      expect(await page.innerText('[data-testid="error-bar"]')).toContain(strings("en-US").errCellEdit);
      // The adapter tried again before giving up: the user may just have been typing.
      expect((await state(page)).runs).toBeGreaterThan(1);
    },
  );
});

test("sharing inside Excel goes through the share adapter: rewritten cells, a record, and restore", async () => {
  const roi = "=DEALER.ROI(B1,B2)";
  const cps = "=DEALER.COST_PER_SALE(B2,B3)";
  const seed: ExcelSeed = {
    ...BASE,
    displayLanguage: "en-US",
    bodyBackgroundColor: "#ffffff",
    sheets: [
      {
        name: "Sheet1",
        rows: [
          [{ value: "Revenue" }, { value: 1_200_000 }, { value: 0.5, formula: roi }],
          [{ value: "Cost" }, { value: 800_000 }, { value: 20_000, formula: cps }],
          [{ value: "Vehicles" }, { value: 40 }, { value: null }],
        ],
      },
    ],
  };
  await withExcel(seed, async (page) => {
    await page.click("#tab-share");
    await page.click('[data-testid="share-prepare"]');
    await page.waitForSelector('[data-testid="share-report"], [data-testid="error-bar"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
    const prepared = await state(page);
    const cells = prepared.sheets[0].cells;
    const handled =
      Number(await page.getAttribute('[data-testid="share-rewritten"]', "data-count")) +
      Number(await page.getAttribute('[data-testid="share-frozen"]', "data-count"));
    expect(handled).toBe(2);
    // No DEALER call is left in the workbook, and the originals are kept in a custom XML record.
    expect([cells.C1.formula, cells.C2.formula].join(" ")).not.toMatch(/DEALER/i);
    expect(prepared.xmlParts).toHaveLength(1);

    await page.click('[data-testid="share-restore"]');
    await page.waitForSelector('[data-testid="share-restored"]');
    expect(Number(await page.getAttribute('[data-testid="share-restored"]', "data-count"))).toBe(2);
    const restored = await state(page);
    expect(restored.sheets[0].cells.C1.formula).toBe(roi);
    expect(restored.sheets[0].cells.C2.formula).toBe(cps);
    expect(restored.xmlParts).toHaveLength(0);
  });
});

test("restoring inside Excel keeps the recipient's edit and lists it; the rest comes back", async () => {
  const roi = "=DEALER.ROI(B1,B2)";
  const cps = "=DEALER.COST_PER_SALE(B2,B3)";
  const seed: ExcelSeed = {
    ...BASE,
    displayLanguage: "en-US",
    bodyBackgroundColor: "#ffffff",
    sheets: [
      {
        name: "Sheet1",
        rows: [
          [{ value: "Revenue" }, { value: 1_200_000 }, { value: 0.5, formula: roi }],
          [{ value: "Cost" }, { value: 800_000 }, { value: 20_000, formula: cps }],
          [{ value: "Vehicles" }, { value: 40 }, { value: null }],
        ],
      },
    ],
  };
  await withExcel(seed, async (page) => {
    await page.click("#tab-share");
    await page.click('[data-testid="share-prepare"]');
    await page.waitForSelector('[data-testid="share-report"], [data-testid="error-bar"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
    // The recipient types their own formula over C2 (the double's state is the live workbook).
    await page.evaluate(() => {
      const cells = (window as unknown as { __excelDouble: DoubleState }).__excelDouble.sheets[0].cells;
      cells.C2 = { value: 25_000, formula: "=B2/32" };
    });
    await page.click('[data-testid="share-restore"]');
    await page.waitForSelector('[data-testid="share-kept"], [data-testid="error-bar"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
    expect(await page.innerText('[data-testid="share-kept"]')).toContain("Sheet1!C2");
    expect(Number(await page.getAttribute('[data-testid="share-restored"]', "data-count"))).toBe(1);
    const after = await state(page);
    expect(after.sheets[0].cells.C1.formula).toBe(roi);
    expect(after.sheets[0].cells.C2.formula).toBe("=B2/32");
    expect(after.xmlParts).toHaveLength(0);
    expect(after.names.filter((n) => n.name.startsWith("_dmk_"))).toEqual([]);
  });
});

test("broken DEALER cells are found when the Share page opens; Repair brings them back; the switch tags the document", async () => {
  const saved = "=_xldudf_DEALER_ROI(B1,B2)";
  const cps = "=DEALER.COST_PER_SALE(B2,B3)";
  const seed: ExcelSeed = {
    ...BASE,
    displayLanguage: "en-US",
    bodyBackgroundColor: "#ffffff",
    sheets: [
      {
        name: "Sheet1",
        rows: [
          [{ value: "Revenue" }, { value: 1_200_000 }, { value: null, error: "#NAME?", formula: saved }],
          [{ value: "Cost" }, { value: 800_000 }, { value: null, error: "#NAME?", formula: cps }],
          [{ value: "Vehicles" }, { value: 40 }, { value: 0.5, formula: "=DEALER.ROI(B1,B2)" }],
        ],
      },
    ],
  };
  await withExcel(seed, async (page) => {
    await page.click("#tab-share");
    await page.waitForSelector('[data-testid="share-scan"], [data-testid="error-bar"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
    expect(await page.getAttribute('[data-testid="share-scan"]', "data-broken")).toBe("2");
    const list = await page.innerText('[data-testid="share-scan-broken"]');
    // The saved spelling is shown as typed; both cells are listed with their reason.
    expect(list).toContain("Sheet1!C1");
    expect(list).toContain("=DEALER.ROI(B1,B2)");
    expect(list).not.toContain(saved);
    expect(list).toContain("Sheet1!C2");
    expect(await page.innerText('[data-testid="share-scan"]')).toContain("3 cells use DEALER functions");
    // The check, its list, Repair and the switch are usable without a mouse and by screen readers.
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(join(ROOT, "test-output", "screenshots"), { recursive: true });
    await page.screenshot({
      path: join(ROOT, "test-output", "screenshots", "en-US-excel-share-broken.png"),
      fullPage: true,
    });

    await page.click('[data-testid="share-repair"]');
    await page.waitForSelector('[data-testid="share-check-note"]');
    expect(await page.innerText('[data-testid="share-check-note"]')).toContain("2 cells");
    const repaired = await state(page);
    expect(repaired.sheets[0].cells.C1.formula).toBe("=DEALER.ROI(B1,B2)");
    expect(repaired.sheets[0].cells.C2.formula).toBe(cps);
    await page.waitForSelector('[data-testid="share-scan"][data-broken="0"]');
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);

    const toggle = page.locator('[data-testid="share-auto-open"]');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await page.waitForSelector('[data-testid="share-check-note"]');
    await page.waitForFunction(
      () =>
        (window as unknown as { __excelDouble: DoubleState }).__excelDouble.settings[
          "Office.AutoShowTaskpaneWithDocument"
        ] === true,
    );
    expect(await toggle.isChecked()).toBe(true);
    expect((await state(page)).log.filter((l) => l.op === "settings.saveAsync")).toHaveLength(1);
    await toggle.click();
    await page.waitForFunction(
      () =>
        !(
          "Office.AutoShowTaskpaneWithDocument" in
          (window as unknown as { __excelDouble: DoubleState }).__excelDouble.settings
        ),
    );
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
  });
});

test("what an older Excel could not add is said in the pane's language, not as the adapter's keys", async () => {
  // ExcelApi 1.6: no data validation (1.8) and no frozen panes (1.7).
  await withExcel({ ...BASE, api: "1.6" }, async (page) => {
    await page.click('[data-testid="choose-funnel"]');
    await page.waitForSelector('[data-testid="template-form"]');
    await page.click('[data-testid="create"]');
    await page.waitForSelector('[data-testid="create-done"], [data-testid="error-bar"]');
    const done = await page.innerText('[data-testid="create-done"]');
    expect(done).toContain("数据验证");
    expect(done).toContain("冻结窗格");
    expect(done).not.toMatch(/dataValidation|freezePanes/);
  });
});
