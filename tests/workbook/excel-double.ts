// A strict test double of the slice of the Excel object model the Office adapter uses. Like Excel it
// throws when a property is read that was not loaded and synced, refuses APIs above the requirement
// set it was created with, and fails a sync the way Excel does (duplicate names, cell-edit mode). It
// counts syncs and records every write, so tests can check the batching and the written content.
import type {
  XBasicValidation,
  XChart,
  XConditionalFormat,
  XContext,
  XDataValidation,
  XFont,
  XHeaderFooter,
  XNamedItem,
  XPageLayout,
  XRange,
  XRangeFormat,
  XValidationRule,
  XWorksheet,
} from "../../src/workbook/office";
import { cellAddress, parseRange, type Rect } from "../../src/core/a1";

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CellRecord {
  formula?: unknown;
  numberFormat?: unknown;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  wrap?: boolean;
  rule?: XValidationRule;
  errorAlert?: XDataValidation["errorAlert"];
  prompt?: XDataValidation["prompt"];
}

export interface ChartRecord {
  type: string;
  source: string;
  categories?: string;
  /** How the categories were given: the category axis, or the first series' x values (a pie). */
  categoriesBy?: "axis" | "series";
  seriesBy: string;
  title?: string;
  from?: string;
  to?: string;
}

export interface ConditionalRecord {
  range: string;
  formula1?: string;
  operator?: string;
  fill?: string;
  fontColor?: string;
}

/** What the page layout API set on a sheet. */
export interface PrintRecord {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  area?: string;
  /** Rows that start a page (a break before each), in the order added. */
  breaksBefore?: number[];
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface SheetRecord {
  name: string;
  cells: Map<string, CellRecord>;
  merges: string[];
  /** Column letter -> width in points. */
  columnWidths: Map<string, number>;
  /** Row number -> height in points. */
  rowHeights: Map<number, number>;
  freezeAt?: string;
  charts: ChartRecord[];
  conditionalFormats: ConditionalRecord[];
  print?: PrintRecord;
  activated: boolean;
  /** The address last selected on this sheet (range.select()). */
  selected?: string;
}

export interface NameRecord {
  name: string;
  reference: string;
  comment?: string;
}

function versionAtMost(v: string, max: string): boolean {
  const [a, b] = v.split(".").map(Number);
  const [c, d] = max.split(".").map(Number);
  return a < c || (a === c && b <= d);
}

/** Properties become readable only through load() followed by sync(). */
class Loadable {
  private readonly loaded = new Set<string>();
  constructor(protected readonly ctx: ExcelDouble) {}
  protected read<T>(prop: string, value: () => T): T {
    if (!this.loaded.has(prop)) {
      throw new OfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load() and sync() first.`,
      );
    }
    return value();
  }
  load(propertyNames: string): this {
    for (const p of propertyNames.split(",").map((x) => x.trim()))
      this.ctx.queueLoad(() => this.markLoaded(p));
    return this;
  }
  markLoaded(prop: string): void {
    this.loaded.add(prop);
  }
}

function cellsOf(r: Rect): string[] {
  const out: string[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push(cellAddress(r.row + i, r.col + j));
  return out;
}

class DoubleRange extends Loadable implements XRange {
  private readonly rect: Rect | null;
  constructor(
    ctx: ExcelDouble,
    private readonly sheet: SheetRecord,
    private readonly addr: string,
    private readonly snapshot?: {
      values: unknown[][];
      formulas: unknown[][];
      types: string[][];
      nul: boolean;
    },
  ) {
    super(ctx);
    // Whole columns ("C:C") and whole rows ("1:9") have no cell rectangle the double tracks.
    this.rect = /^[A-Z]+:[A-Z]+$|^\d+:\d+$/.test(addr) ? null : parseRange(addr);
  }
  get address(): string {
    return this.read("address", () => `${this.sheet.name}!${this.addr}`);
  }
  private cell(addr: string): CellRecord {
    let c = this.sheet.cells.get(addr);
    if (!c) this.sheet.cells.set(addr, (c = {}));
    return c;
  }
  private each(f: (c: CellRecord) => void) {
    if (!this.rect)
      throw new OfficeError("InvalidArgument", `cell writes need a cell range, got ${this.addr}`);
    for (const a of cellsOf(this.rect)) f(this.cell(a));
    this.ctx.writes++;
  }
  private grid(name: string, v: unknown[][], f: (c: CellRecord, x: unknown) => void) {
    const r = this.rect;
    if (!r) throw new OfficeError("InvalidArgument", `${name} needs a cell range`);
    if (v.length !== r.rows || v.some((row) => row.length !== r.cols)) {
      this.ctx.fail(
        new OfficeError("InvalidArgument", `${name}: a ${r.rows}×${r.cols} array is needed for ${this.addr}`),
      );
      return;
    }
    v.forEach((row, i) => row.forEach((x, j) => f(this.cell(cellAddress(r.row + i, r.col + j)), x)));
    this.ctx.writes++;
  }
  set formulas(v: unknown[][]) {
    this.grid("formulas", v, (c, x) => (c.formula = x));
  }
  get formulas(): unknown[][] {
    return this.read("formulas", () => this.snapshot?.formulas ?? []);
  }
  set numberFormat(v: unknown[][]) {
    this.grid("numberFormat", v, (c, x) => (c.numberFormat = x));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat", () => []);
  }
  get values(): unknown[][] {
    return this.read("values", () => this.snapshot?.values ?? []);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes", () => this.snapshot?.types ?? []);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject", () => this.snapshot?.nul ?? false);
  }
  get format(): XRangeFormat {
    // Object-literal accessors cannot be arrows, so they reach the range through these closures.
    const each = (f: (c: CellRecord) => void) => this.each(f);
    const ctx = this.ctx;
    const addr = this.addr;
    const sheet = this.sheet;
    const font: XFont = {
      set bold(v: boolean) {
        each((c) => (c.bold = v));
      },
      get bold(): boolean {
        throw new OfficeError("PropertyNotLoaded", "font.bold");
      },
      set italic(v: boolean) {
        each((c) => (c.italic = v));
      },
      get italic(): boolean {
        throw new OfficeError("PropertyNotLoaded", "font.italic");
      },
      set size(v: number) {
        each((c) => (c.size = v));
      },
      get size(): number {
        throw new OfficeError("PropertyNotLoaded", "font.size");
      },
      set color(v: string) {
        each((c) => (c.fontColor = v));
      },
      get color(): string {
        throw new OfficeError("PropertyNotLoaded", "font.color");
      },
    };
    return {
      fill: {
        set color(v: string) {
          each((c) => (c.fill = v));
        },
        get color(): string {
          throw new OfficeError("PropertyNotLoaded", "fill.color");
        },
      },
      font,
      set wrapText(v: boolean) {
        ctx.requireApi("1.2", "format.wrapText");
        each((c) => (c.wrap = v));
      },
      get wrapText(): boolean {
        throw new OfficeError("PropertyNotLoaded", "wrapText");
      },
      set columnWidth(v: number) {
        ctx.requireApi("1.2", "format.columnWidth");
        const m = /^([A-Z]+):([A-Z]+)$/.exec(addr);
        if (!m || m[1] !== m[2])
          throw new OfficeError("InvalidArgument", "the double takes widths per column");
        sheet.columnWidths.set(m[1], v);
        ctx.writes++;
      },
      get columnWidth(): number {
        throw new OfficeError("PropertyNotLoaded", "columnWidth");
      },
      set rowHeight(v: number) {
        ctx.requireApi("1.2", "format.rowHeight");
        const m = /^(\d+):(\d+)$/.exec(addr);
        if (!m || m[1] !== m[2]) throw new OfficeError("InvalidArgument", "the double takes heights per row");
        if (!(v > 0 && v <= 409)) throw new OfficeError("InvalidArgument", `row height ${v}`);
        sheet.rowHeights.set(Number(m[1]), v);
        ctx.writes++;
      },
      get rowHeight(): number {
        throw new OfficeError("PropertyNotLoaded", "rowHeight");
      },
    };
  }
  get dataValidation(): XDataValidation {
    this.ctx.requireApi("1.8", "dataValidation");
    const each = (f: (c: CellRecord) => void) => this.each(f);
    return {
      set rule(v: XValidationRule) {
        const kinds = Object.keys(v);
        if (kinds.length !== 1) throw new OfficeError("InvalidArgument", "exactly one rule kind");
        const basic = (v.decimal ?? v.wholeNumber ?? v.date) as XBasicValidation | undefined;
        if (basic && basic.operator === "Between" && basic.formula2 === undefined) {
          throw new OfficeError("InvalidArgument", "Between needs formula2");
        }
        each((c) => (c.rule = v));
      },
      get rule(): XValidationRule {
        throw new OfficeError("PropertyNotLoaded", "rule");
      },
      set errorAlert(v: XDataValidation["errorAlert"]) {
        each((c) => (c.errorAlert = v));
      },
      get errorAlert(): XDataValidation["errorAlert"] {
        throw new OfficeError("PropertyNotLoaded", "errorAlert");
      },
      set prompt(v: XDataValidation["prompt"]) {
        each((c) => (c.prompt = v));
      },
      get prompt(): XDataValidation["prompt"] {
        throw new OfficeError("PropertyNotLoaded", "prompt");
      },
    };
  }
  get conditionalFormats(): { add(type: "CellValue"): XConditionalFormat } {
    this.ctx.requireApi("1.6", "conditionalFormats");
    return {
      add: (type: "CellValue"): XConditionalFormat => {
        if (type !== "CellValue")
          throw new OfficeError("InvalidArgument", "the double knows CellValue formats only");
        const rec: ConditionalRecord = { range: this.addr };
        this.sheet.conditionalFormats.push(rec);
        this.ctx.writes++;
        const unloaded = (what: string) => new OfficeError("PropertyNotLoaded", what);
        return {
          cellValue: {
            format: {
              fill: {
                set color(v: string) {
                  rec.fill = v;
                },
                get color(): string {
                  throw unloaded("fill.color");
                },
              },
              font: {
                set color(v: string) {
                  rec.fontColor = v;
                },
                get color(): string {
                  throw unloaded("font.color");
                },
              },
            },
            set rule(v: { formula1: string; operator: string }) {
              if (!v.formula1.startsWith("="))
                throw new OfficeError("InvalidArgument", "formula1 must start with =");
              rec.formula1 = v.formula1;
              rec.operator = v.operator;
            },
            get rule(): { formula1: string; operator: string } {
              throw unloaded("rule");
            },
          },
        };
      },
    };
  }
  select(): void {
    this.sheet.selected = this.addr;
  }
  merge(): void {
    this.ctx.requireApi("1.2", "merge");
    this.sheet.merges.push(this.addr);
    this.ctx.writes++;
  }
  getAddress(): string {
    return this.addr;
  }
}

class DoubleWorksheet extends Loadable implements XWorksheet {
  constructor(
    ctx: ExcelDouble,
    readonly record: SheetRecord,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read("name", () => this.record.name);
  }
  getRange(address: string): DoubleRange {
    return new DoubleRange(this.ctx, this.record, address);
  }
  getUsedRangeOrNullObject(): DoubleRange {
    this.ctx.requireApi("1.4", "getUsedRangeOrNullObject");
    const used = [...this.record.cells.entries()].filter(
      ([, c]) => c.formula !== undefined && c.formula !== "",
    );
    if (used.length === 0) {
      return new DoubleRange(this.ctx, this.record, "A1", { values: [], formulas: [], types: [], nul: true });
    }
    const rects = used.map(([a]) => parseRange(a));
    const top = Math.min(...rects.map((r) => r.row));
    const left = Math.min(...rects.map((r) => r.col));
    const bottom = Math.max(...rects.map((r) => r.row));
    const right = Math.max(...rects.map((r) => r.col));
    const rect: Rect = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    const types: string[][] = [];
    for (let i = 0; i < rect.rows; i++) {
      const [vr, fr, tr]: [unknown[], unknown[], string[]] = [[], [], []];
      for (let j = 0; j < rect.cols; j++) {
        const f = this.record.cells.get(cellAddress(top + i, left + j))?.formula ?? "";
        // The double does not calculate: a formula cell reads as empty.
        const isF = typeof f === "string" && f.startsWith("=");
        vr.push(isF ? "" : f);
        fr.push(f);
        tr.push(
          isF || f === ""
            ? "Empty"
            : typeof f === "number"
              ? "Double"
              : typeof f === "boolean"
                ? "Boolean"
                : "String",
        );
      }
      values.push(vr);
      formulas.push(fr);
      types.push(tr);
    }
    const address = `${this.record.name}!${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
    return new DoubleRange(this.ctx, this.record, address.split("!")[1], {
      values,
      formulas,
      types,
      nul: false,
    });
  }
  get freezePanes() {
    this.ctx.requireApi("1.7", "freezePanes");
    return {
      freezeAt: (frozenRange: string) => {
        this.record.freezeAt = frozenRange;
        this.ctx.writes++;
      },
    };
  }
  get charts() {
    return {
      add: (type: string, sourceData: XRange, seriesBy: "Columns"): XChart => {
        const rec: ChartRecord = {
          type,
          source: sourceData instanceof DoubleRange ? sourceData.getAddress() : "?",
          seriesBy,
        };
        this.record.charts.push(rec);
        this.ctx.writes++;
        return {
          title: {
            set text(v: string) {
              rec.title = v;
            },
            get text(): string {
              throw new OfficeError("PropertyNotLoaded", "title.text");
            },
          },
          axes: {
            categoryAxis: {
              setCategoryNames: (r: XRange) => {
                this.ctx.requireApi("1.7", "setCategoryNames");
                // A pie has no axes; Excel fails the batch.
                if (type === "Pie")
                  this.ctx.fail(new OfficeError("InvalidOperation", "a pie chart has no axes"));
                rec.categories = r instanceof DoubleRange ? r.getAddress() : "?";
                rec.categoriesBy = "axis";
              },
            },
          },
          series: {
            getItemAt: (index: number) => ({
              setXAxisValues: (r: XRange) => {
                this.ctx.requireApi("1.7", "setXAxisValues");
                if (index !== 0)
                  throw new OfficeError("InvalidArgument", "the double has one series per call");
                rec.categories = r instanceof DoubleRange ? r.getAddress() : "?";
                rec.categoriesBy = "series";
              },
            }),
          },
          setPosition: (from: string, to?: string) => {
            rec.from = from;
            rec.to = to;
          },
        };
      },
    };
  }
  get pageLayout(): XPageLayout {
    this.ctx.requireApi("1.9", "pageLayout");
    const rec: PrintRecord = (this.record.print ??= {});
    const ctx = this.ctx;
    const unloaded = (what: string) => new OfficeError("PropertyNotLoaded", what);
    const oneOf = (what: string, v: string, allowed: readonly string[]) => {
      if (!allowed.includes(v)) ctx.fail(new OfficeError("InvalidArgument", `${what}: ${v}`));
      return v;
    };
    // Header/footer codes: "&" starts a code (&P page, &N pages, &A sheet, &L/&C/&R sections, &&
    // a literal "&", &"font", &12 size …); a bare "&" before anything else is refused here.
    const footerText = (what: string, v: string) => {
      const codes = v.replace(/&&/g, "");
      if (/&(?![PNDTFAZGBIUEXYSKLCR"0-9])/.test(codes) || /&$/.test(codes))
        ctx.fail(new OfficeError("InvalidArgument", `${what}: a bare & in ${v}`));
      return v;
    };
    const footer: XHeaderFooter = {
      set leftFooter(v: string) {
        rec.leftFooter = footerText("leftFooter", v);
      },
      get leftFooter(): string {
        throw unloaded("leftFooter");
      },
      set centerFooter(v: string) {
        rec.centerFooter = footerText("centerFooter", v);
      },
      get centerFooter(): string {
        throw unloaded("centerFooter");
      },
      set rightFooter(v: string) {
        rec.rightFooter = footerText("rightFooter", v);
      },
      get rightFooter(): string {
        throw unloaded("rightFooter");
      },
    };
    return {
      set orientation(v: string) {
        rec.orientation = oneOf("orientation", v, ["Portrait", "Landscape"]);
      },
      get orientation(): string {
        throw unloaded("orientation");
      },
      set paperSize(v: string) {
        rec.paperSize = oneOf("paperSize", v, ["A3", "A4", "A5", "Letter", "Legal"]);
      },
      get paperSize(): string {
        throw unloaded("paperSize");
      },
      set zoom(v: XPageLayout["zoom"]) {
        const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
        if (fit === (v.scale !== undefined))
          ctx.fail(new OfficeError("InvalidArgument", "zoom takes a scale or pages to fit, not both"));
        rec.zoom = { ...v };
      },
      get zoom(): XPageLayout["zoom"] {
        throw unloaded("zoom");
      },
      headersFooters: { defaultForAllPages: footer },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$?\d+:\$?\d+$/.test(rows))
          ctx.fail(new OfficeError("InvalidArgument", `print titles must be whole rows: ${rows}`));
        rec.titleRows = rows;
      },
      setPrintArea: (area: string) => {
        parseRange(area); // throws on anything but a cell range
        rec.area = area;
      },
    };
  }
  get horizontalPageBreaks() {
    this.ctx.requireApi("1.9", "horizontalPageBreaks");
    return {
      add: (at: string): unknown => {
        const r = parseRange(at); // throws on anything but a cell or range
        const rec: PrintRecord = (this.record.print ??= {});
        (rec.breaksBefore ??= []).push(r.row + 1);
        this.ctx.writes++;
        return {};
      },
    };
  }
  activate(): void {
    for (const s of this.ctx.sheets) s.activated = false;
    this.record.activated = true;
  }
}

class DoubleNamedItem extends Loadable implements XNamedItem {
  constructor(
    ctx: ExcelDouble,
    private readonly rec: NameRecord,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read("name", () => this.rec.name);
  }
  get type(): string {
    return this.read("type", () => "Range");
  }
  get value(): unknown {
    return this.read("value", () => this.rec.reference.replace(/^=/, ""));
  }
}

/** A collection whose items appear only through load("items/...") and sync(). */
class DoubleCollection<T extends Loadable> extends Loadable {
  constructor(
    ctx: ExcelDouble,
    private readonly list: () => T[],
  ) {
    super(ctx);
  }
  private snapshot: T[] | undefined;
  get items(): T[] {
    return this.read("items", () => this.snapshot ?? []);
  }
  override load(propertyNames: string): this {
    const props = propertyNames.split(",").map((x) => x.trim());
    this.ctx.queueLoad(() => {
      this.snapshot = this.list();
      this.markLoaded("items");
      for (const item of this.snapshot) {
        for (const p of props) if (p.startsWith("items/")) item.markLoaded(p.slice("items/".length));
      }
    });
    return this;
  }
}

export interface DoubleOptions {
  /** Highest ExcelApi requirement set the host supports (default 1.8). */
  readonly apiVersion?: string;
  /** Sheets the user already has. */
  readonly sheets?: readonly string[];
  /** Workbook-level names that already exist. */
  readonly names?: readonly string[];
  /** How many syncs fail as if the user were typing in a cell. */
  readonly cellEditSyncs?: number;
}

export class ExcelDouble {
  readonly sheets: SheetRecord[] = [];
  readonly names: NameRecord[] = [];
  syncs = 0;
  runs = 0;
  writes = 0;
  private readonly apiVersion: string;
  private cellEditSyncs: number;
  private pendingLoads: (() => void)[] = [];
  private pendingError: OfficeError | undefined;

  constructor(options: DoubleOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.8";
    this.cellEditSyncs = options.cellEditSyncs ?? 0;
    for (const s of options.sheets ?? []) this.sheets.push(newSheet(s));
    for (const n of options.names ?? []) this.names.push({ name: n, reference: "=Sheet1!$A$1" });
  }

  isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && versionAtMost(version, this.apiVersion);

  requireApi(version: string, what: string): void {
    if (!versionAtMost(version, this.apiVersion)) {
      throw new OfficeError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version}; this host has ${this.apiVersion}`,
      );
    }
  }

  queueLoad(f: () => void): void {
    this.pendingLoads.push(f);
  }

  fail(e: OfficeError): void {
    this.pendingError ??= e;
  }

  sheet(name: string): SheetRecord {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** What Excel.run would do: a fresh request context per run. */
  run = async <T>(batch: (context: XContext) => Promise<T>): Promise<T> => {
    this.runs++;
    this.pendingLoads = [];
    this.pendingError = undefined;
    const worksheets = new DoubleCollection<DoubleWorksheet>(this, () =>
      this.sheets.map((s) => new DoubleWorksheet(this, s)),
    );
    const names = new DoubleCollection<DoubleNamedItem>(this, () =>
      this.names.map((n) => new DoubleNamedItem(this, n)),
    );
    const context: XContext = {
      workbook: {
        worksheets: Object.assign(worksheets, {
          getItem: (name: string): XWorksheet => {
            const rec = this.sheets.find((s) => s.name === name);
            if (!rec) {
              this.fail(new OfficeError("ItemNotFound", `no sheet ${name}`));
              return new DoubleWorksheet(this, newSheet(name));
            }
            return new DoubleWorksheet(this, rec);
          },
          add: (name: string): XWorksheet => {
            if (/[[\]:*?/\\]/.test(name) || name.length > 31 || name === "") {
              this.fail(new OfficeError("InvalidArgument", `bad sheet name ${name}`));
            }
            if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
              this.fail(new OfficeError("ItemAlreadyExists", `a sheet named ${name} exists`));
            }
            const rec = newSheet(name);
            this.sheets.push(rec);
            this.writes++;
            return new DoubleWorksheet(this, rec);
          },
        }),
        names: Object.assign(names, {
          add: (name: string, reference: string, comment?: string): unknown => {
            this.requireApi("1.4", "names.add");
            if (!reference.startsWith("="))
              this.fail(new OfficeError("InvalidArgument", "reference must start with ="));
            if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
              this.fail(new OfficeError("ItemAlreadyExists", `the name ${name} exists`));
            }
            this.names.push(comment === undefined ? { name, reference } : { name, reference, comment });
            this.writes++;
            return undefined;
          },
        }),
      },
      sync: async () => {
        this.syncs++;
        if (this.cellEditSyncs > 0) {
          this.cellEditSyncs--;
          this.pendingLoads = [];
          throw new OfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        }
        if (this.pendingError) {
          const e = this.pendingError;
          this.pendingError = undefined;
          throw e;
        }
        const loads = this.pendingLoads;
        this.pendingLoads = [];
        for (const f of loads) f();
      },
    };
    return batch(context);
  };
}

function newSheet(name: string): SheetRecord {
  return {
    name,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    charts: [],
    conditionalFormats: [],
    activated: false,
  };
}
