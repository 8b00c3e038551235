// Recalculates an .xlsx in LibreOffice headless (an independent spreadsheet engine) and reads the
// result back with @e965/xlsx, which keeps error cells as type "e".
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import * as XLSX from "@e965/xlsx";

const run = promisify(execFile);
export const SOFFICE = "/usr/bin/soffice";

// OOXMLRecalcMode 0 = always recalculate on load; otherwise LibreOffice shows the cached values (and
// exceljs writes none).
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Returns the recalculated workbook's bytes. Throws when soffice is missing or writes nothing. */
export async function recalc(bytes: Uint8Array, name = "book.xlsx"): Promise<Buffer> {
  if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run scripts/ensure-tools.sh`);
  const work = mkdtempSync(join(tmpdir(), "pane-lo-"));
  try {
    const profile = join(work, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    const inDir = join(work, "in");
    const outDir = join(work, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    const input = join(inDir, basename(name));
    writeFileSync(input, bytes);
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        input,
      ],
      { timeout: 120_000 },
    );
    // soffice exits 0 even when it converted nothing: the output file is the only proof.
    const output = join(outDir, basename(name));
    if (!existsSync(output)) throw new Error(`LibreOffice produced no output for ${name}`);
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface ErrorCell {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
}

export function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "buffer", cellFormula: true });
}

/** Every cell holding an error value (#DIV/0!, #NAME?, #VALUE! …) in any sheet. */
export function errorCells(book: XLSX.WorkBook): ErrorCell[] {
  const out: ErrorCell[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    for (const [cell, value] of Object.entries(sheet)) {
      if (cell.startsWith("!")) continue;
      const c = value as XLSX.CellObject;
      if (c.t === "e") out.push({ sheet: name, cell, value: String(c.w ?? c.v) });
    }
  }
  return out;
}

export function formulaCount(book: XLSX.WorkBook): number {
  let n = 0;
  for (const name of book.SheetNames) {
    for (const [cell, value] of Object.entries(book.Sheets[name])) {
      if (!cell.startsWith("!") && (value as XLSX.CellObject).f) n++;
    }
  }
  return n;
}
