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
    expect(await run(["budget", "--out", out])).toBe(1);
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
    [["event", "--out", "x.xlsx", "--conversion-rate", "1.5"], /event.conversionRate: Must be a rate/],
    [["event", "--out", "x.xlsx", "--fixed-cost", "lots"], /--fixed-cost must be a number/],
    [["event", "--out", "x.xlsx", "--bogus"], /unknown option '--bogus'/],
    [[], /which template/],
  ])("%j is refused with a clear message", async (args, message) => {
    expect(await run(args)).toBe(2);
    expect(io.err).toMatch(message);
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
