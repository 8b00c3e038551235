// The Excel-host harness of a test: the pane opened in a fresh browser whose office.js is the double
// of tests/e2e/support/excelDouble.ts, and the double's state read back from the page.
import type { Page } from "playwright-core";
import { launch, openPane } from "./browser";
import { excelStub, type DoubleState, type ExcelSeed } from "./excelDouble";
import type { StaticServer } from "./server";

export const BASE_SEED: ExcelSeed = {
  api: "1.12",
  displayLanguage: "zh-CN",
  bodyBackgroundColor: "#262626",
  sheets: [{ name: "Sheet1", rows: [] }],
};

/** Opens the pane against the double and runs `body` once the pane is in Excel mode. */
export async function withExcel<T>(
  server: StaticServer,
  seed: ExcelSeed,
  body: (page: Page) => Promise<T>,
  query = "",
): Promise<T> {
  const browser = await launch({ officeStub: excelStub(seed) });
  try {
    const page = await openPane(browser.context, server.url, query);
    await page.waitForSelector('[data-host="excel"]');
    return await body(page);
  } finally {
    await browser.close();
  }
}

export const doubleState = (page: Page): Promise<DoubleState> =>
  page.evaluate(() => (window as unknown as { __excelDouble: DoubleState }).__excelDouble);
