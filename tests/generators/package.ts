// The smallest honest SpreadsheetML package (content types, relationships, workbook, styles, sheets),
// as ZIP entries a hostile case can then bend: swap one part, add an entry, change a path. Written by
// hand from ECMA-376 Part 1 (§12.2, §18.2) and Part 2 (OPC), not from any reader of this project.
// Text given to these helpers is already XML (escaped by hand), so no fixture depends on the
// product's own escape.
import { zip, type ZipEntry, type ZipOptions } from "./zip/zip-writer";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL = {
  officeDocument: `${NS.r}/officeDocument`,
  worksheet: `${NS.r}/worksheet`,
  sharedStrings: `${NS.r}/sharedStrings`,
  styles: `${NS.r}/styles`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
} as const;

export const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  vba: "application/vnd.ms-office.vbaProject",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const enc = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return enc.encode(s);
}

/**
 * Cell styles by index: 0 General, 1 built-in date (numFmtId 14), 2 "yyyy-mm-dd" (164),
 * 3 percent "0%" (9), 4 bold.
 */
export const STYLES = `${XML_DECL}<styleSheet xmlns="${NS.main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface SheetPart {
  readonly name: string;
  /** The whole part (UTF-8 text, or bytes in another encoding). */
  readonly xml: string | Uint8Array;
  /** Part name inside the package; default xl/worksheets/sheetN.xml. */
  readonly path?: string;
  readonly state?: "hidden" | "veryHidden";
}

export interface BookOptions {
  readonly sheets: readonly SheetPart[];
  readonly sharedStrings?: string | Uint8Array;
  readonly sharedStringsPath?: string;
  /** Inner XML of <definedNames>. */
  readonly definedNames?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  readonly workbookPr?: string;
  /** Replaces the generated workbook.xml (then sheets only give paths and parts). */
  readonly workbookXml?: string | Uint8Array;
  /** Replaces the generated xl/_rels/workbook.xml.rels. */
  readonly workbookRels?: string | Uint8Array;
  readonly rootRels?: string | Uint8Array;
  readonly contentTypes?: string | Uint8Array;
  /** Relationship targets as absolute part names (/xl/worksheets/…) instead of relative ones. */
  readonly absoluteTargets?: boolean;
  /** The workbook's content type; macro-enabled for an .xlsm. */
  readonly macro?: boolean;
  /** More entries, written after the package's own. */
  readonly extra?: readonly ZipEntry[];
  /** Changes an entry of the package before it is written (lying sizes, flags …). */
  readonly bend?: (e: ZipEntry) => ZipEntry;
  readonly zipOptions?: ZipOptions;
}

export function sheetPath(s: SheetPart, i: number): string {
  return s.path ?? `xl/worksheets/sheet${i + 1}.xml`;
}

/** A worksheet part around sheetData rows; `before` goes ahead of sheetData, `after` after it. */
export function sheetXml(
  rows: string,
  o: { dimension?: string; before?: string; after?: string } = {},
): string {
  const dim = o.dimension ? `<dimension ref="${o.dimension}"/>` : "";
  return `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">${dim}${o.before ?? ""}<sheetData>${rows}</sheetData>${o.after ?? ""}</worksheet>`;
}

/** A shared string table from strings already in XML form (&amp; for &, &lt; for <). */
export function sstXml(strings: readonly string[]): string {
  const items = strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("");
  return `${XML_DECL}<sst xmlns="${NS.main}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

export function workbookXml(o: BookOptions): string {
  const sheets = o.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const names = o.definedNames ? `<definedNames>${o.definedNames}</definedNames>` : "";
  return `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><workbookPr ${o.workbookPr ?? ""}/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${names}</workbook>`;
}

function target(path: string, absolute: boolean | undefined): string {
  return absolute ? `/${path}` : path.replace(/^xl\//, "");
}

export function bookEntries(o: BookOptions): ZipEntry[] {
  const n = o.sheets.length;
  const sstPath = o.sharedStringsPath ?? "xl/sharedStrings.xml";
  const rels: string[] = o.sheets.map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL.worksheet}" Target="${target(sheetPath(s, i), o.absoluteTargets)}"/>`,
  );
  rels.push(
    `<Relationship Id="rId${n + 1}" Type="${REL.styles}" Target="${target("xl/styles.xml", o.absoluteTargets)}"/>`,
  );
  if (o.sharedStrings !== undefined) {
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="${REL.sharedStrings}" Target="${target(sstPath, o.absoluteTargets)}"/>`,
    );
  }
  if (o.macro) {
    rels.push(
      `<Relationship Id="rId${n + 3}" Type="${REL.vbaProject}" Target="${target("xl/vbaProject.bin", o.absoluteTargets)}"/>`,
    );
  }
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${o.macro ? CT.workbookMacro : CT.workbook}"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>`,
    ...o.sheets.map((s, i) => `<Override PartName="/${sheetPath(s, i)}" ContentType="${CT.worksheet}"/>`),
    ...(o.sharedStrings !== undefined
      ? [`<Override PartName="/${sstPath}" ContentType="${CT.sharedStrings}"/>`]
      : []),
  ].join("");
  const defaults =
    `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
    (o.macro ? `<Default Extension="bin" ContentType="${CT.vba}"/>` : "");
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: bytes(o.contentTypes ?? `${XML_DECL}<Types xmlns="${NS.types}">${defaults}${overrides}</Types>`),
    },
    {
      name: "_rels/.rels",
      data: bytes(
        o.rootRels ??
          `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: "xl/workbook.xml", data: bytes(o.workbookXml ?? workbookXml(o)) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: bytes(
        o.workbookRels ?? `${XML_DECL}<Relationships xmlns="${NS.rels}">${rels.join("")}</Relationships>`,
      ),
    },
    { name: "xl/styles.xml", data: utf8(STYLES) },
    ...o.sheets.map((s, i) => ({ name: sheetPath(s, i), data: bytes(s.xml) })),
  ];
  if (o.sharedStrings !== undefined) entries.push({ name: sstPath, data: bytes(o.sharedStrings) });
  const bent = o.bend ? entries.map(o.bend) : entries;
  return [...bent, ...(o.extra ?? [])];
}

export function bytes(x: string | Uint8Array): Uint8Array {
  return typeof x === "string" ? utf8(x) : x;
}

/** The package as .xlsx bytes. */
export function book(o: BookOptions): Uint8Array {
  return zip(bookEntries(o), o.zipOptions);
}

/** One sheet named Sheet1 from sheetData rows. */
export function oneSheet(rows: string, extra: Omit<BookOptions, "sheets"> = {}): Uint8Array {
  return book({ ...extra, sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}
