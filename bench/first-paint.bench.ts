// Time to content, side by side: the pane (dist/taskpane.html) against a minimal React 18 + Fluent UI
// v9 page (bench/minimal, one FluentProvider, a title, a button) built with the same webpack settings.
// One chromium, a fresh browser context per load, loads alternating pane/minimal (the order flips
// every pair, so neither always goes first), PAIRS pairs after one warm-up pair. Time to content: when
// the title's text is painted: the first contentful paint on both pages, from navigation start.
// Prints both medians, the median of the pairwise ratios and the pane's first-load JavaScript (every
// script taskpane.html loads as it starts or holds inline, office.js excepted, gzip -9).
// Targets: ratio ≤ 0.5, ≤ 120 KB gzip. Prints figures; asserts none.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, OFFICE_CDN } from "../tests/e2e/support/browser";
import { contentType, DIST, fileUnder, OFFICE_JS_DIR, ROOT, serveDist } from "../tests/e2e/support/server";
import { firstLoadGzip, firstLoadStylesGzip, type FirstLoadRow } from "./first-load";
import { loadAverageLine, median } from "./measure";

const PAIRS = 15;
const TARGET_RATIO = 0.5;
const TARGET_KB = 120;
const MINIMAL = join(DIST, "bench/index.html");

/** A fresh context whose office.js is answered from the package, as the e2e tests do. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const file = fileUnder(OFFICE_JS_DIR, `/${route.request().url().slice(OFFICE_CDN.length)}`);
    if (!file) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
  });
  return context;
}

/** Milliseconds from navigation start to the first contentful paint of `url`, in a fresh context. */
async function timeToContent(browser: Browser, url: string): Promise<number> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    // The first contentful paint: neither page paints anything before its title (the minimal page's
    // body is empty until React has rendered it), so that paint is the title's. (Element Timing, the
    // `elementtiming` on both titles, gave no entry for the minimal page in headless chromium.)
    const t = await page.evaluate(`new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.name === "first-contentful-paint");
        if (e) resolve(e.startTime);
      }).observe({ type: "paint", buffered: true });
    })`);
    return Number(t);
  } finally {
    await context.close();
  }
}

/** Prints one line per file; returns their gzip total in KB. */
function printRows(rows: readonly FirstLoadRow[]): number {
  for (const r of rows)
    console.log(
      `${r.file.padEnd(32)} ${String(r.bytes).padStart(8)} B  ${String(r.gzip).padStart(7)} B gzip`,
    );
  return rows.reduce((s, r) => s + r.gzip, 0) / 1024;
}

export async function bench(): Promise<void> {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    console.log("dist/ missing: building it (npm run build)");
    execSync("npm run build --silent", { cwd: ROOT, stdio: "inherit" });
  }
  if (!existsSync(MINIMAL)) {
    console.log("dist/bench/ missing: building the minimal page (bench/minimal/webpack.config.js)");
    execSync("npx webpack --config bench/minimal/webpack.config.js", { cwd: ROOT, stdio: "inherit" });
  }
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const kb = printRows(firstLoadGzip(html));
  console.log(
    `pane first-load JS: ${kb.toFixed(1)} KB gzip (target ≤ ${TARGET_KB} KB) ${kb <= TARGET_KB ? "OK" : "OVER"}`,
  );
  // The CSS, apart: not JavaScript, and most of it (the sheet) loads after the first paint.
  console.log(`pane first-load CSS: ${printRows(firstLoadStylesGzip(html)).toFixed(1)} KB gzip`);
  const minimal = readFileSync(MINIMAL, "utf8");
  const minimalKb = (rows: readonly FirstLoadRow[]): string =>
    (rows.reduce((s, r) => s + r.gzip, 0) / 1024).toFixed(1);
  console.log(
    `minimal page first-load JS: ${minimalKb(firstLoadGzip(minimal, join(DIST, "bench")))} KB gzip, ` +
      `CSS: ${minimalKb(firstLoadStylesGzip(minimal, join(DIST, "bench")))} KB gzip`,
  );

  const server = await serveDist(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const pane = (): Promise<number> => timeToContent(browser, `${server.url}taskpane.html`);
    const minimal = (): Promise<number> => timeToContent(browser, `${server.url}bench/index.html`);
    const panes: number[] = [];
    const minimals: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i <= PAIRS; i++) {
      let p: number;
      let m: number;
      if (i % 2 === 0) {
        p = await pane();
        m = await minimal();
      } else {
        m = await minimal();
        p = await pane();
      }
      // The first pair warms chromium up (fonts, compositor): not counted.
      if (i === 0) continue;
      panes.push(p);
      minimals.push(m);
      ratios.push(p / m);
    }
    const ratio = median(ratios);
    console.log(`pane    time to content: median ${median(panes).toFixed(1)} ms over ${PAIRS} loads`);
    console.log(`minimal time to content: median ${median(minimals).toFixed(1)} ms over ${PAIRS} loads`);
    console.log(
      `median of pairwise ratios pane/minimal: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? "OK" : "OVER"}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(loadAverageLine());
}
