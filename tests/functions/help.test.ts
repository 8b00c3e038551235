// The help pages are rendered at build time from the metadata (functions.json, and the zh-CN file
// derived from it) and the descriptors' help (build/descriptors.ts). Here they are rendered the same
// way from the metadata generated from functions.ts, so these tests need no build.
import fs from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata, type Metadata } from "../../build/localize-metadata";
import { escapeHtml, inline, renderHelpPages, type HelpLang } from "../../build/help-pages";
import { helpContent, zhTable } from "../../build/descriptors";
import { DEALER_IDS } from "../../src/functions/registry";

const root = path.join(__dirname, "..", "..");
const table = zhTable();
const content = helpContent();
const { FUNCTIONS, SHARED } = content;
const ids = DEALER_IDS.map((id) => id.toLowerCase());
const LANGS: HelpLang[] = ["en-US", "zh-CN"];

let metadata: Record<HelpLang, Metadata>;
let pages: Record<string, string>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    [path.join(root, "src/functions/functions.ts")],
    false,
  );
  expect(result.errors).toEqual([]);
  const en = JSON.parse(result.metadataJson) as Metadata;
  metadata = { "en-US": en, "zh-CN": localizeMetadata(en, table) };
  pages = renderHelpPages(metadata, content);
});

/** The cells of the first column's row headers of the n-th table, as text. */
function rowHeaders(html: string, n: number): string[] {
  const tables = html.split("<table>").slice(1);
  return Array.from(tables[n].matchAll(/<th scope="row"><code>([^<]*)<\/code><\/th>/g)).map((m) => m[1]);
}

describe.each(LANGS)("help pages in %s", (lang) => {
  const read = (file: string): string => {
    const html = pages[`${lang}/${file}`];
    if (html === undefined) throw new Error(`no page ${lang}/${file}`);
    return html;
  };

  it("has a page per function and an index linking to each", () => {
    expect(fs.readFileSync(path.join(root, "src/help/help.css"), "utf8")).toMatch(
      /prefers-color-scheme: dark/,
    );
    const files = Object.keys(pages)
      .filter((p) => p.startsWith(`${lang}/`))
      .map((p) => p.slice(lang.length + 1));
    expect(files.sort()).toEqual([...ids, "index"].map((id) => `${id}.html`).sort());
    const index = read("index.html");
    for (const id of ids) expect(index).toContain(`href="${id}.html"`);
  });
  it("every page is small, self-contained and accessible", () => {
    for (const file of [...ids.map((id) => `${id}.html`), "index.html"]) {
      const html = read(file);
      expect(html).toMatch(new RegExp(`<html lang="${lang}">`));
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html).toMatch(/<main>[\s\S]*<h1>[\s\S]*<\/main>/);
      // No external resources: help must load offline inside Excel.
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<script/);
      // One stylesheet, shared by all pages and served beside them.
      expect(Array.from(html.matchAll(/<link [^>]*>/g)).map((m) => m[0])).toEqual([
        '<link rel="stylesheet" href="../help.css" />',
      ]);
      // Every table has column headers and a header per row.
      for (const t of html.split("<table>").slice(1)) {
        expect(t).toMatch(/<th scope="col">/);
        expect(t).toMatch(/<th scope="row">/);
      }
      expect(html.length).toBeLessThan(20000);
    }
  });
  it.each(ids)("%s.html gives the formula, arguments, errors and a worked example", (id) => {
    const html = read(`${id}.html`);
    expect(html).toContain('class="formula"');
    expect(html.match(/<table>/g)?.length).toBe(2);
    for (const code of ["#VALUE!", "#N/A"]) expect(html).toContain(code);
    expect(html).toMatch(/=DEALER\./);
    // The shared errors come first, then the function's own.
    const errors = rowHeaders(html, 1);
    expect(errors.slice(0, 2)).toEqual(["#VALUE!", "#N/A"]);
    expect(errors.slice(2)).toEqual(FUNCTIONS[id.toUpperCase()][lang].errors.map(([code]) => code));
    expect(html).toContain(escapeHtml(FUNCTIONS[id.toUpperCase()][lang].ranges ?? SHARED[lang].ranges));
  });
  it("works the source's break-even example", () => {
    expect(read("breakeven_attendees.html")).toMatch(
      /460000, 1500, 10000, 64\/120[\s\S]*<strong>120<\/strong>/,
    );
    expect(read("breakeven_buyers.html")).toMatch(/460000, 1500, 10000, 120[\s\S]*<strong>64<\/strong>/);
  });
  it("names each function as Excel does, in the heading, the syntax and the examples", () => {
    for (const fn of metadata[lang].functions) {
      const html = read(`${fn.id.toLowerCase()}.html`);
      expect(html).toContain(`<h1>DEALER.${fn.name}`);
      expect(html).toContain(`<code>=DEALER.${fn.name}(`);
      // Every formula in the example calls this function by its name in this language.
      const calls = Array.from(html.matchAll(/<code>=DEALER\.([^(]+)\(/g)).map((m) => m[1]);
      expect(new Set(calls)).toEqual(new Set([fn.name]));
    }
  });
});

/** The visible text of a page: tags dropped, entities decoded, code spans (formulas) left out. */
function prose(html: string): string {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, " ")
    .replace(/<p class="formula">[\s\S]*?<\/p>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("the Chinese help pages", () => {
  const zhPages = (): [string, string][] =>
    Object.entries(pages).filter(([file]) => file.startsWith("zh-CN/"));
  it("use full-width punctuation: no , ; : or parenthesis touching a Chinese character", () => {
    for (const [file, html] of zhPages()) {
      const bad = prose(html).match(/.{0,8}([\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]).{0,8}/g);
      expect({ file, bad }).toEqual({ file, bad: null });
    }
  });
  it("speak to dealers, not about the project's sources", () => {
    for (const [file, html] of Object.entries(pages)) {
      expect({ file, hit: /资料中|source's|From the source/.exec(html)?.[0] }).toEqual({
        file,
        hit: undefined,
      });
    }
  });
  it("call the margin of one sale 单车毛利 first, with 边际贡献 in the note", () => {
    for (const id of ["breakeven_attendees", "breakeven_buyers", "event_profit", "breakeven_rate"]) {
      const html = pages[`zh-CN/${id}.html`];
      const row = /<th scope="row"><code>单车毛利<\/code><\/th>\s*<td>([^<]*)<\/td>/.exec(html)?.[1] ?? "";
      expect(row).toMatch(/^m：每成交一台车的毛利/);
      expect(row).toContain("边际贡献");
    }
  });
});

describe("help and metadata parity", () => {
  it("gives every function in functions.json a page in both languages with the metadata's argument names", () => {
    for (const fn of metadata["en-US"].functions) {
      const en = pages[`en-US/${fn.id.toLowerCase()}.html`];
      const zh = pages[`zh-CN/${fn.id.toLowerCase()}.html`];
      const enNames = fn.parameters.map((p) => p.name);
      const zhNames = enNames.map((p) => table.functions[fn.id].parameters?.[p]?.name);
      expect(rowHeaders(en, 0)).toEqual(enNames);
      expect(rowHeaders(zh, 0)).toEqual(zhNames);
      // The syntax line lists the same names, optional ones in brackets.
      const syntax = (html: string) =>
        /<p><code>=DEALER\.[^(]+\(([^)]*)\)<\/code><\/p>/.exec(html)?.[1].split(", ");
      const bracket = (names: (string | undefined)[]) =>
        names.map((n, i) => (fn.parameters[i].optional ? `[${n}]` : n));
      expect(syntax(en)).toEqual(bracket(enNames));
      expect(syntax(zh)).toEqual(bracket(zhNames));
    }
  });
  it("describes each argument with the text Excel shows for it (JSDoc, zh-CN.json)", () => {
    for (const fn of metadata["en-US"].functions) {
      const en = pages[`en-US/${fn.id.toLowerCase()}.html`];
      const zh = pages[`zh-CN/${fn.id.toLowerCase()}.html`];
      for (const p of fn.parameters) {
        expect(en).toContain(escapeHtml(p.description ?? "-"));
        expect(zh).toContain(escapeHtml(table.functions[fn.id].parameters?.[p.name]?.description ?? "-"));
      }
      expect(en).toContain(escapeHtml(fn.description ?? "-"));
      expect(zh).toContain(escapeHtml(table.functions[fn.id].description ?? "-"));
    }
  });
  it("has help content for exactly the functions in the metadata", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(metadata["en-US"].functions.map((f) => f.id).sort());
  });
  it("refuses a function without help content, and help notes on a parameter that does not exist", () => {
    const extra = JSON.parse(JSON.stringify(metadata)) as Record<HelpLang, Metadata>;
    for (const lang of LANGS) extra[lang].functions.push({ id: "NEW_ONE", name: "NEW_ONE", parameters: [] });
    expect(() => renderHelpPages(extra, content)).toThrow(/NEW_ONE/);
    const renamed = JSON.parse(JSON.stringify(metadata)) as Record<HelpLang, Metadata>;
    const roi = renamed["en-US"].functions.find((f) => f.id === "ROI");
    if (!roi) throw new Error("no ROI");
    roi.parameters[2].name = "gross_margin";
    expect(() => renderHelpPages(renamed, content)).toThrow(/ROI help: margin is not a parameter/);
  });
});

describe("help rendering", () => {
  it("escapes text from the metadata", () => {
    const odd = JSON.parse(JSON.stringify(metadata)) as Record<HelpLang, Metadata>;
    odd["en-US"].functions[0].description = 'Counts <b>"stages"</b> & rates';
    const html = renderHelpPages(odd, content)[`en-US/${odd["en-US"].functions[0].id.toLowerCase()}.html`];
    expect(html).toContain("Counts &lt;b&gt;&quot;stages&quot;&lt;/b&gt; &amp; rates");
    expect(html).not.toContain("<b>");
  });
  it("marks up code, strong and the function name in examples, escaping everything else", () => {
    expect(inline("`={FN}(A1<B1)` gives **1 & 2**, r·m > v", "DEALER.X")).toBe(
      "<code>=DEALER.X(A1&lt;B1)</code> gives <strong>1 &amp; 2</strong>, r·m &gt; v",
    );
    expect(() => inline("`=DEALER.X(1)", "DEALER.X")).toThrow(/unbalanced/);
    expect(() => inline("**64", "DEALER.X")).toThrow(/unbalanced/);
  });
});
