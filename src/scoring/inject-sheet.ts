// Adds one sheet to an existing .xlsx by editing its zip parts, instead of loading and re-saving the
// whole workbook with exceljs: exceljs drops charts, pivot tables, images and much formatting it does
// not model, and a regional manager's scored copy must still be the dealer's workbook. Only
// [Content_Types].xml, xl/workbook.xml and its rels are touched; everything else is carried over as is.
// The added sheet has values, formulas, column widths, merges and validation, but no cell styles
// (styles.xml is left alone on purpose).
import JSZip from "jszip";
import { flattenCells, isFormula, parseCell, type SheetSpec, type ValidationRule } from "../templates/spec";
import { uniqueSheetName } from "../workbook/plan";

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

function unesc(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
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

export function sheetXml(sheet: SheetSpec): string {
  const cells = flattenCells(sheet);
  const byRow = new Map<number, { col: number; xml: string }[]>();
  for (const [addr, v] of cells) {
    if (v === null) continue;
    const { row, col } = parseCell(addr);
    let xml: string;
    if (isFormula(v)) xml = `<c r="${addr}"><f>${esc(v.slice(1))}</f></c>`;
    else if (typeof v === "number") xml = `<c r="${addr}"><v>${v}</v></c>`;
    else if (typeof v === "boolean") xml = `<c r="${addr}" t="b"><v>${v ? 1 : 0}</v></c>`;
    else xml = `<c r="${addr}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
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
    ? `<sheetViews><sheetView workbookViewId="0"><pane ${sheet.freeze.cols > 0 ? `xSplit="${sheet.freeze.cols}" ` : ""}ySplit="${sheet.freeze.rows}" topLeftCell="${String.fromCharCode(65 + sheet.freeze.cols)}${sheet.freeze.rows + 1}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>`
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

  const taken = [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unesc(m[1]));
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
  zip.file(`xl/${part}`, sheetXml(sheet));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, sheetName: name };
}
