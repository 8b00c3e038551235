import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { csvCell, run } from "../../src/cli/score";
import { readXlsx } from "../../src/workbook/xlsx";
import { handmadeEn } from "../generators/plan-fixtures";
import { formulaAt } from "../support/snapshot";

const ROOT = path.join(__dirname, "..", "..");
const PLANS = path.join(ROOT, "tests", "fixtures", "plans");
const plan = (n: string) => path.join(PLANS, `${n}.xlsx`);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

// Messages without --lang follow the locale; pin it so the tests do not depend on the machine's.
const savedLcAll = process.env.LC_ALL;
beforeAll(() => {
  process.env.LC_ALL = "en_US.UTF-8";
});
afterAll(() => {
  if (savedLcAll === undefined) delete process.env.LC_ALL;
  else process.env.LC_ALL = savedLcAll;
});

describe("dealer-mkt score", () => {
  test("ranks the readable plans and gives one line per unreadable file, exiting non-zero", async () => {
    const r = await cli([
      plan("template-partial-en"),
      plan("unreadable-truncated"),
      plan("handmade-zh"),
      plan("unreadable-not-a-workbook"),
      "--lang",
      "en-US",
    ]);
    expect(r.code).toBe(1);
    const rows = r.out.split("\n").filter((l) => /^\s+\d+\s/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("handmade-zh.xlsx");
    expect(rows[0]).toContain("34/40"); // criterion 7 is 4: its KPIs are described in words, 5 needs complete KPIs
    expect(rows[1]).toContain("template-partial-en.xlsx");
    const errLines = r.err.split("\n").filter((l) => l.includes("unreadable-"));
    expect(errLines).toHaveLength(2);
    expect(r.err).toContain("unreadable-truncated.xlsx: file is truncated");
    expect(r.err).toContain("unreadable-not-a-workbook.xlsx: not an Excel workbook");
  });

  test("a file over the size limit is refused by its size, without being read", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-big-"));
    const big = path.join(dir, "big.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 31 * 1024 * 1024); // sparse: costs no disk or memory
    const r = await cli([big, plan("handmade-en"), "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("big.xlsx: file too large (31 MB, limit 30 MB)");
    expect(r.out).toContain("handmade-en.xlsx");
  });

  test("exits 0 when every file was scored, and speaks Chinese with --lang zh-CN", async () => {
    const r = await cli([plan("handmade-en"), "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("总分");
    expect(r.out).toContain("需人工评分");
  });

  test("--json gives every criterion with evidence and suggestion", async () => {
    const r = await cli([
      plan("template-partial-en"),
      plan("handmade-actuals-zh"),
      "--json",
      "--lang",
      "en-US",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      results: {
        file: string;
        total: number;
        criteria: { auto: number; evidence: unknown[]; suggestion: string | null }[];
      }[];
      errors: unknown[];
    };
    expect(j.results.map((x) => path.basename(x.file))).toEqual([
      "handmade-actuals-zh.xlsx",
      "template-partial-en.xlsx",
    ]);
    expect(j.results[0].total).toBe(38);
    for (const c of j.results[1].criteria) expect(c.suggestion === null).toBe(c.auto === 5);
    expect(j.results[1].criteria[2].evidence.length).toBeGreaterThan(0);
    expect(j.errors).toEqual([]);
  });

  test("--csv escapes cells that a spreadsheet would run as formulas", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-csv-"));
    const evil = path.join(dir, "evil.xlsx");
    writeFileSync(evil, await handmadeEn('=HYPERLINK("http://x","y")'));
    const r = await cli([evil, plan("unreadable-truncated"), "--csv", "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.out.startsWith("\ufeffrank,file,dealer,total,percent,c1_complete")).toBe(true);
    expect(r.out).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(r.out).toMatch(/unreadable-truncated\.xlsx.*file is truncated/);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell("plain")).toBe("plain");
  });

  test("--out writes a scored copy of each readable workbook", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-out-"));
    const r = await cli([plan("handmade-zh"), plan("unreadable-truncated"), "--out", dir, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    const copy = path.join(dir, "handmade-zh.scored.xlsx");
    expect(existsSync(copy)).toBe(true);
    expect(existsSync(path.join(dir, "unreadable-truncated.scored.xlsx"))).toBe(false);
    expect(r.out).toContain("charts and formatting are kept");
    const snap = await readXlsx(new Uint8Array(readFileSync(copy)));
    expect(snap.sheets.map((s) => s.name)).toEqual(["2026年Q2营销计划", "Scorecard"]);
    expect(formulaAt(snap.sheets[1], "F14")).toBe("=SUM(F6:F13)");
  });

  test("prints progress on stderr for long batches", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-many-"));
    const files = Array.from({ length: 12 }, (_, i) => {
      const f = path.join(dir, `p${i}.xlsx`);
      copyFileSync(plan("handmade-en"), f);
      return f;
    });
    const r = await cli([...files, "--lang", "en-US"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("scored 10/12");
    expect(r.err).toContain("scored 12/12");
  });

  test.each([
    [["--json", "--csv", "a.xlsx"], "either --json or --csv"],
    [["--lang", "fr-FR", "a.xlsx"], "--lang must be"],
    [["--lang", "en-US"], "no files given"],
    [["--bogus", "a.xlsx", "--lang", "en-US"], "unknown option"],
  ])("usage error %j", async (args, msg) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(msg);
  });

  test("without --lang, messages follow the locale", async () => {
    process.env.LC_ALL = "zh_CN.UTF-8";
    try {
      const r = await cli([]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("没有给出要评分的文件");
    } finally {
      process.env.LC_ALL = "en_US.UTF-8";
    }
  });

  test("runs as a command line through the dispatcher (--lang wins over the locale)", async () => {
    const exec = promisify(execFile);
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const args = [
      "src/cli/main.ts",
      "score",
      plan("handmade-zh"),
      plan("unreadable-not-a-workbook"),
      "--lang",
      "en-US",
    ];
    const err = await exec(tsx, args, { cwd: ROOT, env: { ...process.env, LC_ALL: "zh_CN.UTF-8" } }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toContain("handmade-zh.xlsx");
    expect(err?.stderr).toContain("not an Excel workbook");
  });
});

describe("re-scoring a scored copy", () => {
  test("keeps the override a reviewer typed into its scorecard", async () => {
    const { applyOverride, isRubricError, scorePlan } = await import("../../src/core/rubric");
    const { readPlan } = await import("../../src/scoring/read-plan");
    const { scorecardSheet } = await import("../../src/scoring/scorecard");
    const { addSheetToXlsx } = await import("../../src/scoring/inject-sheet");
    const bytes = new Uint8Array(readFileSync(plan("handmade-zh")));
    const score = scorePlan(readPlan(await readXlsx(bytes)));
    const o = applyOverride(score, 8, 4, "checked on site");
    if (isRubricError(o)) throw new Error("unexpected");
    const dir = mkdtempSync(path.join(tmpdir(), "score-again-"));
    const file = path.join(dir, "reviewed.xlsx");
    writeFileSync(file, (await addSheetToXlsx(bytes, scorecardSheet(o, { lang: "en-US" }))).bytes);
    const r = await cli([file, "--lang", "en-US"]);
    const row = r.out.split("\n").find((l) => l.includes("reviewed.xlsx")) ?? "";
    expect(row).toContain(`${score.total + 4}/40`);
    expect(row.trimEnd().endsWith("4!")).toBe(true);
    expect(r.out).toContain("a person's override");
  });
});
