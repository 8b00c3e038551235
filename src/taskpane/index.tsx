// Entry of the task pane. taskpane.html arrives with the first screen already rendered (the build
// prerenders it, boot.ts picks the language); this hydrates it, then follows what Office.onReady says,
// whenever it says it. Custom functions register from their own entry (functions.ts), which never
// waits for this one.
import { createDOMRenderer } from "@fluentui/react-components";
import { startTransition } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import {
  firstPaintFor,
  hostInfoOf,
  mayBeInOffice,
  parseOverrides,
  resolveEnvironment,
  type Environment,
  type FirstPaint,
  type HostKind,
} from "./env";
import { officeSettled } from "./loader";
import { PaneRoot } from "./root";
import { createServices } from "./services/lazy";
import type { PaneServices } from "./services/types";

interface HostInfo {
  readonly host: string | null;
  readonly displayLanguage?: string;
  readonly officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean };
}

/**
 * Inside Office, how long the pane waits for office.js before it says "preview mode" (a slow CDN, a
 * cold start). It keeps listening: when onReady reports Excel later, the pane becomes the Excel pane.
 */
const ONREADY_PATIENCE_MS = 3000;

// The loader may have started this bundle before office.js arrived (a stalled CDN): wait for the tag.
async function officeReady(): Promise<HostInfo> {
  await officeSettled();
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { host: null };
  return Office.onReady().then((info): HostInfo => {
    if (!info.host) return { host: null };
    const ctx = Office.context;
    return {
      host: String(info.host),
      displayLanguage: ctx?.displayLanguage,
      officeTheme: ctx?.officeTheme as HostInfo["officeTheme"],
    };
  });
}

function environment(info: HostInfo | null): Environment {
  return resolveEnvironment({
    overrides: parseOverrides(window.location.search),
    officeHost: info?.host,
    displayLanguage: info?.displayLanguage,
    hostInfoLanguage: hostInfoOf(window.location.href)?.language,
    browserLanguage: navigator.language,
    officeTheme: info?.officeTheme,
    prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
  });
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const inOffice = mayBeInOffice(window.location.href, window.parent !== window);
  const ready = officeReady();
  // Resolves to the host once office.js has answered, or to preview once the pane stops waiting.
  const decided = new Promise<HostKind>((resolve) => {
    ready.then((info) => resolve(info.host === "Excel" ? "excel" : "preview"));
    if (!inOffice) resolve("preview");
    else setTimeout(() => resolve("preview"), ONREADY_PATIENCE_MS);
  });

  const renderer = createDOMRenderer(document);
  // One services object per host shown, so components keep their state (what the user typed) and only
  // the implementation behind them changes.
  const services = new Map<string, PaneServices>();
  const servicesFor = (host: HostKind, waiting: boolean): PaneServices => {
    const key = `${host}${waiting ? "?" : ""}`;
    let s = services.get(key);
    if (!s) {
      s = waiting ? createServices(host, decided) : createServices(host);
      services.set(key, s);
    }
    return s;
  };
  let hydrated: () => void = () => undefined;
  // `committed` is called once that render is on screen (App calls it from an effect when it changes).
  const tree = (env: Environment, waiting: boolean, committed: () => void) => (
    <PaneRoot
      renderer={renderer}
      env={env}
      services={servicesFor(env.host, waiting)}
      onFirstRender={committed}
    />
  );

  // The first client render must be the prerendered one exactly (language, likely host, light theme);
  // what the page really is comes right after.
  const variant = container.dataset.variant;
  const first: FirstPaint = variant
    ? {
        lang: variant.startsWith("en-US|") ? "en-US" : "zh-CN",
        host: variant.endsWith("|excel") ? "excel" : "preview",
      }
    : firstPaintFor(window.location.href, window.parent !== window, navigator.language);
  const initial: Environment = { ...first, theme: "light" };
  const whenHydrated = new Promise<void>((resolve) => (hydrated = resolve));
  let root: Root;
  if (variant && container.firstElementChild) {
    root = hydrateRoot(
      container,
      tree(initial, initial.host === "excel", () => hydrated()),
      {
        // React recovers from a mismatch by rendering on the client; say so where tests and people look.
        onRecoverableError: (error) => console.error("pane hydration:", error),
      },
    );
  } else {
    root = createRoot(container);
    root.render(tree(initial, initial.host === "excel", () => hydrated()));
  }

  let answered: HostInfo | null = null;
  let gaveUp = !inOffice;
  const show = (): Promise<void> => {
    // Office's answer wins; before it, inside Office the Excel pane is shown (actions wait for the
    // answer); outside Office, or once the wait is over, preview.
    const env = answered
      ? environment(answered)
      : { ...environment(null), host: gaveUp ? ("preview" as const) : ("excel" as const) };
    const waiting = answered === null && !gaveUp;
    // A transition, not flushSync: an urgent update while the lazy pages' Suspense boundaries are
    // still hydrating would make React drop their server markup and render them again (React #421).
    return new Promise<void>((committed) =>
      startTransition(() => root.render(tree(env, waiting, committed))),
    ).then(() => {
      // The dark first-paint colours (prefers-color-scheme) are no longer needed: the provider's own
      // theme is on screen now, and it may be Office's light theme on a dark system.
      document.querySelector("style[data-pane-first-paint]")?.remove();
    });
  };

  void whenHydrated.then(async () => {
    // office.js often answers within the hydration already (a warm start): use it at once.
    await Promise.race([ready.then((info) => (answered = info)), Promise.resolve()]);
    await show();
    performance.mark("pane-ready");
    document.body.dataset.paneReady = "true";
    void ready.then((info) => {
      answered = info;
      void show();
    });
    if (!gaveUp)
      setTimeout(() => {
        gaveUp = true;
        if (!answered) void show();
      }, ONREADY_PATIENCE_MS);
  });
}

start();
