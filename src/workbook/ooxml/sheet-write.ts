// A sheet spec (src/templates/spec.ts) as a worksheet part. Elements come in the order CT_Worksheet
// requires (Excel reports a file as corrupt otherwise). Text is written as inline strings, so adding a
// sheet never renumbers a workbook's shared strings; formulas carry no cached value and the workbook
// asks the opening application to compute (calcPr fullCalcOnLoad).
import { cellAddress, parseCell, rangeCells } from "../../core/a1";
import {
  flattenCells,
  isFormula,
  isTextCell,
  type SheetSpec,
  type SpecCell,
  type ValidationRule,
} from "../../templates/spec";
import { flagLooks, looks, SCALE_COLOURS } from "../looks";
import { oddFooter, PAPER_A4 } from "../print";
import { rowHeights } from "../row-heights";
import { escapeAttr, escapeText } from "./escape";
import type { StyleAppender } from "./styles-write";
import { NS } from "./xml";

export interface SheetParts {
  /** Adds an external relationship (a web hyperlink) to the sheet and returns its id. */
  externalLink(url: string): string;
  /** The drawing holding the sheet's charts, when it has any: its relationship id. */
  readonly drawingRelId?: string;
  /** A formula with references to the template's other sheets (sheetCell) resolved to their names. */
  resolve(formula: string): string;
}

/** Red, yellow, green: the colours of Excel's own red–yellow–green scale. */

function validationXml(
  range: string,
  rule: ValidationRule,
  error: string,
  prompt: string | undefined,
): string {
  const sqref = range.replace(/\$/g, "");
  const msg =
    `allowBlank="1" showErrorMessage="1" error="${escapeAttr(error)}"` +
    (prompt ? ` showInputMessage="1" prompt="${escapeAttr(prompt)}"` : "") +
    ` sqref="${sqref}"`;
  switch (rule.type) {
    case "decimal":
    case "whole":
      return rule.max === undefined
        ? `<dataValidation type="${rule.type}" operator="greaterThanOrEqual" ${msg}><formula1>${rule.min}</formula1></dataValidation>`
        : `<dataValidation type="${rule.type}" operator="between" ${msg}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
    case "date":
      // Any real date: serial 1 is 1900-01-01.
      return `<dataValidation type="date" operator="greaterThanOrEqual" ${msg}><formula1>1</formula1></dataValidation>`;
    case "list":
      return `<dataValidation type="list" ${msg}><formula1>${escapeText(`"${rule.values.join(",")}"`)}</formula1></dataValidation>`;
  }
}

function cellXml(addr: string, v: SpecCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null) return `<c r="${addr}"${s}/>`;
  // User text stays text, whatever it starts with.
  if (isTextCell(v))
    return `<c r="${addr}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v.text)}</t></is></c>`;
  if (isFormula(v)) return `<c r="${addr}"${s}><f>${escapeText(v.slice(1))}</f></c>`;
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${addr}"${s}><v>${v}</v></c>` : `<c r="${addr}"${s}/>`;
  if (typeof v === "boolean") return `<c r="${addr}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${addr}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

export function worksheetXml(sheet: SheetSpec, styles: StyleAppender, parts: SheetParts): string {
  const cells = flattenCells(sheet);
  const lookOf = new Map<string, (typeof sheet.styles)[number]["style"]>();
  for (const r of sheet.styles) for (const a of rangeCells(r.range)) lookOf.set(a, r.style);
  const fmtOf = new Map<string, string>();
  for (const f of sheet.formats) for (const a of rangeCells(f.range)) fmtOf.set(a, f.format);

  // Styled empty cells are written too, so an input cell shows as one before anything is typed.
  const byRow = new Map<number, { col: number; xml: string }[]>();
  for (const addr of new Set([...cells.keys(), ...lookOf.keys(), ...fmtOf.keys()])) {
    const v = cells.get(addr) ?? null;
    const look = lookOf.get(addr);
    const style = styles.xf(look ? looks[look] : undefined, fmtOf.get(addr));
    if (v === null && style === 0) continue;
    const { row, col } = parseCell(addr);
    const list = byRow.get(row) ?? [];
    list.push({ col, xml: cellXml(addr, isFormula(v) ? parts.resolve(v) : v, style) });
    byRow.set(row, list);
  }
  // Rows that need more than the default height get it (no engine grows a row on opening).
  const heights = new Map(rowHeights(sheet).map((h) => [h.row - 1, h.height]));
  for (const r of heights.keys()) if (!byRow.has(r)) byRow.set(r, []);
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, list]) => {
      const ht = heights.get(r);
      const attrs = ht !== undefined ? ` ht="${ht}" customHeight="1"` : "";
      const body = list
        .sort((a, b) => a.col - b.col)
        .map((c) => c.xml)
        .join("");
      return `<row r="${r + 1}"${attrs}>${body}</row>`;
    })
    .join("");

  const print = sheet.print;
  const sheetPr = print ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "";
  const f = sheet.freeze;
  const views =
    f && (f.rows > 0 || f.cols > 0)
      ? `<sheetViews><sheetView workbookViewId="0"><pane${f.cols > 0 ? ` xSplit="${f.cols}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""}` +
        ` topLeftCell="${cellAddress(f.rows, f.cols)}" activePane="${f.rows > 0 && f.cols > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight"}" state="frozen"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const cols = [...sheet.columnWidths]
    .sort((a, b) => a.col - b.col)
    .map((w) => `<col min="${w.col + 1}" max="${w.col + 1}" width="${w.width}" customWidth="1"/>`)
    .join("");
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const cfs = (sheet.conditionalFormats ?? [])
    .map(
      (cf, i) =>
        `<conditionalFormatting sqref="${cf.range.replace(/\$/g, "")}"><cfRule type="cellIs" dxfId="${styles.dxf(flagLooks[cf.look])}" priority="${i + 1}" operator="${cf.operator}">` +
        `<formula>${escapeText(cf.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
  // Colour scales follow the cell rules in priority; fixed numeric bounds (cfvo type num).
  const base = (sheet.conditionalFormats ?? []).length;
  const scales = (sheet.colorScales ?? [])
    .map(
      (cs, i) =>
        `<conditionalFormatting sqref="${cs.range.replace(/\$/g, "")}"><cfRule type="colorScale" priority="${base + i + 1}"><colorScale>` +
        `<cfvo type="num" val="${cs.min}"/><cfvo type="num" val="${(cs.min + cs.max) / 2}"/><cfvo type="num" val="${cs.max}"/>` +
        SCALE_COLOURS.map((c) => `<color rgb="FF${c}"/>`).join("") +
        `</colorScale></cfRule></conditionalFormatting>`,
    )
    .join("");
  const dv = sheet.validations.length
    ? `<dataValidations count="${sheet.validations.length}">${sheet.validations
        .map((v) => validationXml(v.range, v.rule, v.error, v.prompt))
        .join("")}</dataValidations>`
    : "";
  const links = (sheet.links ?? [])
    .map((l) => {
      const tip = l.tooltip ? ` tooltip="${escapeAttr(l.tooltip)}"` : "";
      if (l.target.startsWith("#"))
        return `<hyperlink ref="${l.cell.replace(/\$/g, "")}" location="${escapeAttr(parts.resolve(l.target.slice(1)))}"${tip}/>`;
      return `<hyperlink ref="${l.cell.replace(/\$/g, "")}" r:id="${parts.externalLink(l.target)}"${tip}/>`;
    })
    .join("");
  const margins = `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
  const breaks = print?.breaksAfter ?? [];
  const setup = print
    ? `<pageSetup paperSize="${PAPER_A4}" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddFooter>${escapeText(oddFooter(print))}</oddFooter></headerFooter>` +
      (breaks.length
        ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
          breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("") +
          `</rowBreaks>`
        : "")
    : "";
  const drawing = parts.drawingRelId ? `<drawing r:id="${parts.drawingRelId}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">${sheetPr}${views}` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows}</sheetData>${merges}${cfs}${scales}${dv}` +
    (links ? `<hyperlinks>${links}</hyperlinks>` : "") +
    `${margins}${setup}${drawing}</worksheet>`
  );
}
