// The pane's scripts, loaded by the inline boot script (boot.ts) rather than by <script> tags, so the
// prerendered first screen reaches the screen before any of them runs. Compiling and hydrating the
// pane's bundle takes ~100 ms of main thread; as deferred <script> tags it ran before chromium's first
// frame (the files arrive before parsing ends), and the content waited for it.
//
// Order, as the build writes it on the boot script (data-after-office, data-after-paint; the
// functions are also preloaded from <head>, so their download runs beside office.js's):
// - office.js first: its tag stays in <head>, from Microsoft's CDN, deferred so it no longer holds the
//   parser; every file of ours waits for it to have run (or failed), as a blocking tag made them wait.
// - the custom functions right after it, without waiting for a paint: in the shared runtime Excel may
//   load this page only to compute, never showing it.
// - the pane's own bundle once the first contentful paint has been reported (the frame is on screen,
//   not only committed: raster still competes for the CPU after commit), or at once when the page is
//   hidden, or after PAINT_PATIENCE_MS whatever happens; its stylesheet (data-after-paint-styles: the
//   CSS of every Fluent component and of the pane, taken out of the JavaScript at build time) is
//   appended at that moment too, after the first screen's inline styles, and the bundle runs once the
//   sheet has loaded (or failed, or STYLE_PATIENCE_MS passed), so no screen React draws later
//   appears unstyled. Both downloads run together: the bundle is preloaded meanwhile.
// - a CDN that stalls without ever failing must not leave the prerendered screen up with nothing
//   started (buttons that do nothing): after OFFICE_PATIENCE_MS the pane's bundle runs without
//   office.js, says preview mode once its own wait for Office is over, and becomes the Excel pane when
//   office.js does arrive (index.tsx waits for the tag through officeSettled). The custom functions
//   keep waiting: they cannot register without office.js.

export const PAINT_PATIENCE_MS = 1000;
export const OFFICE_PATIENCE_MS = 5000;
export const STYLE_PATIENCE_MS = 3000;

/** The two lists the build writes on the boot script: space-separated URLs. */
export interface LoadPlan {
  readonly afterOffice: readonly string[];
  readonly afterPaint: readonly string[];
  readonly afterPaintStyles: readonly string[];
}

export function loadPlanOf(script: HTMLOrSVGScriptElement | null): LoadPlan {
  const list = (value: string | undefined): string[] => (value ?? "").split(/\s+/).filter(Boolean);
  const data = script instanceof HTMLScriptElement ? script.dataset : undefined;
  return {
    afterOffice: list(data?.afterOffice),
    afterPaint: list(data?.afterPaint),
    afterPaintStyles: list(data?.afterPaintStyles),
  };
}

/**
 * Resolves once office.js has run or failed to load (or at once when the page has no such tag). The
 * outcome is written on the tag (data-settled), because the pane's bundle asks again later, when the
 * tag's events may be over: the first caller is always the inline boot, parsed before a deferred
 * script can run or fail.
 */
export function officeSettled(doc: Document = document): Promise<void> {
  const tag = doc.querySelector<HTMLScriptElement>('head script[src*="office.js"]');
  if (!tag || tag.dataset.settled || typeof (window as { Office?: unknown }).Office !== "undefined")
    return Promise.resolve();
  return new Promise((resolve) => {
    const settle = (outcome: string): void => {
      tag.dataset.settled = outcome;
      resolve();
    };
    tag.addEventListener("load", () => settle("load"), { once: true });
    tag.addEventListener("error", () => settle("error"), { once: true });
  });
}

const patience = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the first contentful paint is reported, the page is hidden, or patience runs out. It
 * never rejects: a pane left unstarted by an observer that throws would be worse than a late one.
 */
function firstScreenShown(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    if (doc.visibilityState === "hidden") return resolve();
    setTimeout(resolve, PAINT_PATIENCE_MS);
    // No paint timing (older WebKit), or an observer that refuses: a frame after the next one.
    const byFrames = (): void => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    };
    const types = typeof PerformanceObserver === "undefined" ? [] : PerformanceObserver.supportedEntryTypes;
    if (!types?.includes("paint")) return byFrames();
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((e) => e.name === "first-contentful-paint")) {
          observer.disconnect();
          resolve();
        }
      }).observe({ type: "paint", buffered: true });
    } catch {
      byFrames();
    }
  });
}

/** Appends the scripts in order: async=false keeps dynamically inserted scripts in insertion order. */
function append(doc: Document, urls: readonly string[]): void {
  for (const url of urls) {
    const script = doc.createElement("script");
    script.src = url;
    script.async = false;
    doc.head.appendChild(script);
  }
}

/**
 * Appends the stylesheets at the end of <head> (after the first screen's inline rules: the sheet holds
 * them too, so its order is the one that counts) and resolves when each has loaded or failed, or after
 * STYLE_PATIENCE_MS: a sheet that never answers must not leave the pane unstarted.
 */
function appendStyles(doc: Document, urls: readonly string[]): Promise<void> {
  const loads = urls.map((url) => {
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = url;
    const settled = new Promise<void>((resolve) => {
      link.addEventListener("load", () => resolve(), { once: true });
      link.addEventListener("error", () => resolve(), { once: true });
    });
    doc.head.appendChild(link);
    return settled;
  });
  return Promise.race([Promise.all(loads).then(() => undefined), patience(STYLE_PATIENCE_MS)]);
}

/** Starts the scripts' downloads now, without running them (they run when appended). */
function preload(doc: Document, urls: readonly string[]): void {
  for (const url of urls) {
    const link = doc.createElement("link");
    link.rel = "preload";
    link.as = "script";
    link.href = url;
    doc.head.appendChild(link);
  }
}

export function loadPaneScripts(plan: LoadPlan, doc: Document = document): void {
  const office = officeSettled(doc);
  void office.then(() => append(doc, plan.afterOffice));
  void Promise.all([Promise.race([office, patience(OFFICE_PATIENCE_MS)]), firstScreenShown(doc)])
    .then(() => {
      if (plan.afterPaintStyles.length === 0) return undefined;
      const styled = appendStyles(doc, plan.afterPaintStyles);
      preload(doc, plan.afterPaint);
      return styled;
    })
    .then(() => append(doc, plan.afterPaint));
}
