// The league workbook from the command line, opened by @e965/xlsx and by LibreOffice (integration:
// needs soffice). Runs the real command through tsx, as a manager would run dealer-mkt.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type * as XLSX from "@e965/xlsx";
import { splitSheetRef } from "../../src/core/a1";
import { Package } from "../../src/workbook/ooxml/package";
import { convertToXlsx, readBook } from "../support/soffice";

jest.setTimeout(180000);

const ROOT = path.join(__dirname, "..", "..");
const CORPUS = path.join(ROOT, "tests", "fixtures", "corpus");
const PLANS = [
  "zh-free-excellent-xihu",
  "en-tpl-good-riverside",
  "zh-free-weak-zhengzhou",
  "en-table-maple",
].map((n) => path.join(CORPUS, `${n}.xlsx`));
const exec = promisify(execFile);

async function score(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  return exec(tsx, [path.join(ROOT, "src", "cli", "main.ts"), "score", ...args], {
    cwd: ROOT,
    env: { ...process.env, LC_ALL: "en_US.UTF-8" },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

/** The ranking rows as [rank, dealer, total] from the header row (5) down. */
function rankingRows(ws: XLSX.WorkSheet): [unknown, unknown, unknown][] {
  const rows: [unknown, unknown, unknown][] = [];
  for (let r = 6; typeof ws[`A${r}`]?.v === "number"; r++)
    rows.push([ws[`A${r}`].v, ws[`B${r}`].v, ws[`C${r}`].v]);
  return rows;
}

/** Every hyperlink of the ranking lands on a sheet of the book. */
function linkTargets(book: XLSX.WorkBook, sheet: string): string[] {
  const ws = book.Sheets[sheet];
  const out: string[] = [];
  for (const [addr, cell] of Object.entries(ws)) {
    if (addr.startsWith("!")) continue;
    const target = (cell as XLSX.CellObject).l?.Target;
    if (target) out.push(target);
  }
  return out;
}

describe("dealer-mkt score --report", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "league-"));
  const bad = path.join(dir, "broken.xlsx");
  writeFileSync(bad, "this is not a workbook");
  const report = path.join(dir, "league.xlsx");

  test("writes the league in Chinese: ranked plans linked to their sheets, the unreadable file listed, a chart", async () => {
    const r = await score([...PLANS, bad, "--report", report, "--lang", "zh-CN"]);
    // One file could not be read: the run says so in its exit code, the report is written anyway.
    expect(r.code).toBe(1);
    expect(r.out).toContain("已写出排名工作簿");
    const bytes = new Uint8Array(readFileSync(report));
    const book = readBook(bytes);
    expect(book.SheetNames[0]).toBe("排名");
    expect(book.SheetNames).toHaveLength(1 + PLANS.length);
    const ws = book.Sheets["排名"];
    const rows = rankingRows(ws);
    expect(rows).toHaveLength(PLANS.length);
    const totals = rows.map((x) => x[2] as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(rows[0][0]).toBe(1);
    const texts = Object.values(ws).map((c) => String((c as XLSX.CellObject).v ?? ""));
    expect(texts).toContain("broken.xlsx");
    expect(texts).toContain("无法读取的文件");

    const targets = linkTargets(book, "排名");
    expect(targets).toHaveLength(PLANS.length);
    for (const t of targets) {
      expect(t.startsWith("#")).toBe(true);
      expect(book.SheetNames).toContain(splitSheetRef(t.slice(1))?.sheet);
    }
    const pkg = Package.open(bytes);
    expect(pkg.text("xl/charts/chart1.xml")).toContain("<c:barChart>");
  });

  test("LibreOffice opens it and keeps the sheets, values, links and chart", async () => {
    const [converted] = await convertToXlsx([report], path.join(dir, "lo"));
    const bytes = new Uint8Array(readFileSync(converted));
    const ours = readBook(new Uint8Array(readFileSync(report)));
    const lo = readBook(bytes);
    expect(lo.SheetNames).toEqual(ours.SheetNames);
    expect(rankingRows(lo.Sheets["排名"])).toEqual(rankingRows(ours.Sheets["排名"]));
    for (const t of linkTargets(lo, "排名"))
      expect(lo.SheetNames).toContain(splitSheetRef(t.slice(1))?.sheet);
    expect(linkTargets(lo, "排名")).toHaveLength(PLANS.length);
    const pkg = Package.open(bytes);
    expect(pkg.text("xl/charts/chart1.xml")).toMatch(/<c:barChart>/);
    // LibreOffice read the colour scale and writes it back out.
    expect(pkg.text(pkg.sheets[0].part ?? "")).toContain('type="colorScale"');
  });

  test("an existing report is kept without --force and replaced with it; never an input", async () => {
    const before = readFileSync(report);
    const kept = await score([PLANS[0], "--report", report, "--lang", "en-US"]);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain("add --force to replace it");
    expect(readFileSync(report).equals(before)).toBe(true);

    const forced = await score([PLANS[0], PLANS[1], "--report", report, "--lang", "en-US", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("league workbook written");
    const book = readBook(new Uint8Array(readFileSync(report)));
    expect(book.SheetNames[0]).toBe("Ranking");
    expect(book.Sheets.Ranking.A5.v).toBe("Rank");
    expect(rankingRows(book.Sheets.Ranking)).toHaveLength(2);

    const input = readFileSync(PLANS[1]);
    const refused = await score([PLANS[0], PLANS[1], "--report", PLANS[1], "--force"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("never overwritten");
    expect(readFileSync(PLANS[1]).equals(input)).toBe(true);
  });

  test("a report name that is not .xlsx is a usage error, in the chosen language", async () => {
    const r = await score([PLANS[0], "--report", path.join(dir, "league.xls"), "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--report 必须是 .xlsx 文件");
  });
});
