// Entry of the task pane. It waits for Office.onReady only to learn the host, theme and language;
// custom functions register from their own entry (functions.ts), which never waits for this one.
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { parseOverrides, resolveEnvironment } from "./env";
import { createServices } from "./services/lazy";

interface HostInfo {
  readonly host: string | null;
  readonly displayLanguage?: string;
  readonly officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean };
}

// If office.js never answers (blocked CDN, file opened from disk) the pane still comes up, in preview.
const ONREADY_TIMEOUT_MS = 3000;

function officeHost(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function")
    return Promise.resolve({ host: null });
  const ready = Office.onReady().then((info): HostInfo => {
    if (!info.host) return { host: null };
    const ctx = Office.context;
    return {
      host: String(info.host),
      displayLanguage: ctx?.displayLanguage,
      officeTheme: ctx?.officeTheme as HostInfo["officeTheme"],
    };
  });
  const timeout = new Promise<HostInfo>((resolve) =>
    setTimeout(() => resolve({ host: null }), ONREADY_TIMEOUT_MS),
  );
  return Promise.race([ready, timeout]);
}

function contentShown(): void {
  // The bench and the e2e tests read this mark: navigation start → the frame that paints the first
  // content (the callback runs just before that frame's paint).
  requestAnimationFrame(() => {
    performance.mark("pane-content");
    document.body.dataset.paneReady = "true";
  });
}

/**
 * Office passes `_host_Info` on the add-in's URL and runs Office on the web in a frame. Without either,
 * this is almost surely a plain browser: show the pane at once instead of waiting for office.js to
 * conclude there is no host, and switch over should onReady report one after all.
 */
function mayBeInOffice(): boolean {
  return /[?&#]_host_Info=/i.test(window.location.href) || window.parent !== window;
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const environment = (info: HostInfo) =>
    resolveEnvironment({
      overrides: parseOverrides(window.location.search),
      officeHost: info.host,
      displayLanguage: info.displayLanguage,
      browserLanguage: navigator.language,
      officeTheme: info.officeTheme,
      prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
    });
  const render = (info: HostInfo): void => {
    const env = environment(info);
    // Rendered at once rather than in a later scheduler task: the pane is small and the user is waiting.
    flushSync(() =>
      root.render(<App env={env} services={createServices(env.host)} onFirstRender={contentShown} />),
    );
  };
  const host = officeHost();
  if (!mayBeInOffice()) {
    render({ host: null });
    const info = await host;
    if (info.host) render(info);
    return;
  }
  render(await host);
}

void start();
