// Preview mode: a workbook using the DEALER functions is prepared for sharing in the browser (the
// download is the share module's result, and lists the same cells), and the prepared copy restored.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { prepareXlsx } from "../../src/share/xlsx";
import { strings } from "../../src/taskpane/i18n";
import { buildShareFixture } from "../share/fixture";
import { VALID } from "../share/inputs";
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
