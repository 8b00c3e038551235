// The package layer's cost on hostile and large inputs (issue 9): `dealer-mkt score` and `share` of
// the built CLI (dist/cli, `npm run build`) as child processes under /usr/bin/time -v, which reports
// the child's peak resident memory. The inputs are made here from tests/generators/hostile into a
// temporary folder: a sparse workbook (A1 and XFD1048576), 1,000,000 rows, 100,000 shared strings,
// and a 1 GiB bomb with honest and with lying (2,000 bytes) sizes. Prints a table; asserts nothing.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bomb1GB, bombDeclaredSmall, MB } from "../tests/generators/hostile/bombs";
import { rowsMillion, sharedStrings100k, sparseCorners } from "../tests/generators/hostile/grid";

const CLI = path.join(__dirname, "..", "dist", "cli", "dealer-mkt.js");
const TIME = "/usr/bin/time";

interface Input {
  readonly name: string;
  readonly make: () => Uint8Array;
  /** Targets: seconds and peak MB; `refused` when the right answer is a refusal. */
  readonly seconds: number;
  readonly mb: number;
  readonly refused: boolean;
}

const INPUTS: readonly Input[] = [
  { name: "sparse A1 + XFD1048576", make: sparseCorners, seconds: 1, mb: 150, refused: false },
  { name: "1,000,000 rows", make: () => rowsMillion(1), seconds: 15, mb: 1024, refused: false },
  { name: "100,000 shared strings", make: sharedStrings100k, seconds: 15, mb: 1024, refused: false },
  { name: "1 GiB bomb, honest sizes", make: bomb1GB, seconds: 1, mb: 150, refused: true },
  {
    name: "1 GiB bomb, lying sizes",
    make: () => bombDeclaredSmall(1024 * MB),
    seconds: 1,
    mb: 150,
    refused: true,
  },
];

interface Measure {
  readonly code: number;
  readonly seconds: number;
  readonly mb: number;
  readonly stderr: string;
}

function measure(args: readonly string[]): Promise<Measure> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    execFile(
      TIME,
      ["-v", process.execPath, CLI, ...args],
      { encoding: "utf8", maxBuffer: 64 * MB, env: { ...process.env, LANG: "C" } },
      (err, _stdout, stderr) => {
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        const own = stderr.split("\n").filter((l) => l.startsWith("dealer-mkt"));
        resolve({ code, seconds, mb: kb / 1024, stderr: own.join(" | ") });
      },
    );
  });
}

export async function bench(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing (Debian package "time")`);
  const dir = await mkdtemp(path.join(tmpdir(), "files-bench-"));
  try {
    const rows: string[][] = [["input", "file", "command", "exit", "time", "peak RSS", "target", ""]];
    for (const [i, input] of INPUTS.entries()) {
      const file = path.join(dir, `in-${i}.xlsx`);
      const bytes = input.make();
      await writeFile(file, bytes);
      for (const command of ["score", "share"] as const) {
        const args =
          command === "score"
            ? ["score", file, "--lang", "en-US"]
            : ["share", file, "--out", path.join(dir, `out-${i}.xlsx`), "--lang", "en-US"];
        const m = await measure(args);
        const answered = input.refused ? m.code === 1 && m.stderr !== "" : m.code === 0;
        const met = answered && m.seconds < input.seconds && m.mb < input.mb;
        rows.push([
          input.name,
          `${(bytes.length / MB).toFixed(1)} MB`,
          command,
          String(m.code),
          `${m.seconds.toFixed(2)} s`,
          `${m.mb.toFixed(0)} MB`,
          `< ${input.seconds} s, < ${input.mb} MB${input.refused ? ", refused" : ""}`,
          met ? "met" : `MISSED${answered ? "" : ` (${m.stderr || "wrong answer"})`}`,
        ]);
      }
    }
    const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
    for (const r of rows)
      console.log(
        r
          .map((c, j) => c.padEnd(widths[j]))
          .join("  ")
          .trimEnd(),
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
