/**
 * Recalculation in LibreOffice headless, the independent spreadsheet engine the proofs run against,
 * and reading its output back with @e965/xlsx, which keeps error cells as type "e".
 * A missing soffice throws: the tests that need it must fail, never skip.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import * as XLSX from "@e965/xlsx";

const run = promisify(execFile);

// LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load (and exceljs
// writes none); a fresh profile per call also keeps parallel runs from fighting over one profile's lock.
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
];

export function sofficePath(): string {
  for (const p of CANDIDATES) {
    if (existsSync(p)) return p;
  }
  throw new Error("LibreOffice (soffice) is not installed: run `bash tests/support/ensure-tools.sh`");
}

/**
 * Converts the files (.xlsx, .fods, .ods, .csv ...) to .xlsx in one soffice call (start-up dominates,
 * so batch when you can), recalculating on load, and returns the paths of the .xlsx files in outDir,
 * in the order of files. `infilter` is soffice's import filter with its options, for all the files
 * (e.g. "CSV:44,34,76,1" for UTF-8 comma-separated text).
 */
export async function convertToXlsx(
  files: readonly string[],
  outDir: string,
  options: { readonly infilter?: string } = {},
): Promise<string[]> {
  return convertFiles(files, outDir, "xlsx:Calc MS Excel 2007 XML", ".xlsx", options.infilter);
}

/**
 * Recalculates the files and exports them as PDF (page set-up, print titles, footers, charts as
 * LibreOffice prints them), in one soffice call; returns the PDFs' paths in the order of files.
 */
export async function pdfFiles(files: readonly string[], outDir: string): Promise<string[]> {
  return convertFiles(files, outDir, "pdf", ".pdf");
}

async function convertFiles(
  files: readonly string[],
  outDir: string,
  filter: string,
  ext: string,
  infilter?: string,
): Promise<string[]> {
  const soffice = sofficePath();
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    mkdirSync(outDir, { recursive: true });
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        ...(infilter ? [`--infilter=${infilter}`] : []),
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 240_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  // soffice exits 0 even when a conversion failed: the output file is the only proof.
  return files.map((f) => {
    const out = join(outDir, basename(f).replace(/\.[^.]+$/, ext));
    if (!existsSync(out)) throw new Error(`LibreOffice did not produce ${out}`);
    return out;
  });
}

/**
 * Recalculates the .xlsx files in one soffice call and returns the paths of the recalculated copies
 * in outDir, in the order of files.
 */
export async function recalcFiles(files: readonly string[], outDir: string): Promise<string[]> {
  return convertToXlsx(files, outDir);
}

/** Recalculates one workbook given as bytes and returns the recalculated workbook's bytes. */
export async function recalcBytes(bytes: Uint8Array, name = "book.xlsx"): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), "lo-work-"));
  try {
    const input = join(work, "in", basename(name));
    mkdirSync(join(work, "in"));
    writeFileSync(input, bytes);
    const [output] = await recalcFiles([input], join(work, "out"));
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The text of each page of a PDF (poppler's pdftotext, pages split at form feeds), in reading order
 * with the layout kept, so a footer's parts stay on one line. A missing pdftotext throws.
 */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: unknown) => {
    throw new Error(
      `pdftotext failed (is poppler-utils installed? run \`bash tests/support/ensure-tools.sh\`): ${String(e)}`,
    );
  });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

export function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "buffer", cellFormula: true });
}

export interface ErrorCell {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
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
