// Corpus plans written by LibreOffice: the .fods and .csv sources in tests/generators/corpus/lo/
// (made from the .plan files by plan_corpus.py) converted to .xlsx by soffice headless, one fresh
// profile per call (tests/support/soffice.ts), so the reader meets LibreOffice's way of writing
// styles, merges and numbers.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { convertToXlsx } from "../../support/soffice";

export const LO_DIR = join(__dirname, "lo");

function sources(ext: string): string[] {
  return readdirSync(LO_DIR)
    .filter((n) => n.endsWith(ext))
    .sort()
    .map((n) => join(LO_DIR, n));
}

/** Converts every source into outDir and returns the .xlsx paths. */
export async function convertLibreOfficePlans(outDir: string): Promise<string[]> {
  // The CSV filter's options apply to every file of a call: UTF-8 text (76), comma-separated,
  // double quotes, from line 1; the .fods files need none, so they go in a call of their own.
  const fods = await convertToXlsx(sources(".fods"), outDir);
  const csv = await convertToXlsx(sources(".csv"), outDir, { infilter: "CSV:44,34,76,1" });
  return [...fods, ...csv];
}
