// A template spec queued into a worksheet as Office.js calls: 2-D blocks, formats, validation,
// colour scales, links, charts and print set-up, each behind its requirement-set check. Nothing is
// synced here; office.ts sends the whole workbook with one sync.
import { cellAddress, colName, parseCell, parseRange, type Rect } from "../core/a1";
import {
  isTextCell,
  resolveSheetRefs,
  type ChartSpec,
  type PrintSpec,
  type SheetSpec,
  type SpecCell,
  type ValidationRule,
  type WorkbookSpec,
} from "../templates/spec";
import { flagLooks, looks, SCALE_COLOURS } from "./looks";
import { resolveCell, type WritePlan } from "./plan";
import { absoluteRows, footerSections } from "./print";
import { rowHeights } from "./row-heights";
import type { XBasicValidation, XColorScalePoint, XValidationRule, XWorksheet } from "./office-model";
import { API } from "./office-run";
/** Excel measures column widths in points; specs in characters of the default font (~7 px + padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function fill<T>(r: Rect, v: T): T[][] {
  return Array.from({ length: r.rows }, () => new Array<T>(r.cols).fill(v));
}

export function ruleOf(rule: ValidationRule): XValidationRule {
  switch (rule.type) {
    case "decimal":
    case "whole": {
      const basic: XBasicValidation =
        rule.max === undefined
          ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      return rule.type === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}

/**
 * Blocks as Excel takes them: one 2-D array per block, null written as "" (an empty cell), another
 * sheet of the template by its real name.
 */
function blockValues(rows: readonly (readonly SpecCell[])[], plan: WritePlan): unknown[][] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const c = resolveCell(r[j] ?? null, plan);
      // Excel takes a string written through range.formulas that starts with "=" for a formula; a
      // leading apostrophe makes it text (the apostrophe is not part of the value), as when typed.
      if (isTextCell(c)) return /^[=+\-@']/.test(c.text) ? "'" + c.text : c.text;
      return c ?? "";
    }),
  );
}

const alertTitle = { "zh-CN": "经销商营销力", "en-US": "Dealer Marketing Power" } as const;

/** A4, one page wide and as many tall as needed, print titles, print area, the footer. */
function queuePrint(ws: XWorksheet, print: PrintSpec) {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // verticalFitToPages 0: as many pages tall as the sheet needs (Excel's "automatic").
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(absoluteRows(print.titleRows));
  if (print.area) layout.setPrintArea(print.area);
  const f = footerSections(print);
  const footer = layout.headersFooters.defaultForAllPages;
  if (f.left) footer.leftFooter = f.left;
  footer.centerFooter = f.center;
  footer.rightFooter = f.right;
  for (const r of print.breaksAfter ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

function queueChart(ws: XWorksheet, spec: ChartSpec, can: (v: string) => boolean, skipped: Set<string>) {
  const chart = ws.charts.add(CHART_TYPES[spec.type], ws.getRange(spec.series), "Columns");
  chart.title.text = spec.title;
  // Without explicit categories Excel plots a numeric label column (attendance) as one more series.
  // A pie has no axes: its labels go on its one series.
  if (can(API.chartCategories)) {
    if (spec.type === "pie") chart.series.getItemAt(0).setXAxisValues(ws.getRange(spec.categories));
    else chart.axes.categoryAxis.setCategoryNames(ws.getRange(spec.categories));
  } else skipped.add("chartCategories");
  chart.setPosition(spec.from, spec.to);
}

export function queueSheet(
  ws: XWorksheet,
  sheet: SheetSpec,
  lang: WorkbookSpec["lang"],
  can: (v: string) => boolean,
  skipped: Set<string>,
  plan: WritePlan,
) {
  // Number formats first, so a text format ("@") is in place before labels such as "2026年1月" arrive
  // and Excel does not turn them into dates.
  for (const f of sheet.formats) ws.getRange(f.range).numberFormat = fill(parseRange(f.range), f.format);
  for (const b of sheet.blocks) {
    const p = parseCell(b.at);
    const values = blockValues(b.rows, plan);
    const rect: Rect = { row: p.row, col: p.col, rows: values.length, cols: values[0]?.length ?? 0 };
    if (rect.rows === 0 || rect.cols === 0) continue;
    const end = cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
    ws.getRange(`${b.at}:${end}`).formulas = values;
  }
  for (const s of sheet.styles) {
    const look = looks[s.style];
    const fmt = ws.getRange(s.range).format;
    if (look.fill) fmt.fill.color = "#" + look.fill;
    if (look.bold) fmt.font.bold = true;
    if (look.italic) fmt.font.italic = true;
    if (look.size) fmt.font.size = look.size;
    if (look.fontColor) fmt.font.color = "#" + look.fontColor;
    if (look.wrap && can(API.format)) fmt.wrapText = true;
  }
  if (can(API.format)) {
    for (const w of sheet.columnWidths) {
      const c = colName(w.col);
      ws.getRange(`${c}:${c}`).format.columnWidth = charsToPoints(w.width);
    }
    for (const m of sheet.merges) ws.getRange(m).merge(false);
    // Excel does not grow a row for a merged cell's wrapped text: the heights come from the spec.
    for (const h of rowHeights(sheet)) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  } else if (sheet.columnWidths.length || sheet.merges.length) {
    skipped.add("format");
  }
  if (sheet.validations.length) {
    if (can(API.validation)) {
      for (const v of sheet.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = ruleOf(v.rule);
        dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: alertTitle[lang] };
        if (v.prompt) dv.prompt = { message: v.prompt, showPrompt: true, title: alertTitle[lang] };
      }
    } else skipped.add("dataValidation");
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    if (can(API.freeze)) {
      const { rows, cols } = sheet.freeze;
      // freezeAt takes the frozen top-left block; a zero dimension is spelled as whole rows/columns.
      const target =
        rows === 0
          ? `A:${colName(cols - 1)}`
          : cols === 0
            ? `1:${rows}`
            : `A1:${cellAddress(rows - 1, cols - 1)}`;
      ws.freezePanes.freezeAt(target);
    } else skipped.add("freezePanes");
  }
  if (sheet.conditionalFormats?.length) {
    if (can(API.conditionalFormats)) {
      for (const cf of sheet.conditionalFormats) {
        const look = flagLooks[cf.look];
        const f = ws.getRange(cf.range).conditionalFormats.add("CellValue");
        f.cellValue.format.fill.color = "#" + look.fill;
        f.cellValue.format.font.color = "#" + look.fontColor;
        f.cellValue.rule = {
          formula1: "=" + cf.formula,
          operator: cf.operator === "equal" ? "EqualTo" : "GreaterThan",
        };
      }
    } else skipped.add("conditionalFormats");
  }
  if (sheet.colorScales?.length) {
    if (can(API.conditionalFormats)) {
      // Fixed numeric bounds, as the .xlsx writer's cfvo type="num": a score of 5 is green whatever
      // the others scored.
      for (const cs of sheet.colorScales) {
        const point = (value: number, k: number): XColorScalePoint => ({
          type: "Number",
          formula: String(value),
          color: "#" + SCALE_COLOURS[k],
        });
        ws.getRange(cs.range).conditionalFormats.add("ColorScale").colorScale.criteria = {
          minimum: point(cs.min, 0),
          midpoint: point((cs.min + cs.max) / 2, 1),
          maximum: point(cs.max, 2),
        };
      }
    } else skipped.add("colorScales");
  }
  if (sheet.links?.length) {
    if (can(API.hyperlinks)) {
      for (const l of sheet.links) {
        // "#Sheet!A1" is a place in this workbook (documentReference, without the "#"); anything
        // else is an address to open.
        const inside = l.target.startsWith("#");
        const target = inside ? resolveSheetRefs(l.target.slice(1), plan.sheetNames) : l.target;
        ws.getRange(l.cell).hyperlink = {
          ...(inside ? { documentReference: target } : { address: target }),
          ...(l.tooltip ? { screenTip: l.tooltip } : {}),
        };
      }
    } else skipped.add("hyperlinks");
  }
  for (const spec of sheet.charts ?? []) {
    if (can(API.charts)) queueChart(ws, spec, can, skipped);
    else skipped.add("chart");
  }
  if (sheet.print) {
    if (can(API.pageLayout)) queuePrint(ws, sheet.print);
    else skipped.add("pageLayout");
  }
}

/** Excel.ChartType names for the spec's chart kinds. */
const CHART_TYPES: Readonly<Record<ChartSpec["type"], string>> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  pie: "Pie",
};
