// The pane's CSS out of its JavaScript: Fluent's and the pane's rules are one sorted sheet
// (taskpane.css, written by Griffel's extraction at build time). The first screen paints with its own
// inline copy of the rules it needs; the sheet, which holds those rules too, is appended after them
// once that screen is shown, and the bundle runs only after the sheet has loaded. So the sheet's
// order is the one that counts everywhere, and nothing is inserted at run time that could land
// before it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { strings } from "../../src/taskpane/i18n";
import { launch } from "./support/browser";
import { DIST, distForTests } from "./support/server";

jest.setTimeout(120_000);

const server = distForTests();

/** Every screen the pane has without a workbook: the four tabs and a template's form. */
async function walkScreens(page: Page, visit: (screen: string) => Promise<void>): Promise<void> {
  await visit("gallery");
  await page.click('[data-testid="choose-plan"]');
  await page.waitForSelector("form");
  await visit("plan form");
  for (const tab of ["score", "share", "help"]) {
    await page.click(`#tab-${tab}`);
    await page.waitForSelector(`#panel-${tab}`);
    // The help tab loads its chunk: wait until its loading line has gone.
    await page.waitForFunction(() => !document.querySelector('[role="tabpanel"] p[role="status"]'));
    await visit(tab);
  }
}

/** The computed look of every element under #root: what a user would see change. */
function looks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const props = [
      "display",
      "color",
      "background-color",
      "font-size",
      "font-weight",
      "line-height",
      "padding",
      "margin",
      "border-top",
      "border-bottom",
      "border-radius",
      "gap",
      "width",
      "height",
    ];
    return [...document.querySelectorAll("#root *")].map((el) => {
      const style = getComputedStyle(el);
      return `${el.tagName}.${el.getAttribute("data-testid") ?? ""} ${props.map((p) => style.getPropertyValue(p)).join("|")}`;
    });
  });
}

/** How many rules the style elements of Griffel's buckets hold (run-time insertion adds to them). */
const bucketRules = (page: Page): Promise<number> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLStyleElement>("style[data-make-styles-bucket]")].reduce(
      (n, s) => n + (s.sheet?.cssRules.length ?? 0),
      0,
    ),
  );

test("the sheet holds every rule of the first screen's inline styles", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const sheet = readFileSync(join(DIST, "taskpane.css"), "utf8");
  const inline = [...html.matchAll(/<style\b[^>]*data-make-styles-bucket[^>]*>([\s\S]*?)<\/style>/g)].map(
    (m) => m[1],
  );
  expect(inline.length).toBeGreaterThan(5);
  // Griffel writes one rule per class; the inline blocks are concatenations of such rules.
  const rules = inline.join("").match(/(?:@[^{]+\{)?[^{}]+\{[^{}]*\}\}?/g) ?? [];
  expect(rules.length).toBeGreaterThan(100);
  expect(rules.filter((r) => !sheet.includes(r))).toEqual([]);
  // In the same order: each bucket group's first rule comes later in the sheet than the previous one's.
  const firsts = inline.map((css) =>
    sheet.indexOf((css.match(/(?:@[^{]+\{)?[^{}]+\{[^{}]*\}\}?/) ?? [""])[0]),
  );
  expect(firsts.every((at, i) => i === 0 || at > firsts[i - 1])).toBe(true);
  // Every class the bundle and its lazy chunks use is defined in the sheet (the only one there is).
  const scripts = ["taskpane.js", ...readdirSync(join(DIST, "chunks")).map((f) => `chunks/${f}`)].filter(
    (f) => f.endsWith(".js"),
  );
  const defined = new Set(sheet.match(/\.[a-z0-9_-]+/gi)?.map((c) => c.slice(1)));
  const used = new Set<string>();
  for (const f of scripts) {
    const js = readFileSync(join(DIST, f), "utf8");
    // The pane's JavaScript no longer carries CSS text, only Griffel's class names.
    expect(js).not.toContain("{background-color:var(--colorBrandBackground);}");
    for (const m of js.matchAll(/["'\s]((?:f|r)[a-z0-9]{5,8})["'\s]/g)) used.add(m[1]);
  }
  expect(used.size).toBeGreaterThan(300);
  // (Chunk file hashes look like class names: the runtime's chunk map holds them.)
  const hashes = scripts.join(" ");
  const missing = [...used].filter((c) => !defined.has(c) && /\d/.test(c) && !hashes.includes(c));
  expect(missing).toEqual([]);
  expect(readdirSync(DIST).filter((f) => f.endsWith(".css"))).toEqual(["taskpane.css"]);
});

test("the sheet is appended after the inline rules once the first screen is shown, and loads before the bundle runs", async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const loaded: string[] = [];
      (window as unknown as { loaded: string[] }).loaded = loaded;
      document.addEventListener(
        "load",
        (e) => {
          const t = e.target;
          if (t instanceof HTMLScriptElement) loaded.push(t.src.split("/").pop() ?? "");
          if (t instanceof HTMLLinkElement && t.rel === "stylesheet")
            loaded.push(t.href.split("/").pop() ?? "");
        },
        true,
      );
    });
    // The sheet arrives late: the bundle must still wait for it.
    await page.route(/\/taskpane\.css$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.goto(`${server.url}taskpane.html?lang=zh-CN`);
    await page.waitForSelector('body[data-pane-ready="true"]');
    const loaded = (await page.evaluate("window.loaded")) as string[];
    expect(loaded.indexOf("taskpane.css")).toBeGreaterThanOrEqual(0);
    expect(loaded.indexOf("taskpane.css")).toBeLessThan(loaded.indexOf("taskpane.js"));
    const order = await page.evaluate(() => {
      const head = [...document.head.children];
      const sheet = head.findIndex((e) => e.matches('link[rel="stylesheet"][href$="taskpane.css"]'));
      const buckets = head.flatMap((e, i) => (e.matches("style[data-make-styles-bucket]") ? [i] : []));
      const fcp = performance.getEntriesByName("first-contentful-paint")[0].startTime;
      const start = performance.getEntriesByType("resource").find((r) => r.name.endsWith("taskpane.css"));
      return { sheet, lastBucket: Math.max(...buckets), fcp, start: start?.startTime ?? -1 };
    });
    expect(order.sheet).toBeGreaterThan(order.lastBucket);
    expect(order.start).toBeGreaterThanOrEqual(order.fcp);
  } finally {
    await browser.close();
  }
});

test("every screen looks the same without the inline rules (the sheet alone), and nothing is inserted at run time", async () => {
  const browser = await launch();
  try {
    const withInline = await browser.context.newPage();
    await withInline.goto(`${server.url}taskpane.html?lang=zh-CN`);
    await withInline.waitForSelector('body[data-pane-ready="true"]');
    const shipped = await bucketRules(withInline);
    const seen: Record<string, string[]> = {};
    await walkScreens(withInline, async (screen) => {
      seen[screen] = await looks(withInline);
    });
    // Griffel added no rule of its own while React drew every screen: all came from the sheet.
    expect(await bucketRules(withInline)).toBe(shipped);

    const sheetOnly = await browser.context.newPage();
    await sheetOnly.route(/taskpane\.html/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<style\b[^>]*data-make-styles-bucket[^>]*>[\s\S]*?<\/style>/g,
        "",
      );
      await route.fulfill({ response, body });
    });
    await sheetOnly.goto(`${server.url}taskpane.html?lang=zh-CN`);
    await sheetOnly.waitForSelector('body[data-pane-ready="true"]');
    expect(await sheetOnly.locator("style[data-make-styles-bucket]").count()).toBe(0);
    const screens: string[] = [];
    await walkScreens(sheetOnly, async (screen) => {
      screens.push(screen);
      expect(await looks(sheetOnly)).toEqual(seen[screen]);
    });
    expect(screens).toEqual(["gallery", "plan form", "score", "share", "help"]);
  } finally {
    await browser.close();
  }
});

test("a sheet that fails to load does not keep the pane from starting", async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.route(/\/taskpane\.css$/, (route) => route.abort());
    // The loader's patience for the sheet (3 s) never runs out: only the failure itself can start it.
    await page.addInitScript(() => {
      const later = window.setTimeout.bind(window);
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
        ms === 3000 ? 0 : later(fn, ms, ...rest)) as typeof window.setTimeout;
    });
    await page.goto(`${server.url}taskpane.html?lang=zh-CN`);
    await page.waitForSelector('body[data-pane-ready="true"]');
    // The first screen keeps its inline styles: the primary button still has the brand colour.
    const button = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('[data-testid="choose-plan"]') as Element).backgroundColor,
    );
    expect(button).toBe("rgb(15, 108, 189)");
    expect(await page.textContent("h1")).toBe(strings("zh-CN").appTitle);
  } finally {
    await browser.close();
  }
});
