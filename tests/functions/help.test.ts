import fs from "fs";
import path from "path";

const help = path.join(__dirname, "..", "..", "src", "help");
const ids = [
  "funnel_rate",
  "breakeven_attendees",
  "breakeven_buyers",
  "roi",
  "cost_per_sale",
  "funnel_targets",
];

describe.each(["en-US", "zh-CN"])("help pages in %s", (lang) => {
  const read = (file: string) => fs.readFileSync(path.join(help, lang, file), "utf8");
  const files = fs.readdirSync(path.join(help, lang)).filter((f) => f.endsWith(".html"));

  it("has a page per function and an index linking to each", () => {
    expect(fs.readFileSync(path.join(help, "help.css"), "utf8")).toMatch(/prefers-color-scheme: dark/);
    expect(files.sort()).toEqual([...ids, "index"].map((id) => `${id}.html`).sort());
    const index = read("index.html");
    for (const id of ids) expect(index).toContain(`href="${id}.html"`);
  });
  it.each(files)("%s is small, self-contained and accessible", (file) => {
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
    expect(html.length).toBeLessThan(20000);
  });
  it.each(ids)("%s.html gives the formula, arguments, errors and a worked example", (id) => {
    const html = read(`${id}.html`);
    expect(html).toContain('class="formula"');
    expect(html.match(/<table>/g)?.length).toBe(2);
    for (const code of ["#VALUE!", "#N/A"]) expect(html).toContain(code);
    expect(html).toMatch(/=DEALER\./);
  });
  it("works the source's break-even example", () => {
    expect(read("breakeven_attendees.html")).toMatch(
      /460000, 1500, 10000, 64\/120[\s\S]*<strong>120<\/strong>/,
    );
    expect(read("breakeven_buyers.html")).toMatch(/460000, 1500, 10000, 120[\s\S]*<strong>64<\/strong>/);
  });
});
