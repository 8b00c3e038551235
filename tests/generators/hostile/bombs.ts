// Zip bombs: parts that really inflate past the limits (honest sizes), and parts whose declared sizes
// lie. The big ones are deflated by deflateRepeat, so a gigabyte is never held in memory: the
// generator writes ~6 MB, and a reader that checks while inflating stops after its limit.
import { deflateRepeat, type Deflated } from "../zip/deflate-repeat";
import { zip, type ZipEntry } from "../zip/zip-writer";
import { book, bookEntries, NS, utf8, XML_DECL, type BookOptions } from "../package";
import { baseOptions } from "./container";

export const MB = 1024 * 1024;

const SHEET_HEAD = utf8(`${XML_DECL}<worksheet xmlns="${NS.main}"><sheetData>`);
const SHEET_TAIL = utf8("</sheetData></worksheet>");

/** One row without r (so every repetition is the next row) holding one inline string, `bytes` long. */
export function repeatedRow(bytes: number): Uint8Array {
  const open = '<row><c t="inlineStr"><is><t>';
  const close = "</t></is></c></row>";
  return utf8(open + "x".repeat(bytes - open.length - close.length) + close);
}

/** How many rows of `rowBytes` make a worksheet part of at least `bytes`. */
export function bombSheetRows(bytes: number, rowBytes = 1806): number {
  return Math.ceil((bytes - SHEET_HEAD.length - SHEET_TAIL.length) / rowBytes);
}

/** The text of each row's one inline string in a bomb sheet of `rowBytes` rows. */
export const bombRowText = (rowBytes = 1806): string =>
  "x".repeat(rowBytes - '<row><c t="inlineStr"><is><t>'.length - "</t></is></c></row>".length);

/** A worksheet part that inflates to at least `bytes`: rows of `rowBytes` repeated. */
export function bombSheet(bytes: number, rowBytes = 1806): Deflated {
  return deflateRepeat(SHEET_HEAD, repeatedRow(rowBytes), bombSheetRows(bytes, rowBytes), SHEET_TAIL);
}

function withSheets(parts: readonly Deflated[], extra: Partial<BookOptions> = {}): ZipEntry[] {
  const sheets = parts.map((_, i) => ({ name: `Sheet${i + 1}`, xml: "" }));
  return bookEntries({ ...extra, sheets }).map((e) => {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(String(e.name));
    return m ? { name: e.name, deflated: parts[Number(m[1]) - 1] } : e;
  });
}

/** 60 MB of one repeated row (34,000 rows of an 1,806-character string), sizes declared honestly. */
export function bombHonest60MB(): Uint8Array {
  return zip(withSheets([bombSheet(60 * MB)]));
}

/** A 1 GiB worksheet (~594,000 rows), honest sizes; the file is ~6 MB. */
export function bomb1GB(): Uint8Array {
  return zip(withSheets([bombSheet(1024 * MB)]));
}

/** Three sheets of 200 MB each, honest: each under the 256 MB part limit, 600 MB in all (limit 512 MB). */
export function bombManyParts(): Uint8Array {
  const s = bombSheet(200 * MB);
  return zip(withSheets([s, s, s]));
}

/** A 60 MB shared string table (one string repeated), honest sizes; the sheet uses string 0. */
export function bombSharedStrings(): Uint8Array {
  const unit = utf8(`<si><t>${"y".repeat(1790)}</t></si>`);
  const head = utf8(`${XML_DECL}<sst xmlns="${NS.main}">`);
  const sst = deflateRepeat(head, unit, Math.ceil((60 * MB) / unit.length), utf8("</sst>"));
  const options: BookOptions = {
    sheets: [
      {
        name: "Sheet1",
        xml: `${XML_DECL}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      },
    ],
    sharedStrings: "",
  };
  return zip(
    bookEntries(options).map((e) =>
      e.name === "xl/sharedStrings.xml" ? { name: e.name, deflated: sst } : e,
    ),
  );
}

/**
 * The base workbook plus xl/media/image1.png inflating to 300 MB of zeros (honest sizes, ~300 KB
 * compressed; past the 256 MB part limit), a part no reader of cells needs.
 */
export function bombUnusedPart(): Uint8Array {
  const zeros = deflateRepeat(new Uint8Array(0), new Uint8Array(1), 300 * MB, new Uint8Array(0));
  return book({ ...baseOptions(), extra: [{ name: "xl/media/image1.png", deflated: zeros }] });
}

/** The sheet inflates to `bytes` (120 MB), but both headers declare 2,000 bytes (CRC true). */
export function bombDeclaredSmall(bytes = 120 * MB): Uint8Array {
  return zip(
    withSheets([bombSheet(bytes)]).map((e) =>
      /sheet1\.xml$/.test(String(e.name)) ? { ...e, local: { size: 2000 }, central: { size: 2000 } } : e,
    ),
  );
}

/** The base workbook whose sheet declares 4,294,967,280 bytes in both headers; it inflates to ~300. */
export function bombDeclaredHuge(): Uint8Array {
  return book({
    ...baseOptions(),
    bend: (e) =>
      e.name === "xl/worksheets/sheet1.xml"
        ? { ...e, local: { size: 0xfffffff0 }, central: { size: 0xfffffff0 } }
        : e,
  });
}

/**
 * The sheet's local header declares 100 MB uncompressed, its central directory the true size:
 * a reader going by one record and a reader going by the other disagree.
 */
export function sizeMismatch(): Uint8Array {
  return book({
    ...baseOptions(),
    bend: (e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, local: { size: 100 * MB } } : e),
  });
}
