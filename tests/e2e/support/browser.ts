// Debian's chromium driven by playwright-core: no browser download, a fresh profile per launch, and no
// network beyond localhost. office.js is requested from Microsoft's CDN by the production page; it is
// answered from the @microsoft/office-js package folder (office.js loads its siblings from there), or
// from a stub when a test plays the Excel host.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";
import { contentType, fileUnder, OFFICE_JS_DIR } from "./server";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // No network beyond this machine: every host name but localhost fails to resolve. The office.js CDN
  // is answered by request interception before any lookup happens.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  // New headless chromium preloads its omnibox popup (a WebUI renderer) for every new context, ~300 ms
  // of CPU on a 2-core machine while the page loads: browser chrome no Office webview has, and noise in
  // every timing the bench takes. All four features must go; the preload flag alone leaves the popup.
  "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Serve this script as office.js instead of the package's (the Excel test double). */
  readonly officeStub?: string;
  readonly colorScheme?: "light" | "dark";
  readonly locale?: string;
  /** false: the page as it arrives, before (without) any script. */
  readonly javaScriptEnabled?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  // In CI a missing browser must fail the run, never skip it (tests/support/ensure-tools.sh installs it).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run tests/support/ensure-tools.sh`);
  const profile = mkdtempSync(join(tmpdir(), "pane-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    locale: options.locale ?? "en-US",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await routeOffice(context, options.officeStub);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// office.js and its siblings, read once: a bench loads them many times.
const officeFiles = new Map<string, Buffer>();
function officeFile(file: string): Buffer {
  let body = officeFiles.get(file);
  if (!body) {
    body = readFileSync(file);
    officeFiles.set(file, body);
  }
  return body;
}

/**
 * Answers the office.js CDN from the package (or `officeStub` as office.js) in `context`. Only the CDN
 * is intercepted (interception slows every request it touches); everything else is kept off the
 * network by the resolver rules above. The bench's contexts use it too.
 */
export async function routeOffice(context: BrowserContext, officeStub?: string): Promise<void> {
  await context.route(`${OFFICE_CDN}**`, (route) => routeRequest(route, officeStub));
}

async function routeRequest(route: Route, officeStub: string | undefined): Promise<void> {
  const url = route.request().url();
  {
    const rest = url.slice(OFFICE_CDN.length).split("?")[0];
    if (officeStub !== undefined && rest === "office.js") {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: officeStub });
      return;
    }
    const file = fileUnder(OFFICE_JS_DIR, `/${rest}`);
    if (!file) {
      await route.fulfill({ status: 404, body: "" });
      return;
    }
    await route.fulfill({ status: 200, contentType: contentType(file), body: officeFile(file) });
    return;
  }
  await route.abort("blockedbyclient");
}

/** Opens the pane and waits until its first content is on screen. */
export async function openPane(context: BrowserContext, baseUrl: string, query = ""): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}taskpane.html${query}`);
  await page.waitForSelector('body[data-pane-ready="true"]', { timeout: 20_000 });
  return page;
}
