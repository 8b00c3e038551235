// Time to content, side by side: the pane (dist/taskpane.html) against a minimal React 18 + Fluent UI
// v9 page (bench/minimal, one FluentProvider, a title, a button) built with the same webpack settings,
// and a floor beside them: the title alone as static HTML (bench/minimal/floor.html), what a fresh
// context's navigation costs before any page does anything.
// One chromium, a fresh browser context per load, loads alternating (the order flips every round, so no
// page always goes first), ROUNDS rounds after one warm-up round, under each network profile: localhost
// as served (no network at all), and two throttled profiles (chromium's network emulation: a latency
// added to every request and a download rate), because a pane is never served from the machine it runs
// on and the minimal page needs one more round trip than the prerendered pane. office.js is answered
// from the package through request interception, which the emulation does not slow: pessimistic for the
// pane, whose first paint it may then run before.
// Time to content: when the title's text is painted: the first contentful paint on every page, from
// navigation start. Prints each median, the median of the pairwise ratios to the minimal page and the
// pane's first-load JavaScript (every script taskpane.html loads as it starts or holds inline,
// office.js excepted, gzip -9). Targets: ratio ≤ 0.5, ≤ 120 KB gzip. Prints figures; asserts none.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, routeOffice } from "../tests/e2e/support/browser";
import { DIST, ROOT, serveDist } from "../tests/e2e/support/server";
import { firstLoadGzip, firstLoadStylesGzip, type FirstLoadRow } from "./first-load";
import { loadAverageLine, median } from "./measure";

const ROUNDS = 15;
const TARGET_RATIO = 0.5;
const TARGET_KB = 120;
const MINIMAL = join(DIST, "bench/index.html");

interface Network {
  readonly name: string;
  /** Added to every request, ms, and the download rate, kbit/s; none on localhost as served. */
  readonly emulate?: { readonly latency: number; readonly kbps: number };
}
const NETWORKS: readonly Network[] = [
  { name: "localhost, no network" },
  { name: "cable, 40 ms, 10 Mbit/s", emulate: { latency: 40, kbps: 10_000 } },
  { name: "slow 4G, 150 ms, 1.6 Mbit/s", emulate: { latency: 150, kbps: 1_600 } },
];

/** A fresh context whose office.js is answered from the package, as the e2e tests do. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
  await routeOffice(context);
  return context;
}

/** Milliseconds from navigation start to the first contentful paint of `url`, in a fresh context. */
async function timeToContent(browser: Browser, url: string, network: Network): Promise<number> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    if (network.emulate) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: network.emulate.latency,
        downloadThroughput: (network.emulate.kbps * 1000) / 8,
        uploadThroughput: (network.emulate.kbps * 1000) / 8,
      });
    }
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

const PAGES = { pane: "taskpane.html", minimal: "bench/index.html", floor: "bench/floor.html" } as const;
type PageName = keyof typeof PAGES;

/** ROUNDS alternating rounds of the three pages under one network profile; prints its figures. */
async function measure(browser: Browser, base: string, network: Network): Promise<void> {
  const names = Object.keys(PAGES) as PageName[];
  const times: Record<PageName, number[]> = { pane: [], minimal: [], floor: [] };
  for (let i = 0; i <= ROUNDS; i++) {
    const round: Partial<Record<PageName, number>> = {};
    for (const name of i % 2 === 0 ? names : [...names].reverse())
      round[name] = await timeToContent(browser, base + PAGES[name], network);
    // The first round warms chromium up (fonts, compositor): not counted.
    if (i > 0) for (const name of names) times[name].push(round[name] ?? NaN);
  }
  const ratio = (name: PageName): number => median(times[name].map((t, i) => t / times.minimal[i]));
  const r = ratio("pane");
  console.log(`time to content, ${network.name}, median over ${ROUNDS} loads each:`);
  console.log(
    `  pane ${median(times.pane).toFixed(1)} ms, minimal ${median(times.minimal).toFixed(1)} ms, floor ${median(times.floor).toFixed(1)} ms`,
  );
  console.log(
    `  median of pairwise ratios pane/minimal: ${r.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${r <= TARGET_RATIO ? "OK" : "OVER"}; ` +
      `floor/minimal: ${ratio("floor").toFixed(2)}×`,
  );
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
    for (const network of NETWORKS) await measure(browser, server.url, network);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(loadAverageLine());
}
