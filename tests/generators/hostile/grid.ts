// Cases about where cells are and how many there are: far sparse cells, names and dimensions over the
// whole grid, rows out of order, duplicated and implied addresses, and the big honest workbooks
// (1,000,000 rows, 100,000 shared strings) that must be read with cost growing with the cells present.
import { Deflate } from "fflate";
import { crc32 } from "../zip/crc32";
import type { Deflated } from "../zip/deflate-repeat";
import { zip } from "../zip/zip-writer";
import { book, bookEntries, sheetXml, sstXml, type SheetPart } from "../package";
import { baseOptions } from "./container";

/** A1 and XFD1048576, nothing between; the dimension says so too. */
export function sparseCorners(): Uint8Array {
  const rows =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>' +
    '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>';
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows, { dimension: "A1:XFD1048576" }) }] });
}

/** The base workbook with names over the whole grid, whole columns and all rows (one of them hidden). */
export function hugeNames(): Uint8Array {
  return book({
    ...baseOptions(),
    definedNames:
      '<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName>' +
      '<definedName name="AllRows" hidden="1">Sheet1!$1:$1048576</definedName>' +
      '<definedName name="Everything">Sheet1!$A$1:$XFD$1048576</definedName>' +
      '<definedName name="WholeColumns">Sheet1!$A:$XFD</definedName>',
  });
}

/** Three cells, but <dimension ref="A1:XFD1048576">. */
export function dimensionLie(): Uint8Array {
  const rows =
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c></row>';
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows, { dimension: "A1:XFD1048576" }) }] });
}

/** Rows 5, 2, 9 in that order, and C5 before A5 inside row 5 (the schema wants ascending order). */
export function rowsOutOfOrder(): Uint8Array {
  const rows =
    '<row r="5"><c r="C5"><v>53</v></c><c r="A5"><v>51</v></c></row>' +
    '<row r="2"><c r="A2"><v>21</v></c></row>' +
    '<row r="9"><c r="B9"><v>92</v></c></row>';
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** A1 given twice in row 1 (1, then 2), and row 3 given twice (B3 10; then B3 20 and C3 30). */
export function duplicateCells(): Uint8Array {
  const rows =
    '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>' +
    '<row r="3"><c r="B3"><v>10</v></c></row>' +
    '<row r="3"><c r="B3"><v>20</v></c><c r="C3"><v>30</v></c></row>';
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/**
 * Rows and cells without r (optional in the schema): a cell without r is the next column after the
 * previous cell of its row, a row without r the row after the previous row.
 */
export function impliedRefs(): Uint8Array {
  const rows =
    '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
    '<row><c t="inlineStr"><is><t>second</t></is></c></row>' +
    '<row r="5"><c><v>50</v></c></row>' +
    "<row><c/><c><v>62</v></c></row>";
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** Deflates text produced piece by piece with fflate's streaming Deflate, CRC on the way. */
export function deflateStream(pieces: Iterable<string>): Deflated {
  const out: Uint8Array[] = [];
  let outLen = 0;
  let size = 0;
  let crc = 0;
  const d = new Deflate({ level: 1 }, (chunk) => {
    out.push(chunk);
    outLen += chunk.length;
  });
  const enc = new TextEncoder();
  for (const p of pieces) {
    const b = enc.encode(p);
    crc = crc32(b, crc);
    size += b.length;
    d.push(b);
  }
  d.push(new Uint8Array(0), true);
  const compressed = new Uint8Array(outLen);
  let off = 0;
  for (const c of out) {
    compressed.set(c, off);
    off += c.length;
  }
  return { compressed, size, crc };
}

export const MILLION = 1_000_000;

/** Rows 1..1,000,000, each `<row r="N"><c r="AN"><v>N mod 10</v></c></row>` (48.8 MB inflated). */
export function* millionRows(): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  yield `<dimension ref="A1:A${MILLION}"/><sheetData>`;
  const batch: string[] = [];
  for (let r = 1; r <= MILLION; r++) {
    batch.push(`<row r="${r}"><c r="A${r}"><v>${r % 10}</v></c></row>`);
    if (batch.length === 10000) {
      yield batch.join("");
      batch.length = 0;
    }
  }
  yield batch.join("");
  yield "</sheetData></worksheet>";
}

/** One sheet of 1,000,000 rows (or two such sheets: 97.6 MB inflated, ~5 MB on disk). */
export function rowsMillion(sheets: 1 | 2 = 1): Uint8Array {
  const part = deflateStream(millionRows());
  const defs: SheetPart[] = Array.from({ length: sheets }, (_, i) => ({ name: `Rows${i + 1}`, xml: "" }));
  return zip(
    bookEntries({ sheets: defs }).map((e) =>
      /^xl\/worksheets\/sheet\d\.xml$/.test(String(e.name)) ? { name: e.name, deflated: part } : e,
    ),
  );
}

export const rowsMillionTwoSheets = (): Uint8Array => rowsMillion(2);

export const SST_COUNT = 100_000;

export function sstText(i: number): string {
  return `Item ${String(i).padStart(6, "0")}`;
}

/** 100,000 distinct shared strings, A1:A100000 using each once (string i-1 in row i). */
export function sharedStrings100k(): Uint8Array {
  const strings = Array.from({ length: SST_COUNT }, (_, i) => sstText(i + 1));
  const rows: string[] = [];
  for (let r = 1; r <= SST_COUNT; r++)
    rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${r - 1}</v></c></row>`);
  return book({
    sheets: [{ name: "Strings", xml: sheetXml(rows.join("")) }],
    sharedStrings: sstXml(strings),
  });
}
