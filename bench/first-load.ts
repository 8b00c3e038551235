// What taskpane.html loads as it starts, and its weight: one count for the benches (taskpane,
// first-paint) and the tests that check the page's order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST } from "../tests/e2e/support/server";

export const OFFICE_JS = /appsforoffice\.microsoft\.com/;

export interface FirstLoadRow {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

/**
 * The scripts taskpane.html loads as it starts, in order: its <script src> tags (office.js), then what
 * its boot script loads (data-after-office, then data-after-paint: src/taskpane/loader.ts). Lazy
 * chunks, loaded when a page or a service is first used, are not counted.
 */
export function firstLoadScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
  return [...tags, ...loaded(html, "data-after-office"), ...loaded(html, "data-after-paint")];
}

/** Values of `attr` on the page's script tags, split on spaces (the boot script's lists). */
function loaded(html: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`<script\\b[^>]*\\b${attr}=["']?([^"'>]*)`, "gi"))].flatMap((m) =>
    m[1].split(/\s+/).filter(Boolean),
  );
}

/**
 * The stylesheets taskpane.html loads as it starts: its <link rel=stylesheet> tags, then what its boot
 * script appends (data-after-paint-styles). Not JavaScript, so not in the JavaScript figure: counted
 * apart, beside the CSS inline in the page.
 */
export function firstLoadStyles(html: string): string[] {
  const links = [...html.matchAll(/<link\b(?=[^>]*\brel=["']?stylesheet)[^>]*\bhref=["']?([^"' >]+)/gi)].map(
    (m) => m[1],
  );
  return [...links, ...loaded(html, "data-after-paint-styles")];
}

const inDist = (dist: string, url: string): Buffer => readFileSync(join(dist, url.replace(/^\.?\//, "")));

function row(file: string, bytes: Buffer | string): FirstLoadRow {
  return { file, bytes: Buffer.byteLength(bytes), gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Gzip bytes of the CSS taskpane.html loads as it starts: its sheets and its inline <style>s. */
export function firstLoadStylesGzip(html: string, dist = DIST): FirstLoadRow[] {
  const rows = firstLoadStyles(html).map((href) => row(href, inDist(dist, href)));
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join("\n");
  if (inline.trim()) rows.push(row("(inline styles)", inline));
  return rows;
}

/** Gzip bytes of the JavaScript taskpane.html loads as it starts: its scripts and inline ones. */
export function firstLoadGzip(html: string, dist = DIST): FirstLoadRow[] {
  const rows: FirstLoadRow[] = [];
  for (const src of firstLoadScripts(html)) {
    if (OFFICE_JS.test(src)) continue;
    rows.push(row(src, inDist(dist, src)));
  }
  // Inline scripts that are JavaScript: no type, or a JavaScript one (the other first screens wait in
  // <script type="text/html"> blocks, which are markup, not code).
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\btype=/i.test(m[1]) || /\btype=["']?(text\/javascript|module)\b/i.test(m[1]))
    .map((m) => m[2])
    .join("\n");
  if (inline.trim()) rows.push(row("(inline scripts)", inline));
  return rows;
}
