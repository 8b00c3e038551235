/**
 * Recipients' edits as a real engine makes them: LibreOffice headless over UNO
 * (tests/support/recipient_uno.py, Debian's python3-uno) edits a workbook and saves it back as
 * .xlsx ("Calc MS Excel 2007 XML"). LibreOffice can exit 0 without writing anything, so every call
 * checks that the output exists and differs from the input. A missing tool throws: tests fail.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PYTHON = "/usr/bin/python3"; // Debian's: the pyenv python3 on PATH has no uno module
const SCRIPT = join(__dirname, "recipient_uno.py");

export type RecipientOp =
  | { readonly op: "set"; readonly sheet: string; readonly cell: string; readonly value: number | string }
  | { readonly op: "insertRows"; readonly sheet: string; readonly row: number; readonly count?: number }
  | { readonly op: "insertColumns"; readonly sheet: string; readonly column: string; readonly count?: number }
  | { readonly op: "deleteRows"; readonly sheet: string; readonly row: number; readonly count?: number }
  | { readonly op: "renameSheet"; readonly sheet: string; readonly to: string };

/** Applies the edits in order in LibreOffice and returns the saved .xlsx bytes. */
export async function editInLibreOffice(
  bytes: Uint8Array,
  ops: readonly RecipientOp[],
  name = "book.xlsx",
): Promise<Buffer> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run bash tests/support/ensure-tools.sh`);
  const work = mkdtempSync(join(tmpdir(), "recipient-"));
  try {
    const input = join(work, name);
    const output = join(work, "edited.xlsx");
    const opsFile = join(work, "ops.json");
    writeFileSync(input, bytes);
    writeFileSync(opsFile, JSON.stringify(ops));
    await run(PYTHON, [SCRIPT, input, output, opsFile], { timeout: 240_000 });
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no output for ${JSON.stringify(ops)}`);
    const out = readFileSync(output);
    if (out.length === 0 || Buffer.compare(out, Buffer.from(bytes)) === 0) {
      throw new Error("LibreOffice's output is empty or the input unchanged");
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const setCell = (
  bytes: Uint8Array,
  sheet: string,
  cell: string,
  value: number | string,
): Promise<Buffer> => editInLibreOffice(bytes, [{ op: "set", sheet, cell, value }]);

/** Inserts `count` rows so that the first new row is `row` (1-based). */
export const insertRows = (bytes: Uint8Array, sheet: string, row: number, count = 1): Promise<Buffer> =>
  editInLibreOffice(bytes, [{ op: "insertRows", sheet, row, count }]);

export const insertColumns = (bytes: Uint8Array, sheet: string, column: string, count = 1): Promise<Buffer> =>
  editInLibreOffice(bytes, [{ op: "insertColumns", sheet, column, count }]);

export const deleteRows = (bytes: Uint8Array, sheet: string, row: number, count = 1): Promise<Buffer> =>
  editInLibreOffice(bytes, [{ op: "deleteRows", sheet, row, count }]);

export const renameSheet = (bytes: Uint8Array, sheet: string, to: string): Promise<Buffer> =>
  editInLibreOffice(bytes, [{ op: "renameSheet", sheet, to }]);

/** Opens and saves again, editing nothing (what LibreOffice changes on its own). */
export const resave = (bytes: Uint8Array, name = "book.xlsx"): Promise<Buffer> =>
  editInLibreOffice(bytes, [], name);
