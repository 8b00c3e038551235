// Adds one sheet to an existing .xlsx by editing its zip parts, instead of loading and re-saving the
// whole workbook with exceljs: exceljs drops charts, pivot tables, images and much formatting it does
// not model, and a regional manager's scored copy must still be the dealer's workbook. Only
// [Content_Types].xml, xl/workbook.xml and its rels are changed, and styles.xml gets the scorecard's
// own looks appended (existing style indexes stay valid); everything else is carried over as is.
import JSZip from "jszip";
import { cellAddress, parseCell, rangeCells } from "../core/a1";
import {
  flattenCells,
  isFormula,
  type SheetSpec,
  type StyleName,
  type ValidationRule,
} from "../templates/spec";
import { looks, type Look } from "../workbook/looks";
import { uniqueSheetName } from "../workbook/plan";
import { decodeXml } from "../workbook/xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** XML 1.0 cannot hold most control characters at all, not even escaped; drop them. */
function xmlSafe(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

function esc(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function validationXml(range: string, rule: ValidationRule, error: string): string {
  const sqref = range.replace(/\$/g, "");
  const msg = `allowBlank="1" showErrorMessage="1" error="${esc(error)}" sqref="${sqref}"`;
  switch (rule.type) {
    case "decimal":
    case "whole":
      return rule.max === undefined
        ? `<dataValidation type="${rule.type}" operator="greaterThanOrEqual" ${msg}><formula1>${rule.min}</formula1></dataValidation>`
        : `<dataValidation type="${rule.type}" operator="between" ${msg}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
    case "date":
      return `<dataValidation type="date" operator="greaterThanOrEqual" ${msg}><formula1>1</formula1></dataValidation>`;
    case "list":
      return `<dataValidation type="list" ${msg}><formula1>"${esc(rule.values.join(","))}"</formula1></dataValidation>`;
  }
}

/** Cell address -> style index in styles.xml's cellXfs, for the cells that have a look. */
export type StyleOf = (address: string) => number | undefined;

/** Percent formats map to Excel's built-in 0.00% (id 10), so no custom number format is needed. */
function numFmtId(format: string | undefined): number {
  if (format === undefined) return 0;
  if (format.endsWith("%")) return 10;
  if (format === "0.0" || format === "0.00") return 2;
  return 0;
}

function fontXml(look: Look): string {
  return (
    `<font>${look.bold ? "<b/>" : ""}${look.italic ? "<i/>" : ""}<sz val="${look.size ?? 11}"/>` +
    `${look.fontColor ? `<color rgb="FF${look.fontColor}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/></font>`
  );
}

/** Appends children before a block's closing tag and returns the index of the first one appended. */
function appendTo(
  xml: string,
  tag: string,
  child: string,
  items: readonly string[],
): { xml: string; first: number } | null {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return null;
  const first = (m[1].match(new RegExp(`<${child}[\\s>/]`, "g")) ?? []).length;
  const count = first + items.length;
  const open = m[0].slice(0, m[0].indexOf(">") + 1);
  const newOpen = /\bcount="\d+"/.test(open) ? open.replace(/\bcount="\d+"/, `count="${count}"`) : open;
  const block = `${newOpen}${m[1]}${items.join("")}</${tag}>`;
  return { xml: xml.slice(0, m.index) + block + xml.slice(m.index + m[0].length), first };
}

/**
 * Adds the scorecard's looks (the same as the templates', src/workbook/looks.ts) to styles.xml:
 * one font, fill and cell format per look and number format. Returns null, and the sheet stays
 * unstyled, when styles.xml is not laid out as expected, rather than risk a workbook Excel must repair.
 */
export function addSheetStyles(
  stylesXml: string,
  sheet: SheetSpec,
): { xml: string; styleOf: StyleOf } | null {
  const lookOf = new Map<string, StyleName>();
  for (const r of sheet.styles) for (const a of rangeCells(r.range)) lookOf.set(a, r.style);
  const fmtOf = new Map<string, string>();
  for (const f of sheet.formats) for (const a of rangeCells(f.range)) fmtOf.set(a, f.format);
  const names = [...new Set(lookOf.values())];
  const fonts = appendTo(
    stylesXml,
    "fonts",
    "font",
    names.map((n) => fontXml(looks[n])),
  );
  if (!fonts) return null;
  const filled = names.filter((n) => looks[n].fill);
  const fills = appendTo(
    fonts.xml,
    "fills",
    "fill",
    filled.map(
      (n) =>
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${looks[n].fill}"/><bgColor indexed="64"/></patternFill></fill>`,
    ),
  );
  if (!fills) return null;
  const combos = new Map<string, number>();
  const xfs: string[] = [];
  const keyOf = (a: string) => {
    const look = lookOf.get(a);
    const fmt = numFmtId(fmtOf.get(a));
    return look === undefined && fmt === 0 ? null : `${look ?? ""}|${fmt}`;
  };
  for (const a of new Set([...lookOf.keys(), ...fmtOf.keys()])) {
    const key = keyOf(a);
    if (key === null || combos.has(key)) continue;
    const [look, fmt] = key.split("|") as [StyleName | "", string];
    const fontId = look === "" ? 0 : fonts.first + names.indexOf(look);
    const fillId = look !== "" && looks[look].fill ? fills.first + filled.indexOf(look) : 0;
    const wrap = look !== "" && looks[look].wrap;
    xfs.push(
      `<xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"` +
        (wrap ? ` applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : "/>"),
    );
    combos.set(key, xfs.length - 1);
  }
  const cellXfs = appendTo(fills.xml, "cellXfs", "xf", xfs);
  if (!cellXfs) return null;
  return {
    xml: cellXfs.xml,
    styleOf: (a) => {
      const key = keyOf(a);
      const k = key === null ? undefined : combos.get(key);
      return k === undefined ? undefined : cellXfs.first + k;
    },
  };
}

export function sheetXml(sheet: SheetSpec, styleOf: StyleOf = () => undefined): string {
  const cells = flattenCells(sheet);
  // Styled empty cells are written too, so the override column shows as an input.
  const addresses = new Set<string>(cells.keys());
  for (const r of sheet.styles) for (const a of rangeCells(r.range)) addresses.add(a);
  const byRow = new Map<number, { col: number; xml: string }[]>();
  for (const addr of addresses) {
    const v = cells.get(addr) ?? null;
    const st = styleOf(addr);
    const sAttr = st === undefined ? "" : ` s="${st}"`;
    if (v === null && sAttr === "") continue;
    const { row, col } = parseCell(addr);
    let xml: string;
    if (v === null) xml = `<c r="${addr}"${sAttr}/>`;
    else if (isFormula(v)) xml = `<c r="${addr}"${sAttr}><f>${esc(v.slice(1))}</f></c>`;
    else if (typeof v === "number") xml = `<c r="${addr}"${sAttr}><v>${v}</v></c>`;
    else if (typeof v === "boolean") xml = `<c r="${addr}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    else xml = `<c r="${addr}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    const list = byRow.get(row) ?? [];
    list.push({ col, xml });
    byRow.set(row, list);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([r, list]) =>
        `<row r="${r + 1}">${list
          .sort((a, b) => a.col - b.col)
          .map((c) => c.xml)
          .join("")}</row>`,
    )
    .join("");
  const cols = [...sheet.columnWidths]
    .sort((a, b) => a.col - b.col)
    .map((w) => `<col min="${w.col + 1}" max="${w.col + 1}" width="${w.width}" customWidth="1"/>`)
    .join("");
  const freeze = sheet.freeze
    ? `<sheetViews><sheetView workbookViewId="0"><pane ${sheet.freeze.cols > 0 ? `xSplit="${sheet.freeze.cols}" ` : ""}ySplit="${sheet.freeze.rows}" topLeftCell="${cellAddress(sheet.freeze.rows, sheet.freeze.cols)}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>`
    : "";
  const merges =
    sheet.merges.length > 0
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
  const dv =
    sheet.validations.length > 0
      ? `<dataValidations count="${sheet.validations.length}">${sheet.validations
          .map((v) => validationXml(v.range, v.rule, v.error))
          .join("")}</dataValidations>`
      : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${freeze}` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows}</sheetData>${merges}${dv}</worksheet>`
  );
}

/** Where calcPr may go: before the first of these elements of CT_Workbook that follow it. */
const AFTER_CALCPR = [
  "<oleSize",
  "<customWorkbookViews",
  "<pivotCaches",
  "<smartTagPr",
  "<smartTagTypes",
  "<webPublishing",
  "<fileRecoveryPr",
  "<webPublishObjects",
  "<extLst",
  "</workbook>",
];

function withFullCalc(xml: string): string {
  if (/<calcPr\b/.test(xml)) {
    return xml.replace(/<calcPr\b([^>]*?)(\/?)>/, (_m, attrs: string, close: string) => {
      const cleaned = attrs.replace(/\sfullCalcOnLoad="[^"]*"/, "");
      return `<calcPr${cleaned} fullCalcOnLoad="1"${close}>`;
    });
  }
  const at = AFTER_CALCPR.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0);
  const i = Math.min(...at);
  return `${xml.slice(0, i)}<calcPr fullCalcOnLoad="1"/>${xml.slice(i)}`;
}

export interface InjectResult {
  readonly bytes: Uint8Array;
  /** The sheet's real name (a taken name gets " (2)"). */
  readonly sheetName: string;
}

/**
 * Returns a copy of the workbook with the sheet added at the end. The caller has already checked the
 * bytes with checkWorkbookBytes.
 */
export async function addSheetToXlsx(data: Uint8Array, sheet: SheetSpec): Promise<InjectResult> {
  const zip = await JSZip.loadAsync(data);
  const wbFile = zip.file("xl/workbook.xml");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  const ctFile = zip.file("[Content_Types].xml");
  if (!wbFile || !relsFile || !ctFile) throw new Error("not an .xlsx workbook (workbook parts missing)");
  let wb = await wbFile.async("string");
  let rels = await relsFile.async("string");
  let ct = await ctFile.async("string");

  const taken = [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  const name = uniqueSheetName(sheet.name, taken);
  const ids = [...wb.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `worksheets/sheet${n}.xml`;
  const relIds = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let k = 1;
  while (relIds.has(`rIdScore${k}`)) k++;
  const rid = `rIdScore${k}`;

  // The relationships prefix is usually "r", but any prefix bound to the namespace is valid.
  const prefix = new RegExp(`xmlns:([A-Za-z0-9_]+)="${REL_NS.replace(/[.]/g, "\\.")}"`).exec(wb)?.[1];
  const ridAttr = prefix ? `${prefix}:id="${rid}"` : `xmlns:r="${REL_NS}" r:id="${rid}"`;
  const sheetEl = `<sheet name="${esc(name)}" sheetId="${sheetId}" ${ridAttr}/>`;
  if (/<sheets\s*\/>/.test(wb)) wb = wb.replace(/<sheets\s*\/>/, `<sheets>${sheetEl}</sheets>`);
  else wb = wb.replace("</sheets>", `${sheetEl}</sheets>`);
  // exceljs and we write formulas without cached results: ask the opening application to compute.
  wb = withFullCalc(wb);
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="${rid}" Type="${WS_TYPE}" Target="${part}"/></Relationships>`,
  );
  ct = ct.replace("</Types>", `<Override PartName="/xl/${part}" ContentType="${WS_CT}"/></Types>`);

  zip.file("xl/workbook.xml", wb);
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", ct);
  // Styles are best effort: a workbook without a usable styles.xml gets an unstyled scorecard.
  const stylesFile = zip.file("xl/styles.xml");
  const styled = stylesFile ? addSheetStyles(await stylesFile.async("string"), sheet) : null;
  if (styled) zip.file("xl/styles.xml", styled.xml);
  zip.file(`xl/${part}`, sheetXml(sheet, styled?.styleOf));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, sheetName: name };
}
