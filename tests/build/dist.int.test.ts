// What the production build must emit: the manifest, the shared-runtime page and both metadata
// files, with every help page the metadata links to. The test line builds before jest runs.
import * as fs from "fs";
import * as path from "path";
import { renderHelpPages } from "../../build/help-pages";
import { helpContent } from "../../build/descriptors";
import { DEALER_IDS } from "../../src/functions/registry";
import { firstLoadScripts } from "../../bench/first-load";

const dist = path.join(__dirname, "..", "..", "dist");
const read = (file: string): string => {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` first`);
  return fs.readFileSync(full, "utf8");
};

interface Param {
  name: string;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
}
interface MetadataFile {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: Fn[];
}
const parse = (file: string): Fn[] => (JSON.parse(read(file)) as MetadataFile).functions;
const IDS = [...DEALER_IDS].sort();

describe("production build", () => {
  it("emits the manifest with https URLs to the built files", () => {
    const manifest = read("manifest.xml");
    const urls = Array.from(manifest.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)).map(
      (m) => m[1],
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      const file = new URL(url).pathname.replace(/^\//, "");
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
  });

  it("emits one shared-runtime page that loads office.js, then the functions before the pane", () => {
    const html = read("taskpane.html");
    // Its <script src> (office.js), then what its boot script loads, in that order.
    const scripts = firstLoadScripts(html);
    // The functions right after office.js, the pane's own scripts after the first paint.
    expect(html).toMatch(
      /<script data-after-office="functions\.js" data-after-paint="commands\.js taskpane\.js" data-after-paint-styles="taskpane\.css">/,
    );
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = scripts.findIndex((s) => /(^|\/)functions\.js$/.test(s));
    const pane = scripts.findIndex((s) => /(^|\/)taskpane\.js$/.test(s));
    expect(functions).toBeGreaterThan(0);
    expect(pane).toBeGreaterThan(functions);
  });

  it("emits functions.json and functions.zh-CN.json with the same functions and parameters", () => {
    const en = parse("functions.json");
    const zh = parse("functions.zh-CN.json");
    expect(en.map((f) => f.id).sort()).toEqual(IDS);
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    for (const [i, f] of en.entries()) {
      const z = zh[i];
      expect(z.parameters.length).toBe(f.parameters.length);
      expect(z.name).not.toBe(f.name);
      expect(z.name).toMatch(/[\u4e00-\u9fff]/);
      expect(z.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("lets errors in input cells reach the functions, in both metadata files", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const metadata = JSON.parse(read(file)) as MetadataFile;
      expect(metadata.allowErrorForDataTypeAny).toBe(true);
      expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    }
  });

  it("keeps the help texts out of the functions bundle", () => {
    const bundle = read("functions.js");
    expect(bundle).toContain("EVENT_PROFIT");
    // A worked example of the help pages only.
    expect(bundle).not.toContain("weakest, the middle and the strongest");
  });

  it("serves every help page the metadata links to, in both languages", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      for (const f of parse(file)) {
        expect(f.helpUrl).toMatch(/^https:\/\//);
        const page = new URL(f.helpUrl ?? "").pathname.replace(/^\//, "");
        expect(read(page)).toContain(f.id);
      }
    }
  });

  it("emits the help pages rendered from the built metadata, with their stylesheet", () => {
    const metadata = {
      "en-US": { functions: parse("functions.json") },
      "zh-CN": { functions: parse("functions.zh-CN.json") },
    };
    const expected = renderHelpPages(metadata, helpContent());
    const files = ["en-US", "zh-CN"].flatMap((lang) =>
      fs.readdirSync(path.join(dist, "help", lang)).map((f) => `${lang}/${f}`),
    );
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    for (const [file, html] of Object.entries(expected)) expect(read(`help/${file}`)).toBe(html);
    expect(read("help/help.css")).toMatch(/prefers-color-scheme: ?dark/);
    // Argument names on each page are the built metadata's, in both languages.
    for (const [lang, { functions }] of Object.entries(metadata)) {
      for (const f of functions) {
        const html = read(`help/${lang}/${f.id.toLowerCase()}.html`);
        const args = html.split("<table>")[1];
        const names = Array.from(args.matchAll(/<th scope="row"><code>([^<]*)<\/code>/g)).map((m) => m[1]);
        expect(names).toEqual(f.parameters.map((p) => p.name));
      }
    }
  });
});
