/**
 * The built command line (dist/cli/dealer-mkt.js, from `npm run build`) as a child process under
 * `node --max-old-space-size=512`: a path whose cost is unbounded aborts that child (a heap abort,
 * a signal) and fails its test instead of taking the machine or the test runner down with it.
 * A small pool keeps two children at a time (the machine's two cores).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "cli", "dealer-mkt.js");

export interface CliRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Throws (the test fails) when the build is missing: never a skip. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** One run of dealer-mkt with the heap capped at 512 MB, LANG pinned so --lang decides the language. */
export function runCli(args: readonly string[], timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--max-old-space-size=512", CLI, ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LANG: "C", LC_ALL: "", LC_MESSAGES: "" },
      },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: string | null }) | null;
        const code = e ? (typeof e.code === "number" ? e.code : null) : 0;
        resolve({ args, code, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** Runs every job, `width` at a time, keeping the order of `jobs` in the result. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], width = 2): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return out;
}

/** What a crash leaves on stderr: a V8 heap abort, a JavaScript stack trace, an uncaught error. */
export function crashSigns(r: CliRun): string[] {
  const signs: string[] = [];
  if (r.signal) signs.push(`killed by ${r.signal}`);
  if (r.code === null && !r.signal) signs.push("no exit code");
  if (r.code === 134 || r.code === 137) signs.push(`exit ${r.code}`);
  if (/FATAL ERROR|heap out of memory|Allocation failed/i.test(r.stderr)) signs.push("heap abort");
  if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(r.stderr)) signs.push("stack trace");
  if (/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Invalid string length/.test(r.stderr))
    signs.push("raw JavaScript error");
  return signs;
}
