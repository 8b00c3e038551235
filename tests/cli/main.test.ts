// The dispatcher speaks the user's language: --lang, else LC_ALL, LC_MESSAGES, LANG in that order.
import { spawnSync } from "node:child_process";

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync("node_modules/.bin/tsx", ["src/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dealer-mkt without a command", () => {
  test("prints the usage in Chinese under a Chinese locale, every command with --force where it writes", () => {
    const r = run(["--help"], { LANG: "zh_CN.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法：/);
    expect(r.out).toContain("--report LEAGUE.xlsx");
    expect(r.out.split("\n").filter((l) => l.includes("--out") && !l.includes("--force"))).toEqual([]);
  });

  test("LC_ALL comes before LANG, and --lang before both", () => {
    expect(run(["--help"], { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }).out).toMatch(/^Usage:/);
    expect(run(["--help", "--lang", "zh-CN"], { LC_ALL: "en_US.UTF-8" }).out).toMatch(/^用法：/);
  });

  test("an unknown command is named, escaped, in the user's language, with exit code 2", () => {
    const r = run(["sc\u001b[2Jore"], { LANG: "zh_CN.UTF-8" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有「");
    expect(r.err).not.toContain("\u001b");
  });
});
