// The preview-mode harness of a test file: one static server over dist/ and one browser, started
// before the file's tests and closed after them, and the folder the screenshots go to.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launch, openPane, type Browser } from "./browser";
import { ROOT, serveDist, type StaticServer } from "./server";

export const SHOTS = join(ROOT, "test-output", "screenshots");

export interface PreviewHarness {
  /** The server over dist/; only inside tests (it is started in beforeAll). */
  readonly server: StaticServer;
  /** Opens the pane's page with the query ("?lang=zh-CN") in the shared browser. */
  open(query?: string): Promise<Page>;
}

/** Call at the top level of a test file: registers the beforeAll/afterAll that start and stop it. */
export function previewHarness(): PreviewHarness {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = (): { server: StaticServer; browser: Browser } => {
    if (!server || !browser) throw new Error("the preview harness is used outside a test");
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    open: (query = "") => {
      const s = started();
      return openPane(s.browser.context, s.server.url, query);
    },
  };
}
