// The pane itself in a real browser: both languages, light and dark, every page screenshotted and
// checked by axe-core; keyboard-only navigation reaches the template form.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { LANGS } from "../../src/core/lang";
import { strings } from "../../src/taskpane/i18n";
import { seriousViolations } from "./support/axe";
import { launch, openPane } from "./support/browser";
import { previewHarness, SHOTS } from "./support/preview";

jest.setTimeout(180_000);

const THEMES = ["light", "dark"] as const;
const PAGES = ["templates", "form", "score", "share", "help"] as const;
type PageId = (typeof PAGES)[number];

const pane = previewHarness();

async function show(page: Page, id: PageId): Promise<void> {
  if (id === "form") {
    await page.click("#tab-templates");
    await page.click('[data-testid="choose-event"]');
    await page.waitForSelector('[data-testid="template-form"]');
    return;
  }
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`#panel-${id} h2`);
}

/** Relative luminance of the computed background of the pane's root. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector("[data-host]");
    const m = /rgba?\((\d+), (\d+), (\d+)/.exec(root ? getComputedStyle(root).backgroundColor : "");
    if (!m) return -1;
    const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
      const c = Number(x) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

describe("the pane renders in both languages and both themes", () => {
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      test(`${lang}, ${theme}: every page, screenshots, no serious or critical axe violations`, async () => {
        const t = strings(lang);
        const page = await pane.open(`?lang=${lang}&theme=${theme}`);
        expect(await page.textContent("h1")).toBe(t.appTitle);
        expect(await page.getAttribute("[data-host]", "data-theme")).toBe(theme);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        const l = await backgroundLuminance(page);
        if (theme === "dark") expect(l).toBeLessThan(0.1);
        else expect(l).toBeGreaterThan(0.8);
        // No Excel here: the preview banner says so.
        expect(await page.textContent('[data-testid="preview-banner"]')).toContain(
          t.previewBanner.slice(0, 12),
        );
        const tabs = await page.locator('[role="tab"]').allInnerTexts();
        expect(tabs).toEqual([t.tabTemplates, t.tabScore, t.tabShare, t.tabHelp]);

        for (const id of PAGES) {
          await show(page, id);
          await page.screenshot({ path: join(SHOTS, `${lang}-${theme}-${id}.png`), fullPage: true });
          const serious = await seriousViolations(page);
          expect({ page: id, serious }).toEqual({ page: id, serious: [] });
        }
        await page.close();
      });
    }
  }

  test("the language can be switched in the pane", async () => {
    const page = await pane.open("?lang=en-US");
    await page.selectOption("#pane-language", "zh-CN");
    await page.waitForFunction(
      (title) => document.querySelector("h1")?.textContent === title,
      strings("zh-CN").appTitle,
    );
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.innerText("#tab-score")).toBe(strings("zh-CN").tabScore);
    await page.close();
  });

  test("the language follows the browser when no override is given", async () => {
    const zh = await launch({ locale: "zh-CN" });
    try {
      const page = await openPane(zh.context, pane.server.url);
      expect(await page.textContent("h1")).toBe(strings("zh-CN").appTitle);
    } finally {
      await zh.close();
    }
  });

  test("the help links open the function help pages in both languages", async () => {
    const page = await pane.open("?lang=zh-CN");
    await page.click("#tab-help");
    for (const lang of LANGS) {
      const href = await page.getAttribute(`[data-testid="help-${lang}"]`, "href");
      const response = await page.request.get(new URL(String(href), page.url()).toString());
      expect({ lang, status: response.status() }).toEqual({ lang, status: 200 });
      expect(await response.text()).toMatch(/DEALER\./);
    }
    await page.close();
  });

  test("keyboard only: Tab reaches a template, Enter opens its form, Back returns focus to it", async () => {
    const page = await pane.open("?lang=en-US");
    const t = strings("en-US");
    let focused = "";
    for (let i = 0; i < 30 && focused !== "choose-event"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    }
    expect(focused).toBe("choose-event");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="template-form"]');
    // Focus moves to the form's heading, so a screen reader announces where the user is.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("form-heading");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(t.back);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="choose-event"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "choose-event",
    );
    // Arrow keys move between the tabs (Fluent's TabList), Enter/Space select.
    await page.focus("#tab-templates");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel-score h2");
    await page.close();
  });
});
