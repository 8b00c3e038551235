// Never stuck in preview: office.js may answer late (a slow CDN, a cold start). Whatever the frame,
// when Office.onReady reports Excel, even after the pane has stopped waiting and shown preview mode,
// the pane becomes the Excel pane, keeping what the user typed, and its actions go through Excel.
import type { Page } from "playwright-core";
import { strings } from "../../src/taskpane/i18n";
import { seriousViolations } from "./support/axe";
import { launch } from "./support/browser";
import { BASE_SEED, doubleState } from "./support/excel";
import { excelStub } from "./support/excelDouble";
import { distForTests } from "./support/server";

jest.setTimeout(120_000);

const server = distForTests();

// Longer than the pane's patience (3 s): by then it has said "preview" and must still switch.
const LATE_MS = 5500;
const HOST_INFO = "_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const seed = { ...BASE_SEED, bodyBackgroundColor: "#ffffff", readyAfterMs: LATE_MS };

const host = (page: Page): Promise<string | null> => page.getAttribute("[data-host]", "data-host");

for (const c of [
  { name: "inside Office (host info on the URL)", query: `?${HOST_INFO}` },
  { name: "a plain page, no frame, no host info", query: "" },
]) {
  test(`${c.name}: onReady after ${LATE_MS / 1000} s turns the pane into the Excel pane, keeping the form`, async () => {
    const browser = await launch({ officeStub: excelStub(seed) });
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const opened = Date.now();
      await page.goto(`${server.url}taskpane.html${c.query}`);
      await page.waitForSelector('body[data-pane-ready="true"]');
      await page.click('[data-testid="choose-event"]');
      await page.waitForSelector('[data-testid="template-form"]');
      await page.fill('[name="dealerName"]', "星辰汽车");
      await page.fill('[name="event.attendees"]', "1,500");
      // The pane gives up waiting first: preview mode, with its banner.
      await page.waitForSelector('[data-testid="preview-banner"]', { timeout: LATE_MS });
      expect(await host(page)).toBe("preview");

      await page.waitForSelector('[data-host="excel"]', { timeout: LATE_MS + 5000 });
      expect(Date.now() - opened).toBeGreaterThanOrEqual(LATE_MS);
      expect(await page.locator('[data-testid="preview-banner"]').count()).toBe(0);
      // Still the same form, with what the user typed, and the user's focus left alone.
      expect(await page.inputValue('[name="dealerName"]')).toBe("星辰汽车");
      expect(await page.inputValue('[name="event.attendees"]')).toBe("1,500");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("event.attendees");
      expect(await page.innerText('[data-testid="create"]')).toBe(strings("zh-CN").create);
      expect(await seriousViolations(page)).toEqual([]);

      // And the action now goes through Excel, not a download.
      for (const [key, value] of Object.entries({
        fixedCost: "460000",
        variableCost: "1500",
        margin: "10000",
        conversionRate: "50%",
      }))
        await page.fill(`[name="event.${key}"]`, value);
      await page.click('[data-testid="create"]');
      await page.waitForSelector('[data-testid="create-done"], [data-testid="error-bar"]');
      expect(await page.locator('[data-testid="error-bar"]').allInnerTexts()).toEqual([]);
      const excel = await doubleState(page);
      expect(excel.runs).toBe(1);
      expect(excel.sheets.length).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}

test("inside Office, an onReady that answers within the wait never shows the preview banner", async () => {
  const browser = await launch({ officeStub: excelStub({ ...seed, readyAfterMs: 1500 }) });
  try {
    const page = await browser.context.newPage();
    let bannerSeen = false;
    await page.exposeFunction("__bannerSeen", () => (bannerSeen = true));
    // From the pane's first render on (the page as parsed still holds the Chinese preview screen in
    // #root until the inline boot script swaps in the in-Office one, before the first paint).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (
          document.body?.dataset.paneReady === "true" &&
          document.querySelector('[data-testid="preview-banner"]')
        )
          (window as unknown as { __bannerSeen: () => void }).__bannerSeen();
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(`${server.url}taskpane.html?${HOST_INFO}`);
    await page.waitForSelector('[data-host="excel"]');
    // Past the answer (1.5 s): the pane is the Excel pane and never showed preview on the way.
    await page.waitForTimeout(2500);
    expect(await host(page)).toBe("excel");
    expect(bannerSeen).toBe(false);
  } finally {
    await browser.close();
  }
});

test("a CDN that holds office.js back: the pane starts without it, then becomes the Excel pane when it arrives", async () => {
  // Longer than the loader's patience for office.js (5 s) and the pane's own wait for Office (3 s).
  const STALL_MS = 12_000;
  const browser = await launch({ officeStub: excelStub({ ...seed, readyAfterMs: 0 }) });
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    let officeServedAt = 0;
    await page.route(/appsforoffice\.microsoft\.com\/.*office\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, STALL_MS));
      officeServedAt = Date.now();
      await route.fallback();
    });
    const opened = Date.now();
    // Not to the load event: a deferred office.js holds it back.
    await page.goto(`${server.url}taskpane.html?${HOST_INFO}`, { waitUntil: "commit" });
    await page.waitForSelector('body[data-pane-ready="true"]', { timeout: STALL_MS - 1000 });
    expect(officeServedAt).toBe(0);
    // A working pane, not a picture of one: the gallery opens its form, which takes what is typed.
    await page.click('[data-testid="choose-event"]');
    await page.fill('[name="dealerName"]', "星辰汽车");
    await page.waitForSelector('[data-testid="preview-banner"]', { timeout: STALL_MS });
    expect(await host(page)).toBe("preview");
    // The functions cannot register without office.js: not loaded yet, while the pane runs.
    const scripts = (): Promise<string[]> =>
      page.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src") ?? ""));
    expect(await scripts()).toContain("taskpane.js");
    expect(await scripts()).not.toContain("functions.js");
    expect(officeServedAt).toBe(0);

    await page.waitForSelector('[data-host="excel"]', { timeout: STALL_MS + 5000 });
    expect(officeServedAt).toBeGreaterThanOrEqual(opened + STALL_MS);
    expect(await page.locator('[data-testid="preview-banner"]').count()).toBe(0);
    expect(await page.inputValue('[name="dealerName"]')).toBe("星辰汽车");
    await page.waitForFunction(() =>
      [...document.scripts].some((s) => s.getAttribute("src") === "functions.js"),
    );
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
