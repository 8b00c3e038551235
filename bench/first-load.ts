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
  const loaded = (attr: string): string[] =>
    [...html.matchAll(new RegExp(`<script\\b[^>]*\\b${attr}=["']?([^"'>]*)`, "gi"))].flatMap((m) =>
      m[1].split(/\s+/).filter(Boolean),
    );
  return [...tags, ...loaded("data-after-office"), ...loaded("data-after-paint")];
}

/** Gzip bytes of the JavaScript taskpane.html loads as it starts: its scripts and inline ones. */
export function firstLoadGzip(html: string, dist = DIST): FirstLoadRow[] {
  const rows: FirstLoadRow[] = [];
  for (const src of firstLoadScripts(html)) {
    if (OFFICE_JS.test(src)) continue;
    const bytes = readFileSync(join(dist, src.replace(/^\.?\//, "")));
    rows.push({ file: src, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  // Inline scripts that are JavaScript: no type, or a JavaScript one (the other first screens wait in
  // <script type="text/html"> blocks, which are markup, not code).
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\btype=/i.test(m[1]) || /\btype=["']?(text\/javascript|module)\b/i.test(m[1]))
    .map((m) => m[2])
    .join("\n");
  if (inline.trim())
    rows.push({
      file: "(inline scripts)",
      bytes: Buffer.byteLength(inline),
      gzip: gzipSync(inline, { level: 9 }).length,
    });
  return rows;
}
