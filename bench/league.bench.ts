// 200 plans scored and the league workbook written, through the same path as
// `dealer-mkt score FILES... --report league.xlsx` (ranking, chart, one sheet per plan).
// Target: under 10 s.
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { OutputGuard } from "../src/cli/files";
import { scoreFiles, toBatch } from "../src/cli/score";
import { leagueWorkbook } from "../src/scoring/league";
import { templateToXlsx } from "../src/workbook/xlsx";
import { benchWorkbook } from "../tests/generators/plan-fixtures";

const COUNT = 200;
const TARGET_S = 10;

export async function bench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "league-bench-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const f = path.join(dir, `plan-${String(i).padStart(3, "0")}.xlsx`);
      await writeFile(f, await benchWorkbook(i));
      files.push(f);
    }
    const report = path.join(dir, "league.xlsx");
    const t0 = performance.now();
    const guard = new OutputGuard({ force: false, protect: files });
    const results = await scoreFiles(files, { lang: "zh-CN", guard });
    const t1 = performance.now();
    const spec = leagueWorkbook(toBatch(results), "zh-CN");
    guard.write(report, await templateToXlsx(spec));
    const t2 = performance.now();
    const s = (t2 - t0) / 1000;
    const size = (await stat(report)).size;
    console.log(
      `score ${COUNT} plans + league report: ${s.toFixed(2)} s (scoring ${((t1 - t0) / 1000).toFixed(2)} s, ` +
        `report ${((t2 - t1) / 1000).toFixed(2)} s, ${spec.sheets.length} sheets, ${(size / 1024).toFixed(0)} KB), ` +
        `target < ${TARGET_S} s: ${s < TARGET_S ? "met" : "MISSED"}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
