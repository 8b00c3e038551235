// Scores 200 plan workbooks (a mix of template plans and self-made Chinese and English plans) through
// the same path as `dealer-mkt score`, including the scored copies. Target: under 20 s.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatTable, scoreFiles } from "../src/cli/score";
import { benchWorkbook } from "../tests/generators/plan-fixtures";

const COUNT = 200;
const TARGET_S = 20;

export async function bench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "score-bench-"));
  try {
    const files: string[] = [];
    const g0 = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const f = path.join(dir, `plan-${String(i).padStart(3, "0")}.xlsx`);
      await writeFile(f, await benchWorkbook(i));
      files.push(f);
    }
    const g1 = performance.now();
    console.log(`generated ${COUNT} plan workbooks in ${((g1 - g0) / 1000).toFixed(2)} s (not counted)`);

    const t0 = performance.now();
    const results = await scoreFiles(files, { lang: "zh-CN" });
    formatTable(results, "zh-CN");
    const t1 = performance.now();
    // The command line makes the --out folder before scoring (src/cli/score.ts run); so does the bench.
    await mkdir(path.join(dir, "out"));
    const withCopies = await scoreFiles(files, { lang: "zh-CN", out: path.join(dir, "out") });
    const t2 = performance.now();

    const failed = [...results, ...withCopies].filter((r) => !r.ok || r.error).length;
    const first = [...results, ...withCopies].find((r) => !r.ok || r.error);
    if (first) console.log(`first failure: ${first.file}: ${first.error?.message["en-US"]}`);
    const totals = results.map((r) => r.score?.total ?? 0);
    const s1 = (t1 - t0) / 1000;
    const s2 = (t2 - t1) / 1000;
    console.log(
      `score ${COUNT} workbooks: ${s1.toFixed(2)} s (${((s1 * 1000) / COUNT).toFixed(1)} ms each), target < ${TARGET_S} s: ${s1 < TARGET_S ? "met" : "MISSED"}`,
    );
    console.log(
      `score ${COUNT} workbooks and write scored copies (--out): ${s2.toFixed(2)} s, target < ${TARGET_S} s: ${s2 < TARGET_S ? "met" : "MISSED"}`,
    );
    console.log(`totals: min ${Math.min(...totals)}, max ${Math.max(...totals)}; failed: ${failed}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
