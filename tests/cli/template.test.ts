import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { run } from "../../src/cli/template";
import { readXlsx } from "../../src/workbook/xlsx";
import { valueAt } from "../support/snapshot";

const exec = promisify(execFile);

function capture() {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    restore() {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

// The messages follow --lang, else the environment; these tests say which environment they run in.
const ENGLISH = { LANG: "en_US.UTF-8" };

describe("dealer-mkt template", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-template-"));
  let io: ReturnType<typeof capture>;
  beforeEach(() => (io = capture()));
  afterEach(() => io.restore());

  test("writes an event template in English with the inputs given", async () => {
    const out = join(dir, "event.xlsx");
    const code = await run([
      "event",
      "--out",
      out,
      "--lang",
      "en-US",
      "--currency",
      "USD",
      "--fixed-cost",
      "460000",
      "--conversion-rate",
      "53%",
    ]);
    expect(code).toBe(0);
    const snap = await readXlsx(readFileSync(out));
    expect(snap.sheets[0].name).toBe("Event Break-even");
    expect(valueAt(snap.sheets[0], "B5")).toBe(460000);
    expect(valueAt(snap.sheets[0], "B8")).toBeCloseTo(0.53, 12);
    expect(snap.names.map((n) => n.name)).toContain("Event_BreakevenAttendees");
  });

  test("content defaults to zh-CN", async () => {
    const out = join(dir, "plan.xlsx");
    expect(await run(["plan", "--out", out])).toBe(0);
    const snap = await readXlsx(readFileSync(out));
    expect(snap.sheets.map((s) => s.name)).toEqual(["营销计划", "策略大纲"]);
  });

  test("refuses to overwrite an existing file unless --force", async () => {
    const out = join(dir, "taken.xlsx");
    writeFileSync(out, "user's file");
    expect(await run(["budget", "--out", out], ENGLISH)).toBe(1);
    expect(io.err).toMatch(/exists; use --force/);
    expect(readFileSync(out, "utf8")).toBe("user's file");
    expect(await run(["budget", "--out", out, "--force"])).toBe(0);
    expect((await readXlsx(readFileSync(out))).sheets[0].name).toBe("营销投放预算");
  });

  test.each([
    [["nope", "--out", "x.xlsx"], /unknown template 'nope'/],
    [["event"], /--out FILE.xlsx is required/],
    [["event", "--out", "x.csv"], /must name an .xlsx file/],
    [["event", "--out", "x.xlsx", "--lang", "fr-FR"], /--lang must be zh-CN or en-US/],
    [["event", "--out", "x.xlsx", "--currency", "BTC"], /--currency must be one of/],
    [["event", "--out", "x.xlsx", "--conversion-rate", "1.5"], /--conversion-rate: Must be a rate/],
    [["event", "--out", "x.xlsx", "--fixed-cost", "lots"], /--fixed-cost must be a number/],
    // What only a programmer would type is refused, never read as something else.
    [["event", "--out", "x.xlsx", "--attendees", "0x10"], /--attendees must be a number, got '0x10'/],
    [["event", "--out", "x.xlsx", "--fixed-cost", "1e3"], /--fixed-cost must be a number, got '1e3'/],
    [["event", "--out", "x.xlsx", "--fixed-cost", "1,5"], /groups of three digits/],
    [["event", "--out", "x.xlsx", "--bogus"], /unknown option '--bogus'/],
    [[], /which template/],
  ])("%j is refused with a clear message", async (args, message) => {
    expect(await run(args, ENGLISH)).toBe(2);
    expect(io.err).toMatch(message);
    expect(existsSync("x.xlsx")).toBe(false);
  });

  test("numbers are read as the task pane reads them: 53%, 1,500, full-width digits, 46万", async () => {
    const out = join(dir, "event-typed.xlsx");
    const code = await run(
      [
        "event",
        "--out",
        out,
        "--lang",
        "en-US",
        "--fixed-cost",
        "46万",
        "--variable-cost",
        "1，500",
        "--margin",
        "１００００",
        "--conversion-rate",
        " 50% ",
        "--attendees",
        "120",
      ],
      ENGLISH,
    );
    expect(code).toBe(0);
    const sheet = (await readXlsx(readFileSync(out))).sheets[0];
    expect(valueAt(sheet, "B5")).toBe(460000);
    expect(valueAt(sheet, "B6")).toBe(1500);
    expect(valueAt(sheet, "B7")).toBe(10000);
    expect(valueAt(sheet, "B8")).toBeCloseTo(0.5, 12);
  });

  test("errors are in the --lang language, whatever the environment says", async () => {
    expect(await run(["event", "--out", "x.xlsx", "--lang", "zh-CN", "--attendees", "0x10"], ENGLISH)).toBe(
      2,
    );
    expect(io.err).toContain("--attendees 须为数字，收到「0x10」");
    expect(io.err).toContain("用法：dealer-mkt template");
    expect(io.err).not.toMatch(/must be a number|Usage:/);
  });

  test("without --lang the environment decides, in POSIX order (LC_ALL, LC_MESSAGES, LANG)", async () => {
    expect(await run(["nope", "--out", "x.xlsx"], { LANG: "zh_CN.UTF-8" })).toBe(2);
    expect(io.err).toContain("未知模板「nope」");
    io.restore();
    io = capture();
    expect(await run(["nope", "--out", "x.xlsx"], { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe(2);
    expect(io.err).toContain("unknown template 'nope'");
    io.restore();
    io = capture();
    expect(await run(["nope", "--out", "x.xlsx"], { LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe(
      2,
    );
    expect(io.err).toContain("未知模板");
  });

  test("a range error names the flag the user typed, in Chinese with full-width punctuation", async () => {
    expect(
      await run(["event", "--out", "x.xlsx", "--conversion-rate", "150%"], { LANG: "zh_CN.UTF-8" }),
    ).toBe(2);
    expect(io.err).toContain("--conversion-rate：须为 0 到 1 之间的比率（例如 0.53 表示 53%）。");
    expect(existsSync("x.xlsx")).toBe(false);
  });

  test("the bin runs end to end", async () => {
    io.restore();
    const out = join(dir, "funnel.xlsx");
    const { stdout } = await exec("node_modules/.bin/tsx", [
      "src/cli/main.ts",
      "template",
      "funnel",
      "--out",
      out,
      "--lang",
      "en-US",
    ]);
    expect(stdout).toContain("Funnel tracker");
    expect((await readXlsx(readFileSync(out))).sheets[0].name).toBe("Funnel Tracker");
    io = capture();
  });
});
