// Templates: Office.js sync budget per template (through the strict Excel double) and the time to
// build each spec and write it to .xlsx. Prints figures; asserts nothing.
import { createExcelDouble } from "../tests/support/excel-double";
import { buildTemplate, templateKinds } from "../src/templates";
import { LANGS } from "../src/core/lang";
import { flattenCells } from "../src/templates/spec";
import { OfficeWorkbook } from "../src/workbook/office";
import { readXlsx, templateToXlsx } from "../src/workbook/xlsx";

const SYNC_BUDGET = 3;

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function bench(): Promise<void> {
  console.log(
    "template        cells  syncs(budget 3)  office batch ops  build ms  write .xlsx ms  read .xlsx ms  .xlsx KB",
  );
  for (const k of templateKinds) {
    for (const lang of LANGS) {
      const spec = buildTemplate(k.kind, { lang });
      const cells = spec.sheets.reduce((n, s) => n + flattenCells(s).size, 0);
      const excel = createExcelDouble({ sheets: ["Sheet1"] });
      await new OfficeWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported }).writeTemplate(spec);
      const build = await median(9, async () => buildTemplate(k.kind, { lang }));
      let bytes: Uint8Array = new Uint8Array();
      const write = await median(5, async () => (bytes = await templateToXlsx(spec)));
      const read = await median(5, () => readXlsx(bytes));
      const flag = excel.syncs <= SYNC_BUDGET ? "" : "  OVER BUDGET";
      console.log(
        `${`${k.kind} ${lang}`.padEnd(15)} ${String(cells).padStart(5)}  ${String(excel.syncs).padStart(15)}  ${String(excel.writes).padStart(16)}  ${build.toFixed(2).padStart(8)}  ${write.toFixed(1).padStart(14)}  ${read.toFixed(1).padStart(13)}  ${(bytes.byteLength / 1024).toFixed(1).padStart(8)}${flag}`,
      );
    }
  }
}
