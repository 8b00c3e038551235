// Content at first paint: taskpane.html holds the first screen (header, tabs, gallery, Fluent's CSS)
// as it arrives, in the language the page needs before any pane script runs; React hydrates exactly
// that markup (the same DOM as a render on the client alone, no recoverable errors); office.js is
// still the first script of <head>, from Microsoft's CDN, as the Store requires, deferred; the pane's
// own scripts start once the first screen is shown.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { strings, type Lang } from "../../src/taskpane/i18n";
import { seriousViolations } from "./support/axe";
import { launch, OFFICE_CDN } from "./support/browser";
import { BASE_SEED } from "./support/excel";
import { excelStub } from "./support/excelDouble";
import { SHOTS } from "./support/preview";
import { DIST, distForTests } from "./support/server";

jest.setTimeout(120_000);

const server = distForTests();

const html = (): string => readFileSync(join(DIST, "taskpane.html"), "utf8");
const HOST_INFO = "_host_Info=Excel$Win32$16.01$en-US$$$$0";

test("taskpane.html holds the first screen, with its CSS, and loads office.js first, from the CDN, in <head>", () => {
  const page = html();
  const t = strings("zh-CN");
  for (const text of [
    t.appTitle,
    t.tabTemplates,
    t.tabScore,
    t.galleryHeading,
    t.templatePlan,
    t.templateFunnel,
  ])
    expect(page).toContain(text);
  // English and in-Office first screens wait beside it, as text, for boot.ts.
  expect(page).toContain(strings("en-US").galleryHeading);
  expect(page).toMatch(/<div id="root" data-variant="zh-CN\|preview">/);
  expect(page).toMatch(/<style data-make-styles-bucket=/);
  const head = page.slice(0, page.indexOf("</head>"));
  const scripts = [...head.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(scripts[0]).toMatch(/src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  // Deferred, not async: it runs in order, after the parser, and never in the middle of the page.
  expect(scripts[0]).toMatch(/\bdefer\b/);
  expect(scripts[0]).not.toMatch(/\b(async|type=["']?module)\b/);
  // No <script src> of the pane's own: the boot script loads them (src/taskpane/loader.ts).
  expect([...page.matchAll(/<script\b[^>]*\bsrc=/g)]).toHaveLength(1);
  expect(page).toMatch(
    /<script data-after-office="functions\.js" data-after-paint="commands\.js taskpane\.js" data-after-paint-styles="taskpane\.css">/,
  );
});

describe("the pane's scripts wait for its first screen", () => {
  /** Where each request started and when the first contentful paint was, on one page load. */
  async function timeline(page: Page): Promise<{ fcp: number; starts: Record<string, number> }> {
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    return (await page.evaluate(`(() => {
      const starts = {};
      for (const e of performance.getEntriesByType("resource")) starts[e.name.split("/").pop()] = e.startTime;
      return { fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, starts };
    })()`)) as { fcp: number; starts: Record<string, number> };
  }

  test("office.js runs first, then the functions, then the pane, whose bundle is fetched once the first screen is shown", async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      // Which scripts have run, in order (a script's load event follows its run).
      await page.addInitScript(() => {
        const ran: string[] = [];
        (window as unknown as { ran: string[] }).ran = ran;
        document.addEventListener(
          "load",
          (e) => {
            if (e.target instanceof HTMLScriptElement) ran.push(e.target.src.split("/").pop() ?? "");
          },
          true,
        );
      });
      // functions.js arrives last: it must still run before the pane's scripts.
      await page.route(/\/functions\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await route.continue();
      });
      await page.goto(`${server.url}taskpane.html?lang=zh-CN`);
      await page.waitForSelector('body[data-pane-ready="true"]');
      const { fcp, starts } = await timeline(page);
      expect(starts["taskpane.js"]).toBeGreaterThanOrEqual(fcp);
      expect(starts["commands.js"]).toBeGreaterThanOrEqual(fcp);
      // The functions' download is not held back: it is preloaded from <head>.
      expect(starts["functions.js"]).toBeLessThan(starts["taskpane.js"]);
      const ran = (await page.evaluate("window.ran")) as string[];
      // (office.js loads files of its own from the CDN; the page's are these.)
      const ours = ran.filter((f) => ["office.js", "functions.js", "commands.js", "taskpane.js"].includes(f));
      expect(ours).toEqual(["office.js", "functions.js", "commands.js", "taskpane.js"]);
    } finally {
      await browser.close();
    }
  });

  test("office.js failing to load does not keep the pane from starting, in preview", async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      await page.goto(`${server.url}taskpane.html?lang=en-US`);
      await page.waitForSelector('body[data-pane-ready="true"]');
      expect(await page.getAttribute("[data-host]", "data-host")).toBe("preview");
      expect(await page.textContent("h1")).toBe(strings("en-US").appTitle);
    } finally {
      await browser.close();
    }
  });

  test("a hidden page (Excel's runtime computing, the pane not shown) loads everything without a paint", async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      // As the page is being parsed, it reports itself hidden, and neither a paint report nor the
      // loader's patience (1 s) will ever come: only the hidden-page rule can start the pane.
      await page.addInitScript(() => {
        Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
        class Silent {
          static readonly supportedEntryTypes = ["paint"];
          observe(): void {}
          disconnect(): void {}
        }
        Object.defineProperty(window, "PerformanceObserver", { value: Silent });
        const later = window.setTimeout.bind(window);
        window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
          ms === 1000 ? 0 : later(fn, ms, ...rest)) as typeof window.setTimeout;
      });
      await page.goto(`${server.url}taskpane.html?lang=zh-CN`);
      await page.waitForSelector('body[data-pane-ready="true"]');
      const scripts = await page.evaluate(() =>
        [...document.head.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")),
      );
      expect(scripts).toEqual(expect.arrayContaining(["functions.js", "commands.js", "taskpane.js"]));
    } finally {
      await browser.close();
    }
  });
});

describe("before any script has run", () => {
  test("with JavaScript off, the Chinese first screen shows, styled by Fluent", async () => {
    const browser = await launch({ javaScriptEnabled: false });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}taskpane.html`);
      expect(await page.textContent("h1")).toBe(strings("zh-CN").appTitle);
      expect(await page.locator("[data-template]").count()).toBe(4);
      // Fluent's styles are there: the primary button has the brand background, the title its weight.
      const looks = await page.evaluate(() => ({
        button: getComputedStyle(document.querySelector('[data-testid="choose-plan"]') as Element)
          .backgroundColor,
        weight: getComputedStyle(document.querySelector("h1") as Element).fontWeight,
      }));
      expect(looks.button).toBe("rgb(15, 108, 189)");
      expect(looks.weight).toBe("600");
      await page.screenshot({ path: join(SHOTS, "zh-CN-first-paint-no-js.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  for (const [query, lang] of [
    ["?lang=en-US", "en-US"],
    [`?${HOST_INFO}`, "en-US"],
    ["?lang=zh-CN", "zh-CN"],
  ] as const) {
    test(`${query}: the ${lang} screen is on the page while the pane's own scripts have not loaded`, async () => {
      const browser = await launch({ officeStub: "/* office.js that never answers */" });
      try {
        const page = await browser.context.newPage();
        // The pane's scripts never arrive: what shows is the page and its inline boot script alone.
        await page.route(/\/(taskpane|functions|commands)\.js$/, (route) => route.abort());
        await page.goto(`${server.url}taskpane.html${query}`);
        expect(await page.textContent("h1")).toBe(strings(lang).appTitle);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        expect(await page.innerText('[data-testid="pane-content"]')).toContain(strings(lang).galleryHeading);
        // Inside Office (host info on the URL) there is no preview banner before office.js answers.
        const banner = await page.locator('[data-testid="preview-banner"]').count();
        expect(banner).toBe(query.includes("_host_Info") ? 0 : 1);
        expect(await page.locator("script[data-variant]").count()).toBe(0);
        // The prerendered screen is accessible as it stands, before React has taken it over.
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `${lang}-first-paint-before-scripts.png`) });
      } finally {
        await browser.close();
      }
    });
  }
});

/** #root's visible text and its testids as it ends up (tabster's focus guards are not text). */
async function settledRoot(page: Page): Promise<string> {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const root = document.getElementById("root") as HTMLElement;
    const ids = [...root.querySelectorAll("[data-testid]")].map((e) => e.getAttribute("data-testid"));
    return `${root.innerText}\n${ids.join(",")}`;
  });
}

async function openCollectingErrors(
  context: BrowserContext,
  query: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}taskpane.html${query}`);
  await page.waitForSelector('body[data-pane-ready="true"]');
  return { page, errors };
}

describe("hydration", () => {
  const cases: readonly { name: string; query: string; lang: Lang; excel: boolean }[] = [
    { name: "zh-CN preview", query: "?lang=zh-CN", lang: "zh-CN", excel: false },
    { name: "en-US preview", query: "?lang=en-US", lang: "en-US", excel: false },
    { name: "en-US in Excel", query: `?${HOST_INFO}`, lang: "en-US", excel: true },
  ];
  for (const c of cases) {
    test(`${c.name}: React takes over the prerendered DOM as it is, with no error or warning`, async () => {
      const seed = { ...BASE_SEED, displayLanguage: c.lang, bodyBackgroundColor: "#ffffff" };
      const browser = await launch(c.excel ? { officeStub: excelStub(seed) } : {});
      try {
        const hydrated = await openCollectingErrors(browser.context, c.query);
        expect(hydrated.errors).toEqual([]);
        expect(await hydrated.page.getAttribute("[data-host]", "data-host")).toBe(
          c.excel ? "excel" : "preview",
        );
        // The same page rendered by the client alone (no prerendered markup): the same text and the
        // same controls (class names differ: Griffel's server classes keep their rehydration suffix).
        const alone = await browser.context.newPage();
        await alone.route(/taskpane\.html/, async (route) => {
          const response = await route.fetch();
          const body = (await response.text())
            .replace(/<script type="text\/html" data-variant[\s\S]*?<\/script>/g, "")
            .replace(
              /<div id="root" data-variant="[^"]*">[\s\S]*?<\/div><script\b/,
              '<div id="root"></div><script',
            );
          await route.fulfill({ response, body });
        });
        await alone.goto(`${server.url}taskpane.html${c.query}`);
        await alone.waitForSelector('body[data-pane-ready="true"]');
        expect(await alone.evaluate(() => document.getElementById("root")?.dataset.variant)).toBeUndefined();
        expect(await settledRoot(hydrated.page)).toBe(await settledRoot(alone));
        // Only one theme style is left, and the dark first-paint colours are gone.
        expect(await hydrated.page.locator("style[data-pane-first-paint]").count()).toBe(0);
        expect(await hydrated.page.locator('style[id^="fui-FluentProvider"]').count()).toBe(1);
      } finally {
        await browser.close();
      }
    });
  }

  test("a dark system: the first paint is already dark, and stays dark in preview", async () => {
    const browser = await launch({ colorScheme: "dark" });
    try {
      const page = await browser.context.newPage();
      await page.route(/\/taskpane\.js$/, (route) => route.abort());
      await page.goto(`${server.url}taskpane.html?lang=zh-CN`);
      const background = () =>
        page.evaluate(
          () => getComputedStyle(document.querySelector("[data-host]") as Element).backgroundColor,
        );
      expect(await background()).toBe("rgb(41, 41, 41)");
      await page.unroute(/\/taskpane\.js$/);
      const { page: live } = await openCollectingErrors(browser.context, "?lang=zh-CN");
      expect(await live.getAttribute("[data-host]", "data-theme")).toBe("dark");
      expect(
        await live.evaluate(
          () => getComputedStyle(document.querySelector("[data-host]") as Element).backgroundColor,
        ),
      ).toBe("rgb(41, 41, 41)");
    } finally {
      await browser.close();
    }
  });
});

// Referenced so the CDN prefix the stub answers is the one taskpane.html loads.
test("the office.js the tests serve is the one taskpane.html asks for", () => {
  expect(html()).toContain(`${OFFICE_CDN}office.js`);
});
