// The Office.js adapter: writes template specs into the open workbook and reads it back, and selects
// cells for the pane. Excel.run is called only here (runBatch, which office-share.ts's batches also go
// through: one retry policy, one error mapping). At the edges, Office's globals are also touched by
// the custom functions (registration and CustomFunctions.Error in src/functions/excelErrors.ts), the
// pane's entry (Office.onReady, for the host and its language), the ribbon's commands page
// (Office.onReady) and the share feature's document tag (settings); docs/architecture.md lists them.
//
// Batching: a whole template goes in with ONE Excel.run and TWO context.sync() calls, whatever its
// size: the first reads the sheet and name names already taken (so nothing of the user's is
// overwritten), the second sends every write, queued as 2-D blocks (range.formulas = block), never
// cell by cell. Newer APIs are used only after a requirement-set check, and a run that fails because
// the user is typing in a cell is retried with backoff.
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
import { planWrite, resolveCell, type WritePlan } from "./plan";
import { absoluteRows, footerSections } from "./print";
import { rowHeights } from "./row-heights";
import {
  WorkbookError,
  type CellValue,
  type DefinedNameSnapshot,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WriteResult,
} from "./port";

// ---- The slice of the Excel object model this adapter uses. Excel.RequestContext satisfies it
// structurally; the test double implements it strictly (throws on reading what was not loaded).

export interface XFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XRangeFormat {
  fill: { color: string };
  font: XFont;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
}

export interface XBasicValidation {
  formula1: unknown;
  formula2?: unknown;
  operator: string;
}

export interface XValidationRule {
  decimal?: XBasicValidation;
  wholeNumber?: XBasicValidation;
  date?: XBasicValidation;
  list?: { inCellDropDown: boolean; source: unknown };
}

export interface XDataValidation {
  rule: XValidationRule;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
}

export interface XConditionalFormat {
  readonly cellValue: {
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
    rule: { formula1: string; operator: string };
  };
  readonly colorScale: {
    criteria: { minimum: XColorScalePoint; midpoint?: XColorScalePoint; maximum: XColorScalePoint };
  };
}

/** One point of a colour scale ("Number" with a constant formula: fixed bounds). */
export interface XColorScalePoint {
  type: string;
  formula?: string;
  color?: string;
}

// Excel's ConditionalFormat carries every kind's properties (those of other kinds are null objects):
// a cell-value format uses cellValue, a colour scale colorScale.
export interface XConditionalFormats {
  add(type: "CellValue" | "ColorScale"): XConditionalFormat;
}

export interface XHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface XRange {
  formulas: unknown[][];
  numberFormat: unknown[][];
  values: unknown[][];
  readonly valueTypes: string[][];
  readonly address: string;
  readonly isNullObject: boolean;
  /** 0-based position and size (the share adapter's used ranges and spills). */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormats;
  /** ExcelApi 1.7: a link in the cell (documentReference for a place in this workbook). */
  hyperlink: XHyperlink;
  merge(across?: boolean): void;
  select(): void;
  clear(applyTo: "Contents"): void;
  /** ExcelApi 1.12: the cells a dynamic-array result spills into, anchor included. */
  getSpillingToRangeOrNullObject(): XRange;
  load(propertyNames: string): unknown;
}

export interface XChart {
  readonly title: { text: string };
  readonly axes: { readonly categoryAxis: { setCategoryNames(sourceData: XRange): void } };
  readonly series: { getItemAt(index: number): { setXAxisValues(sourceData: XRange): void } };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XHeaderFooter {
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface XPageLayout {
  orientation: string;
  paperSize: string;
  /** Must be set as a whole object (Excel ignores zoom.scale = … on the property's value). */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  readonly headersFooters: { readonly defaultForAllPages: XHeaderFooter };
  setPrintTitleRows(printTitleRows: string): void;
  setPrintArea(printArea: string): void;
}

export interface XWorksheet {
  readonly name: string;
  getRange(address: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  readonly freezePanes: { freezeAt(frozenRange: string): void };
  readonly charts: { add(type: string, sourceData: XRange, seriesBy: "Columns"): XChart };
  readonly pageLayout: XPageLayout;
  /** Manual page breaks; add("A53") breaks before row 53. */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  activate(): void;
}

export interface XNamedItem {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  /** The reference with its "=" ("=Sheet1!$A$1"). */
  readonly formula: unknown;
  visible: boolean;
  delete(): void;
}

/** A custom XML part (ExcelApi 1.5): where the share record lives. */
export interface XCustomXmlPart {
  readonly id: string;
  getXml(): { readonly value: string };
  delete(): void;
}

export interface XContext {
  readonly workbook: {
    readonly worksheets: {
      readonly items: XWorksheet[];
      add(name: string): XWorksheet;
      getItem(name: string): XWorksheet;
      load(propertyNames: string): unknown;
    };
    readonly names: {
      readonly items: XNamedItem[];
      add(name: string, reference: string, comment?: string): XNamedItem;
      getItem(name: string): XNamedItem;
      load(propertyNames: string): unknown;
    };
    readonly customXmlParts: {
      add(xml: string): XCustomXmlPart;
      getByNamespace(namespaceUri: string): {
        readonly items: XCustomXmlPart[];
        load(propertyNames: string): unknown;
      };
    };
  };
  sync(): Promise<void>;
}

export interface OfficeHost {
  run<T>(batch: (context: XContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real host: Excel.run and Office's requirement sets. */
export function excelHost(): OfficeHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

// ---- Requirement sets the adapter checks before it uses an API. The manifest's SharedRuntime 1.1
// admits only Microsoft 365 Version 2002+, Excel 2021, Mac 16.35+ and Excel on the web, all with
// ExcelApi 1.10 or later, so in a real host none of these checks fails and nothing is skipped; Excel
// 2016 perpetual (ExcelApi 1.1 only) never loads the add-in. The checks and WriteResult.skipped stay
// as the adapter's contract with a host it cannot vouch for (the doubles at older versions test it).
const API = {
  format: "1.2", // column width, wrap text, merge
  names: "1.4", // workbook.names.add
  usedRangeOrNull: "1.4",
  freeze: "1.7",
  validation: "1.8",
  charts: "1.1",
  chartCategories: "1.7",
  conditionalFormats: "1.6",
  hyperlinks: "1.7",
  pageLayout: "1.9",
} as const;

// ---- Errors: Excel's codes turned into messages a user can act on, in both languages.
const CELL_EDIT = "InvalidOperationInCellEditMode";

const messages: Record<string, { "zh-CN": string; "en-US": string }> = {
  [CELL_EDIT]: {
    "zh-CN": "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
    "en-US": "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  AccessDenied: {
    "zh-CN": "工作簿或工作表受保护，无法写入。请撤销保护后重试。",
    "en-US": "The workbook or sheet is protected, so nothing can be written. Unprotect it and try again.",
  },
  ItemAlreadyExists: {
    "zh-CN": "工作簿中已有同名的工作表或名称。请重试；加载项会另取一个名称。",
    "en-US": "A sheet or name with that name already exists. Try again; the add-in picks another name.",
  },
  ApiNotFound: {
    "zh-CN": "此版本的 Excel 不支持此操作所需的功能。请更新 Office 后重试。",
    "en-US": "This version of Excel lacks a feature this needs. Update Office and try again.",
  },
  InsertDeleteConflict: {
    "zh-CN": "其他操作正在修改工作簿。请稍候重试。",
    "en-US": "Something else is changing the workbook. Wait a moment and try again.",
  },
};

function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Any failure of a run as a WorkbookError the pane can show. */
export function toWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const code = errorCode(e) ?? "Unknown";
  const detail = e instanceof Error ? e.message : String(e);
  const known = messages[code];
  return new WorkbookError(
    code,
    known ?? {
      "zh-CN": `Excel 无法完成操作（${code}）：${detail}`,
      "en-US": `Excel could not complete the operation (${code}): ${detail}`,
    },
    e,
  );
}

export interface RetryPolicy {
  /** Delays before each retry, in ms; the run is tried once more than there are delays. */
  readonly delays: readonly number[];
  readonly sleep: (ms: number) => Promise<void>;
}

/** The one retry policy of every Office batch (templates, reading, sharing). */
export const DEFAULT_RETRY: RetryPolicy = {
  delays: [250, 500, 1000, 2000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * THE way into Excel for every adapter: runs a batch on the host, retrying the whole batch while
 * Excel is in cell-edit mode; any failure comes out as a WorkbookError (one already thrown as such,
 * e.g. the share adapter's refusals, passes through as it is).
 */
export async function runBatch<T>(
  host: OfficeHost,
  retry: RetryPolicy,
  batch: (context: XContext) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await host.run(batch);
    } catch (e) {
      if (errorCode(e) === CELL_EDIT && attempt < retry.delays.length) {
        await retry.sleep(retry.delays[attempt]);
        continue;
      }
      throw toWorkbookError(e);
    }
  }
}

// ---- Spec to Excel.

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

function queueSheet(
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

// ---- Excel to snapshot.

const EXCEL_ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!)$/;

function snapshotCell(v: unknown, type: string | undefined): CellValue {
  if (type === "Error" || (typeof v === "string" && EXCEL_ERRORS.test(v) && type === undefined)) {
    return { error: String(v) };
  }
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * The present cells of a used range (values-only, so formatting-only areas do not inflate it), at
 * their sheet positions: a used range that starts at C5 gives cells from row 4, column 2.
 */
function presentCells(
  address: string,
  values: unknown[][],
  formulas: unknown[][],
  types: string[][],
  formats: unknown[][] | undefined,
): SnapshotCell[] {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const r = parseRange(ref);
  const out: SnapshotCell[] = [];
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = formulas[i]?.[j];
      // range.formulas gives a constant's value: a text typed as '=HYPERLINK(…) (a user's text, kept
      // as text) comes back as "=HYPERLINK(…)", the same as its value, while a real formula's text
      // always differs from what it computes.
      const formula = typeof f === "string" && f.startsWith("=") && f !== v ? f : undefined;
      const value = snapshotCell(v, types[i]?.[j]);
      if (value === null && formula === undefined) return;
      const fmt = formats?.[i]?.[j];
      out.push({
        row: r.row + i,
        col: r.col + j,
        value,
        ...(formula !== undefined ? { formula } : {}),
        ...(typeof fmt === "string" && fmt !== "General" ? { format: fmt } : {}),
      });
    }),
  );
  return out;
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly host: OfficeHost = excelHost(),
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  private can = (version: string) => this.host.isSetSupported("ExcelApi", version);

  /** Activates a sheet and selects a cell or range on it: navigation only, nothing is written. */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  private run<T>(batch: (context: XContext) => Promise<T>): Promise<T> {
    return runBatch(this.host, this.retry, batch);
  }

  async listSheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async writeTemplate(spec: WorkbookSpec): Promise<WriteResult> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const canNames = this.can(API.names);
      wb.worksheets.load("items/name");
      if (canNames) wb.names.load("items/name");
      await context.sync(); // 1: what is taken

      const existingSheets = wb.worksheets.items.map((s) => s.name);
      const existingNames = canNames ? wb.names.items.map((n) => n.name) : [];
      const plan = planWrite(spec, existingSheets, existingNames);
      const skipped = new Set<string>();
      let first: XWorksheet | undefined;
      for (const s of spec.sheets) {
        const ws = wb.worksheets.add(plan.sheetNames.get(s.key) as string);
        first ??= ws;
        queueSheet(ws, s, spec.lang, this.can, skipped, plan);
      }
      if (canNames) {
        const comments = new Map(spec.names.map((n) => [n.name, n.comment]));
        for (const n of plan.names) {
          const comment = comments.get(n.base);
          if (comment) wb.names.add(n.name, "=" + n.refersTo, comment);
          else wb.names.add(n.name, "=" + n.refersTo);
        }
      } else if (plan.names.length) skipped.add("names");
      first?.activate();
      await context.sync(); // 2: everything written

      return {
        sheetNames: spec.sheets.map((s) => plan.sheetNames.get(s.key) as string),
        names: canNames ? plan.names : [],
        skipped: [...skipped],
      };
    });
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const canNames = this.can(API.names);
      wb.worksheets.load("items/name");
      // workbook.names holds the workbook-scoped names only, which are the ones templates write.
      if (canNames) wb.names.load("items/name,items/type,items/value");
      await context.sync(); // 1: sheets and names

      const sheets = wb.worksheets.items;
      const names = sheets.map((s) => s.name);
      const used = sheets.map((ws) => {
        // valuesOnly: a sheet formatted down to row 1,048,576 must not make Excel send a million rows.
        const r = this.can(API.usedRangeOrNull) ? ws.getUsedRangeOrNullObject(true) : null;
        r?.load("address,values,formulas,valueTypes,numberFormat,isNullObject");
        return r;
      });
      await context.sync(); // 2: every sheet's used range

      const snaps: SheetSnapshot[] = used.map((r, i) => {
        if (!r || r.isNullObject) return { name: names[i], cells: [] };
        return {
          name: names[i],
          cells: presentCells(r.address, r.values, r.formulas, r.valueTypes, r.numberFormat),
        };
      });
      const defined: DefinedNameSnapshot[] = canNames
        ? wb.names.items
            .filter((n) => n.type !== "Error")
            .map((n) => ({
              name: n.name,
              refersTo: String(n.value).replace(/^=/, ""),
            }))
        : [];
      return { sheets: snaps, names: defined };
    });
  }
}
