// Preview mode: a workbook using the DEALER functions is prepared for sharing in the browser (the
// download is the share module's result, and lists the same cells), and the prepared copy restored.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { ADDIN_ID, AUTO_SHOW, isTaggedXlsx } from "../../src/share/tag";
import { prepareXlsx, scanXlsx } from "../../src/share/xlsx";
import { strings } from "../../src/taskpane/i18n";
import { buildShareFixture } from "../share/fixture";
import { VALID } from "../share/inputs";
import { seriousViolations } from "./support/axe";
import { launch, openPane, type Browser } from "./support/browser";
import { ROOT, serveDist, type StaticServer } from "./support/server";

jest.setTimeout(120_000);

let server: StaticServer;
let browser: Browser;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "pane-share-"));
  server = await serveDist();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const count = async (page: Page, id: string): Promise<number> =>
  Number(await page.getAttribute(`[data-testid="${id}"]`, "data-count"));

test("prepare for sharing and restore, with the report of rewritten and frozen cells", async () => {
  const fixture = await buildShareFixture(VALID);
  const file = join(work, "dealer-functions.xlsx");
  writeFileSync(file, fixture.data);
  const expected = await prepareXlsx(fixture.data);
  expect(expected.report.changed).toBe(true);

  const page = await openPane(browser.context, server.url, "?lang=en-US");
  await page.click("#tab-share");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.setInputFiles('[data-testid="share-prepare-file"]', file),
  ]);
  await page.waitForSelector('[data-testid="share-report"]');
  expect(await count(page, "share-rewritten")).toBe(expected.report.rewritten);
  expect(await count(page, "share-frozen")).toBe(expected.report.frozen);
  const first = expected.report.entries.find((e) => e.action === "rewritten");
  if (first)
    expect(await page.innerText('[data-testid="share-rewritten"]')).toContain(first.message["en-US"]);
  const prepared = join(work, "prepared.xlsx");
  await download.saveAs(prepared);
  // The download is the share module's own result for this workbook.
  const again = await prepareXlsx(new Uint8Array(readFileSync(prepared))).catch((e: Error) => e);
  expect(again).toBeInstanceOf(Error); // already prepared: the record travels in the file

  const [restoredDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.setInputFiles('[data-testid="share-restore-file"]', prepared),
  ]);
  await page.waitForSelector('[data-testid="share-restored"]');
  expect(await count(page, "share-restored")).toBe(expected.report.rewritten + expected.report.frozen);
  expect(await page.innerText('[data-testid="share-report"]')).toContain(strings("en-US").restoreDone);
  const restored = new Uint8Array(readFileSync(await restoredDownload.path()));
  // Restored, the workbook can be prepared again and gives the same report.
  const redo = await prepareXlsx(restored);
  expect(redo.report.rewritten).toBe(expected.report.rewritten);
  expect(redo.report.frozen).toBe(expected.report.frozen);
  mkdirSync(join(ROOT, "test-output", "screenshots"), { recursive: true });
  await page.screenshot({
    path: join(ROOT, "test-output", "screenshots", "en-US-light-share-result.png"),
    fullPage: true,
  });
  await page.close();
});

test("a workbook that is not an .xlsx is refused with a message", async () => {
  const file = join(work, "notes.xlsx");
  writeFileSync(file, "just some text, not a zip");
  const page = await openPane(browser.context, server.url, "?lang=zh-CN");
  await page.click("#tab-share");
  await page.setInputFiles('[data-testid="share-prepare-file"]', file);
  await page.waitForSelector('[data-testid="error-bar"]');
  expect(await page.innerText('[data-testid="error-bar"]')).toContain(strings("zh-CN").errorTitle);
  await page.close();
});

/** A workbook as it comes back from someone without the add-in: _xldudf_ calls showing #NAME?. */
async function receivedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预算");
  ws.getCell("B1").value = 1_200_000;
  ws.getCell("B2").value = 800_000;
  const broken = (formula: string): ExcelJS.CellFormulaValue => ({ formula, result: { error: "#NAME?" } });
  ws.getCell("C1").value = broken("_xldudf_DEALER_ROI(B1,B2)");
  ws.getCell("C2").value = broken("ROUND(_xldudf_DEALER_COST_PER_SALE(B2,40),0)");
  ws.getCell("C3").value = { formula: "SUM(B1:B2)", result: 2_000_000 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("a received workbook shows its broken DEALER cells, and a copy tagged to open the pane downloads", async () => {
  const data = await receivedWorkbook();
  const expected = await scanXlsx(data);
  expect(expected.report.broken).toBe(2);
  const file = join(work, "received.xlsx");
  writeFileSync(file, data);

  const page = await openPane(browser.context, server.url, "?lang=zh-CN");
  await page.click("#tab-share");
  await page.setInputFiles('[data-testid="share-received-file"]', file);
  await page.waitForSelector('[data-testid="share-scan"], [data-testid="error-bar"]');
  expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
  expect(await page.getAttribute('[data-testid="share-scan"]', "data-broken")).toBe("2");
  const list = await page.innerText('[data-testid="share-scan-broken"]');
  // Shown as typed, not as saved; the reason in the pane's language.
  expect(list).toContain("预算!C1");
  expect(list).toContain("=DEALER.ROI(B1,B2)");
  expect(list).toContain("=ROUND(DEALER.COST_PER_SALE(B2,40),0)");
  expect(list).toContain(expected.report.entries[0].message["zh-CN"]);
  // Repair and the tag switch need Excel: preview offers neither.
  expect(await page.locator('[data-testid="share-repair"], [data-testid="share-auto-open"]').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  mkdirSync(join(ROOT, "test-output", "screenshots"), { recursive: true });
  await page.screenshot({
    path: join(ROOT, "test-output", "screenshots", "zh-CN-light-share-received.png"),
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click('[data-testid="share-download-tagged"]'),
  ]);
  await page.waitForSelector('[data-testid="share-check-note"]');
  const tagged = new Uint8Array(readFileSync(await download.path()));
  expect(await isTaggedXlsx(tagged, ADDIN_ID)).toBe(true);
  const zip = await JSZip.loadAsync(tagged);
  const ext = await zip.file("xl/webextensions/webextension1.xml")?.async("string");
  expect(ext).toContain(`id="${ADDIN_ID}"`);
  expect(ext).toContain(`name="${AUTO_SHOW}" value="true"`);
  // Tagging changes nothing else: the broken cells are still there to repair in Excel.
  expect((await scanXlsx(tagged)).report.broken).toBe(2);
  expect(await page.innerText('[data-testid="share-check-note"]')).toContain(download.suggestedFilename());
  await page.close();
});
