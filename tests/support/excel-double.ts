// THE Excel double: one strict in-memory Excel host for the unit tests (tests/workbook), the bench
// and the browser tests (tests/e2e/support/excelDouble.ts installs it into the page). Like Excel it
//   - queues every write, load and call and carries them out, in order, only at context.sync();
//     a failing request fails the sync, and the requests queued after it are dropped;
//   - throws PropertyNotLoaded when a property is read that was not loaded and synced;
//   - refuses APIs above the requirement set it was created with (ApiNotFound);
//   - answers getUsedRangeOrNullObject(valuesOnly) as Excel does: formatting counts unless
//     valuesOnly, and a load of more than a million cells fails as Excel's response payload limit
//     makes it fail;
//   - counts runs, syncs, applied writes and the cells it sent back (cellsLoaded).
// It does not calculate: a formula it is given reads back an empty value, except a constant error
// formula (=#NUM!), which reads back as that error (the share adapter writes errors that way).
//
// createExcelDouble also runs IN THE PAGE: it is serialized with Function.prototype.toString, so it
// must not use anything from its module scope (type imports only). That is why it carries its own
// few A1 helpers instead of importing src/core/a1.
import type {
  XBasicValidation,
  XChart,
  XConditionalFormat,
  XConditionalFormats,
  XContext,
  XDataValidation,
  XHeaderFooter,
  XHyperlink,
  XPageLayout,
  XRange,
  XRangeFormat,
  XValidationRule,
} from "../../src/workbook/office";

export interface SeedCell {
  readonly value: number | string | boolean | null;
  readonly formula?: string;
  readonly error?: string;
}

export interface SeedSheet {
  readonly name: string;
  /** Dense rows from A1 (null values without a formula are empty cells). */
  readonly rows?: readonly (readonly SeedCell[])[];
  /** Cells by address ("C5"), besides the rows. */
  readonly cells?: Readonly<Record<string, SeedCell>>;
  /** Spilled results: anchor ("C5") → size, anchor included. */
  readonly spills?: Readonly<Record<string, { readonly rows: number; readonly cols: number }>>;
  /** Ranges that carry formatting only (a fill down to row 100000, say). */
  readonly formatted?: readonly string[];
}

export interface DoubleSeed {
  /** Highest ExcelApi requirement set the host supports (default "1.8"). */
  readonly api?: string;
  readonly sheets?: readonly (string | SeedSheet)[];
  /** Workbook names that exist already (a bare name refers to Sheet1!$A$1). */
  readonly names?: readonly (string | { readonly name: string; readonly reference: string })[];
  /** How many syncs fail as if the user were typing in a cell. */
  readonly cellEditSyncs?: number;
  /** When set, every run fails at once with this OfficeExtension error code. */
  readonly failCode?: string;
}

export interface CellRecord {
  /** What range.values reads. */
  value: unknown;
  /** "=…" for a formula cell, "" otherwise. */
  formula: string;
  /** What range.formulas or range.values last wrote into the cell, as written. */
  input?: unknown;
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
  hyperlink?: XHyperlink;
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
  type?: "CellValue" | "ColorScale";
  colorScale?: XConditionalFormat["colorScale"]["criteria"];
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
  cells: Record<string, CellRecord>;
  merges: string[];
  /** Column letter → width in points. */
  columnWidths: Record<string, number>;
  /** Row number (1-based) → height in points. */
  rowHeights: Record<string, number>;
  freezeAt?: string;
  charts: ChartRecord[];
  conditionalFormats: ConditionalRecord[];
  print?: PrintRecord;
  /** The address last selected on this sheet (range.select()). */
  selected?: string;
  spills: Record<string, { rows: number; cols: number }>;
  formatted: string[];
}

export interface NameRecord {
  name: string;
  /** "=Sheet1!$A$1" */
  reference: string;
  comment?: string;
  visible: boolean;
}

/** Plain data (it crosses page.evaluate): the workbook and what was done to it. */
export interface DoubleState {
  runs: number;
  syncs: number;
  /** Write requests carried out. */
  writes: number;
  /** Cells sent back by loads of values, formulas, value types or number formats. */
  cellsLoaded: number;
  active: string;
  sheets: SheetRecord[];
  names: NameRecord[];
  log: { op: string; path: string }[];
  xmlParts: { id: string; xml: string }[];
  /** Office.context.document.settings as last saved with saveAsync. */
  settings: Record<string, unknown>;
}

/** Office.context.document.settings: changes stay in memory until saveAsync persists them. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

export interface ExcelDouble {
  readonly state: DoubleState;
  /** What Excel.run does: a fresh request context per run. */
  readonly run: <T>(batch: (context: XContext) => Promise<T>) => Promise<T>;
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly settings: DocumentSettings;
  sheet(name: string): SheetRecord;
  /**
   * What a user does between runs: inserts `count` rows before row `before` (1-based) of a sheet.
   * Excel moves the cells below, and the references to them in every formula and defined name.
   */
  insertRows(sheet: string, before: number, count: number): void;
  readonly runs: number;
  readonly syncs: number;
  readonly writes: number;
  readonly sheets: SheetRecord[];
  readonly names: NameRecord[];
}

export function createExcelDouble(seed: DoubleSeed = {}): ExcelDouble {
  // Repeated here, not imported: see the file comment. Keep in step with src/core/a1.ts.
  const LIMIT = 1_000_000; // cells one load may send back
  type Rect = { row: number; col: number; rows: number; cols: number };
  type Err = Error & { code: string };
  const officeError = (code: string, message: string): Err =>
    Object.assign(new Error(message), { code, name: "OfficeError" });
  const colName = (i: number): string => {
    let n = i + 1;
    let s = "";
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const colIndex = (s: string): number =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const at = (row: number, col: number): string => `${colName(col)}${row + 1}`;
  const parseCell = (a1: string): { row: number; col: number } | null => {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(a1);
    return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : null;
  };
  const localRef = (address: string): string =>
    address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  /** A cell or an area; whole rows and columns ("1:9", "C:C") have no rectangle here. */
  const rectOf = (address: string): Rect | null => {
    const [a, b] = localRef(address).split(":");
    const p = parseCell(a);
    const q = b === undefined ? p : parseCell(b);
    if (!p || !q) return null;
    const row = Math.min(p.row, q.row);
    const col = Math.min(p.col, q.col);
    return { row, col, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
  };
  const rectAddress = (r: Rect): string =>
    r.rows === 1 && r.cols === 1
      ? at(r.row, r.col)
      : `${at(r.row, r.col)}:${at(r.row + r.rows - 1, r.col + r.cols - 1)}`;
  const quoteSheet = (name: string): string =>
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  const versionAtMost = (v: string, max: string): boolean => {
    const [a, b = 0] = v.split(".").map(Number);
    const [c, d = 0] = max.split(".").map(Number);
    return a < c || (a === c && b <= d);
  };
  const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"];
  const typeOf = (v: unknown): string =>
    v === null || v === undefined || v === ""
      ? "Empty"
      : typeof v === "number"
        ? "Double"
        : typeof v === "boolean"
          ? "Boolean"
          : ERRORS.includes(String(v))
            ? "Error"
            : "String";

  const api = seed.api ?? "1.8";
  let cellEditSyncs = seed.cellEditSyncs ?? 0;
  const newSheet = (name: string): SheetRecord => ({
    name,
    cells: {},
    merges: [],
    columnWidths: {},
    rowHeights: {},
    charts: [],
    conditionalFormats: [],
    spills: {},
    formatted: [],
  });
  const state: DoubleState = {
    runs: 0,
    syncs: 0,
    writes: 0,
    cellsLoaded: 0,
    active: "",
    sheets: [],
    names: [],
    log: [],
    xmlParts: [],
    settings: {},
  };
  for (const s of seed.sheets ?? []) {
    const spec = typeof s === "string" ? { name: s } : s;
    const sheet = newSheet(spec.name);
    (spec.rows ?? []).forEach((row, r) =>
      row.forEach((c, k) => {
        if (c.value === null && !c.formula && !c.error) return;
        sheet.cells[at(r, k)] = { value: c.error ?? c.value ?? "", formula: c.formula ?? "" };
      }),
    );
    for (const [a, c] of Object.entries(spec.cells ?? {}))
      sheet.cells[a.toUpperCase()] = { value: c.error ?? c.value ?? "", formula: c.formula ?? "" };
    sheet.spills = { ...(spec.spills ?? {}) };
    sheet.formatted = [...(spec.formatted ?? [])];
    state.sheets.push(sheet);
  }
  for (const n of seed.names ?? []) {
    const rec = typeof n === "string" ? { name: n, reference: "=Sheet1!$A$1" } : n;
    state.names.push({ ...rec, visible: true });
  }
  state.active = state.sheets[0]?.name ?? "";

  const isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && versionAtMost(version, api);
  const requireApi = (version: string, what: string): void => {
    if (!versionAtMost(version, api))
      throw officeError("ApiNotFound", `${what} needs ExcelApi ${version}; this host has ${api}`);
  };
  const unloaded = (what: string): Err =>
    officeError(
      "PropertyNotLoaded",
      `The property '${what}' is not available. Call load() and sync() first.`,
    );

  // ---- The request queue of one run (one request context).
  let queue: (() => void)[] = [];
  /** Sheets added in this batch: later requests of the batch may name them. */
  let added: SheetRecord[] = [];
  const throwIt = (e: Err): never => {
    throw e;
  };
  const enqueue = (f: () => void): void => void queue.push(f);
  /** A request Excel refuses: the sync fails there. */
  const failAtSync = (e: Err): void => enqueue(() => throwIt(e));
  const write = (op: string, path: string, f: () => void): void =>
    enqueue(() => {
      f();
      state.writes++;
      state.log.push({ op, path });
    });
  const sheetNamed = (name: string): SheetRecord | undefined =>
    state.sheets.find((s) => s.name === name) ?? added.find((s) => s.name === name);

  /** Properties become readable only through load() followed by sync(). */
  class Loadable {
    private readonly loaded = new Set<string>();
    private readonly got = new Map<string, unknown>();
    constructor(private readonly props: readonly string[]) {}
    /** What a load of `prop` sends back, read at sync time. */
    protected fetch(prop: string): unknown {
      return prop;
    }
    protected read<T>(prop: string): T {
      if (!this.loaded.has(prop)) throw unloaded(prop);
      return this.got.get(prop) as T;
    }
    load(propertyNames?: string): this {
      const props = (propertyNames ?? this.props.join(",")).split(",").map((x) => x.trim());
      const unknown = props.filter((p) => !this.props.includes(p));
      if (unknown.length) failAtSync(officeError("InvalidArgument", `unknown property ${unknown.join(",")}`));
      else enqueue(() => this.fill(props));
      return this;
    }
    fill(props: readonly string[]): void {
      for (const p of props) {
        this.got.set(p, this.fetch(p));
        this.loaded.add(p);
      }
    }
  }

  /** A collection whose items appear only through load("items/…") and sync(). */
  class Collection<T extends Loadable> extends Loadable {
    private current: T[] = [];
    constructor(private readonly list: () => T[]) {
      super(["items"]);
    }
    protected override fetch(): unknown {
      return this.current;
    }
    get items(): T[] {
      return this.read<T[]>("items");
    }
    override load(propertyNames = "items"): this {
      const props = propertyNames.split(",").map((x) => x.trim());
      const sub = props.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
      if (props.some((p) => p !== "items" && !p.startsWith("items/"))) {
        failAtSync(officeError("InvalidArgument", `unknown property in ${propertyNames}`));
        return this;
      }
      enqueue(() => {
        this.current = this.list();
        this.fill(["items"]);
        for (const item of this.current) if (sub.length) item.fill(sub);
      });
      return this;
    }
  }

  // ---- Cells and ranges.
  const cellOf = (sheet: SheetRecord, address: string): CellRecord =>
    (sheet.cells[address] ??= { value: "", formula: "" });
  /** Excel's reading of one written entry (null leaves the cell as it is). */
  const put = (c: CellRecord, x: unknown, asFormula: boolean): void => {
    if (x === null || x === undefined) return;
    c.input = x;
    if (asFormula && typeof x === "string" && x.startsWith("=")) {
      c.formula = x;
      const constant = x.slice(1);
      c.value = ERRORS.includes(constant) ? constant : "";
    } else {
      c.formula = "";
      c.value = typeof x === "string" && x.startsWith("'") ? x.slice(1) : x;
    }
  };
  const hasContent = (c: CellRecord): boolean => c.value !== "" || c.formula !== "";
  const hasFormat = (c: CellRecord): boolean =>
    c.numberFormat !== undefined ||
    c.fill !== undefined ||
    c.bold !== undefined ||
    c.italic !== undefined ||
    c.size !== undefined ||
    c.fontColor !== undefined ||
    c.wrap !== undefined ||
    c.rule !== undefined;
  const usedRect = (sheet: SheetRecord, valuesOnly: boolean): Rect | null => {
    const rects: Rect[] = [];
    for (const [a, c] of Object.entries(sheet.cells)) {
      if (hasContent(c) || (!valuesOnly && hasFormat(c))) rects.push(rectOf(a) as Rect);
    }
    if (!valuesOnly) for (const f of sheet.formatted) rects.push(rectOf(f) as Rect);
    if (rects.length === 0) return null;
    const top = Math.min(...rects.map((r) => r.row));
    const left = Math.min(...rects.map((r) => r.col));
    const bottom = Math.max(...rects.map((r) => r.row + r.rows - 1));
    const right = Math.max(...rects.map((r) => r.col + r.cols - 1));
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  };

  const RANGE_PROPS = [
    "address",
    "values",
    "formulas",
    "valueTypes",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "isNullObject",
  ];
  const GRID_PROPS = ["values", "formulas", "valueTypes", "numberFormat"];

  class DoubleRange extends Loadable implements XRange {
    private readonly rect: Rect | null;
    private readonly path: string;
    /** For ranges whose extent is known only at sync (used and spilled ranges); null: a null object. */
    constructor(
      private readonly sheet: SheetRecord,
      private readonly addr: string,
      private readonly resolve?: () => Rect | null,
    ) {
      super(RANGE_PROPS);
      this.rect = resolve ? null : rectOf(addr);
      this.path = `${sheet.name}!${addr}`;
    }
    private area(): Rect | null {
      return this.resolve ? this.resolve() : this.rect;
    }
    private grid<T>(r: Rect, f: (c: CellRecord | undefined) => T): T[][] {
      return Array.from({ length: r.rows }, (_, i) =>
        Array.from({ length: r.cols }, (_, j) => f(this.sheet.cells[at(r.row + i, r.col + j)])),
      );
    }
    override fill(props: readonly string[]): void {
      const r = this.area();
      if (r && props.some((p) => GRID_PROPS.includes(p))) {
        if (r.rows * r.cols > LIMIT)
          throw officeError("ResponsePayloadSizeLimitExceeded", `${r.rows}×${r.cols} cells asked for`);
        state.cellsLoaded += r.rows * r.cols;
      }
      super.fill([...new Set([...props, "isNullObject"])]);
    }
    protected override fetch(prop: string): unknown {
      const r = this.area();
      if (prop === "isNullObject") return r === null && this.resolve !== undefined;
      if (!r) return prop === "address" ? this.path : GRID_PROPS.includes(prop) ? [] : 0;
      switch (prop) {
        case "address":
          return `${quoteSheet(this.sheet.name)}!${rectAddress(r)}`;
        case "values":
          return this.grid(r, (c) => c?.value ?? "");
        case "formulas":
          return this.grid(r, (c) => (c ? c.formula || c.value : ""));
        case "valueTypes":
          return this.grid(r, (c) => typeOf(c?.value));
        case "numberFormat":
          return this.grid(r, (c) => c?.numberFormat ?? "General");
        case "rowIndex":
          return r.row;
        case "columnIndex":
          return r.col;
        case "rowCount":
          return r.rows;
        case "columnCount":
          return r.cols;
      }
      return undefined;
    }
    get address(): string {
      return this.read("address");
    }
    get values(): unknown[][] {
      return this.read("values");
    }
    set values(v: unknown[][]) {
      this.writeGrid("values", v, false);
    }
    get formulas(): unknown[][] {
      return this.read("formulas");
    }
    set formulas(v: unknown[][]) {
      this.writeGrid("formulas", v, true);
    }
    get numberFormat(): unknown[][] {
      return this.read("numberFormat");
    }
    set numberFormat(v: unknown[][]) {
      this.eachOf("numberFormat", v, (c, x) => {
        if (x !== null) c.numberFormat = x;
      });
    }
    get valueTypes(): string[][] {
      return this.read("valueTypes");
    }
    get rowIndex(): number {
      return this.read("rowIndex");
    }
    get columnIndex(): number {
      return this.read("columnIndex");
    }
    get rowCount(): number {
      return this.read("rowCount");
    }
    get columnCount(): number {
      return this.read("columnCount");
    }
    get isNullObject(): boolean {
      return this.read("isNullObject");
    }
    private writeGrid(name: string, v: unknown[][], asFormula: boolean): void {
      this.eachOf(name, v, (c, x, address) => {
        // A new formula in a spill's anchor ends that spill.
        if (asFormula) delete this.sheet.spills[address];
        put(c, x, asFormula);
      });
    }
    private eachOf(
      name: string,
      v: unknown[][],
      f: (c: CellRecord, x: unknown, address: string) => void,
    ): void {
      const r = this.rect;
      if (!r)
        return failAtSync(officeError("InvalidArgument", `${name} needs a cell range, got ${this.addr}`));
      if (v.length !== r.rows || v.some((row) => row.length !== r.cols))
        return failAtSync(
          officeError("InvalidArgument", `${name}: a ${r.rows}×${r.cols} array is needed for ${this.addr}`),
        );
      write(name, this.path, () =>
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const a = at(r.row + i, r.col + j);
            f(cellOf(this.sheet, a), x, a);
          }),
        ),
      );
    }
    /** A style setter: every cell of the range. */
    private each(what: string, f: (c: CellRecord) => void): void {
      const r = this.rect;
      if (!r)
        return failAtSync(officeError("InvalidArgument", `${what} needs a cell range, got ${this.addr}`));
      write(what, this.path, () => {
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) f(cellOf(this.sheet, at(r.row + i, r.col + j)));
      });
    }
    clear(applyTo: "Contents" | "All" | "Formats" = "All"): void {
      const r = this.rect;
      if (!r) return failAtSync(officeError("InvalidArgument", `clear needs a cell range, got ${this.addr}`));
      write("clear", this.path, () => {
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) {
            const a = at(r.row + i, r.col + j);
            const c = this.sheet.cells[a];
            if (!c) continue;
            if (applyTo === "Formats") {
              this.sheet.cells[a] = { value: c.value, formula: c.formula };
              continue;
            }
            delete this.sheet.spills[a];
            if (applyTo === "All" || !hasFormat(c)) delete this.sheet.cells[a];
            else {
              c.value = "";
              c.formula = "";
              delete c.input;
            }
          }
      });
    }
    getSpillingToRangeOrNullObject(): DoubleRange {
      requireApi("1.12", "getSpillingToRangeOrNullObject");
      const anchor = this.rect ? at(this.rect.row, this.rect.col) : "";
      return new DoubleRange(this.sheet, `spill of ${this.addr}`, () => {
        const size = this.sheet.spills[anchor];
        const r = rectOf(anchor);
        return size && r ? { row: r.row, col: r.col, rows: size.rows, cols: size.cols } : null;
      });
    }
    get format(): XRangeFormat {
      const each = (what: string, f: (c: CellRecord) => void) => this.each(what, f);
      const addr = localRef(this.addr);
      const sheet = this.sheet;
      const path = this.path;
      const no = (what: string) => () => throwIt(unloaded(what));
      const font = {
        set bold(v: boolean) {
          each("font.bold", (c) => (c.bold = v));
        },
        get bold(): boolean {
          return no("font.bold")();
        },
        set italic(v: boolean) {
          each("font.italic", (c) => (c.italic = v));
        },
        get italic(): boolean {
          return no("font.italic")();
        },
        set size(v: number) {
          each("font.size", (c) => (c.size = v));
        },
        get size(): number {
          return no("font.size")();
        },
        set color(v: string) {
          each("font.color", (c) => (c.fontColor = v));
        },
        get color(): string {
          return no("font.color")();
        },
      };
      return {
        fill: {
          set color(v: string) {
            each("fill.color", (c) => (c.fill = v));
          },
          get color(): string {
            return no("fill.color")();
          },
        },
        font,
        set wrapText(v: boolean) {
          requireApi("1.2", "format.wrapText");
          each("wrapText", (c) => (c.wrap = v));
        },
        get wrapText(): boolean {
          return no("wrapText")();
        },
        set columnWidth(v: number) {
          requireApi("1.2", "format.columnWidth");
          const m = /^([A-Z]+):([A-Z]+)$/.exec(addr);
          if (!m || m[1] !== m[2]) {
            failAtSync(officeError("InvalidArgument", "the double takes widths per column"));
            return;
          }
          write("columnWidth", path, () => (sheet.columnWidths[m[1]] = v));
        },
        get columnWidth(): number {
          return no("columnWidth")();
        },
        set rowHeight(v: number) {
          requireApi("1.2", "format.rowHeight");
          const m = /^(\d+):(\d+)$/.exec(addr);
          if (!m || m[1] !== m[2]) {
            failAtSync(officeError("InvalidArgument", "the double takes heights per row"));
            return;
          }
          if (!(v > 0 && v <= 409)) {
            failAtSync(officeError("InvalidArgument", `row height ${v}`));
            return;
          }
          write("rowHeight", path, () => (sheet.rowHeights[m[1]] = v));
        },
        get rowHeight(): number {
          return no("rowHeight")();
        },
      };
    }
    get dataValidation(): XDataValidation {
      requireApi("1.8", "dataValidation");
      const each = (what: string, f: (c: CellRecord) => void) => this.each(what, f);
      return {
        set rule(v: XValidationRule) {
          if (Object.keys(v).length !== 1) {
            failAtSync(officeError("InvalidArgument", "exactly one rule kind"));
            return;
          }
          const basic = (v.decimal ?? v.wholeNumber ?? v.date) as XBasicValidation | undefined;
          if (basic && basic.operator === "Between" && basic.formula2 === undefined) {
            failAtSync(officeError("InvalidArgument", "Between needs formula2"));
            return;
          }
          each("dataValidation.rule", (c) => (c.rule = v));
        },
        get rule(): XValidationRule {
          return throwIt(unloaded("rule"));
        },
        set errorAlert(v: XDataValidation["errorAlert"]) {
          each("dataValidation.errorAlert", (c) => (c.errorAlert = v));
        },
        get errorAlert(): XDataValidation["errorAlert"] {
          return throwIt(unloaded("errorAlert"));
        },
        set prompt(v: XDataValidation["prompt"]) {
          each("dataValidation.prompt", (c) => (c.prompt = v));
        },
        get prompt(): XDataValidation["prompt"] {
          return throwIt(unloaded("prompt"));
        },
      };
    }
    get conditionalFormats(): XConditionalFormats {
      requireApi("1.6", "conditionalFormats");
      const sheet = this.sheet;
      const range = localRef(this.addr);
      return {
        add: (type: "CellValue" | "ColorScale"): XConditionalFormat => {
          if (type !== "CellValue" && type !== "ColorScale")
            failAtSync(
              officeError("InvalidArgument", "the double knows CellValue and ColorScale formats only"),
            );
          const rec: ConditionalRecord = { range, type };
          write("conditionalFormats.add", this.path, () => sheet.conditionalFormats.push(rec));
          // Like Excel, the other kind's properties are there but refuse to be used.
          const wrongKind = (want: string) =>
            failAtSync(officeError("InvalidArgument", `a ${type} format has no ${want}`));
          return {
            colorScale: {
              set criteria(v: XConditionalFormat["colorScale"]["criteria"]) {
                if (type !== "ColorScale") wrongKind("colorScale");
                else enqueue(() => (rec.colorScale = v));
              },
              get criteria(): XConditionalFormat["colorScale"]["criteria"] {
                return throwIt(unloaded("criteria"));
              },
            },
            cellValue: {
              format: {
                fill: {
                  set color(v: string) {
                    enqueue(() => (rec.fill = v));
                  },
                  get color(): string {
                    return throwIt(unloaded("fill.color"));
                  },
                },
                font: {
                  set color(v: string) {
                    enqueue(() => (rec.fontColor = v));
                  },
                  get color(): string {
                    return throwIt(unloaded("font.color"));
                  },
                },
              },
              set rule(v: { formula1: string; operator: string }) {
                if (!v.formula1.startsWith("=")) {
                  failAtSync(officeError("InvalidArgument", "formula1 must start with ="));
                  return;
                }
                enqueue(() => Object.assign(rec, { formula1: v.formula1, operator: v.operator }));
              },
              get rule(): { formula1: string; operator: string } {
                return throwIt(unloaded("rule"));
              },
            },
          };
        },
      };
    }
    set hyperlink(v: XHyperlink) {
      requireApi("1.7", "hyperlink");
      // One link over a range lands on each of its cells, as in Excel.
      this.each("hyperlink", (c) => (c.hyperlink = { ...v }));
    }
    get hyperlink(): XHyperlink {
      return throwIt(unloaded("hyperlink"));
    }
    select(): void {
      write("call", `${this.path}.select`, () => (this.sheet.selected = localRef(this.addr)));
    }
    merge(): void {
      requireApi("1.2", "merge");
      write("merge", this.path, () => this.sheet.merges.push(localRef(this.addr)));
    }
    /** The address it was made with, without loading (for the double's own records). */
    given(): string {
      return localRef(this.addr);
    }
  }

  // ---- Sheets.
  class DoubleWorksheet extends Loadable {
    constructor(readonly record: SheetRecord) {
      super(["name"]);
    }
    protected override fetch(): unknown {
      return this.record.name;
    }
    get name(): string {
      return this.read("name");
    }
    getRange(address: string): DoubleRange {
      return new DoubleRange(this.record, address);
    }
    getUsedRangeOrNullObject(valuesOnly = false): DoubleRange {
      requireApi("1.4", "getUsedRangeOrNullObject");
      return new DoubleRange(this.record, valuesOnly ? "used values" : "used range", () =>
        usedRect(this.record, valuesOnly),
      );
    }
    get freezePanes() {
      requireApi("1.7", "freezePanes");
      return {
        freezeAt: (frozenRange: string) =>
          write("freezeAt", this.record.name, () => (this.record.freezeAt = frozenRange)),
      };
    }
    get charts() {
      const record = this.record;
      return {
        add: (type: string, sourceData: XRange, seriesBy: "Columns"): XChart => {
          const source = sourceData instanceof DoubleRange ? sourceData.given() : "?";
          const rec: ChartRecord = { type, source, seriesBy };
          write("charts.add", record.name, () => record.charts.push(rec));
          return {
            title: {
              set text(v: string) {
                enqueue(() => (rec.title = v));
              },
              get text(): string {
                return throwIt(unloaded("title.text"));
              },
            },
            axes: {
              categoryAxis: {
                setCategoryNames: (r: XRange) => {
                  requireApi("1.7", "setCategoryNames");
                  // A pie has no axes; Excel fails the batch.
                  if (type === "Pie") failAtSync(officeError("InvalidOperation", "a pie chart has no axes"));
                  const categories = r instanceof DoubleRange ? r.given() : "?";
                  enqueue(() => Object.assign(rec, { categories, categoriesBy: "axis" }));
                },
              },
            },
            series: {
              getItemAt: (index: number) => ({
                setXAxisValues: (r: XRange) => {
                  requireApi("1.7", "setXAxisValues");
                  if (index !== 0)
                    failAtSync(officeError("InvalidArgument", "the double has one series per call"));
                  const categories = r instanceof DoubleRange ? r.given() : "?";
                  enqueue(() => Object.assign(rec, { categories, categoriesBy: "series" }));
                },
              }),
            },
            setPosition: (from: string, to?: string) => enqueue(() => Object.assign(rec, { from, to })),
          };
        },
      };
    }
    get pageLayout(): XPageLayout {
      requireApi("1.9", "pageLayout");
      const record = this.record;
      const set = (f: (p: PrintRecord) => void) => enqueue(() => f((record.print ??= {})));
      const oneOf = (what: string, v: string, allowed: readonly string[]) => {
        if (!allowed.includes(v)) failAtSync(officeError("InvalidArgument", `${what}: ${v}`));
        return v;
      };
      // Header/footer codes: "&" starts a code (&P page, &N pages, &A sheet, &L/&C/&R sections, &&
      // a literal "&", &"font", &12 size …); a bare "&" before anything else is refused here.
      const footerText = (what: string, v: string) => {
        const codes = v.replace(/&&/g, "");
        if (/&(?![PNDTFAZGBIUEXYSKLCR"0-9])/.test(codes) || /&$/.test(codes))
          failAtSync(officeError("InvalidArgument", `${what}: a bare & in ${v}`));
        return v;
      };
      const footer: XHeaderFooter = {
        set leftFooter(v: string) {
          const t = footerText("leftFooter", v);
          set((p) => (p.leftFooter = t));
        },
        get leftFooter(): string {
          return throwIt(unloaded("leftFooter"));
        },
        set centerFooter(v: string) {
          const t = footerText("centerFooter", v);
          set((p) => (p.centerFooter = t));
        },
        get centerFooter(): string {
          return throwIt(unloaded("centerFooter"));
        },
        set rightFooter(v: string) {
          const t = footerText("rightFooter", v);
          set((p) => (p.rightFooter = t));
        },
        get rightFooter(): string {
          return throwIt(unloaded("rightFooter"));
        },
      };
      return {
        set orientation(v: string) {
          const o = oneOf("orientation", v, ["Portrait", "Landscape"]);
          set((p) => (p.orientation = o));
        },
        get orientation(): string {
          return throwIt(unloaded("orientation"));
        },
        set paperSize(v: string) {
          const s = oneOf("paperSize", v, ["A3", "A4", "A5", "Letter", "Legal"]);
          set((p) => (p.paperSize = s));
        },
        get paperSize(): string {
          return throwIt(unloaded("paperSize"));
        },
        set zoom(v: XPageLayout["zoom"]) {
          const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
          if (fit === (v.scale !== undefined))
            failAtSync(officeError("InvalidArgument", "zoom takes a scale or pages to fit, not both"));
          const z = { ...v };
          set((p) => (p.zoom = z));
        },
        get zoom(): XPageLayout["zoom"] {
          return throwIt(unloaded("zoom"));
        },
        headersFooters: { defaultForAllPages: footer },
        setPrintTitleRows: (rows: string) => {
          if (!/^\$?\d+:\$?\d+$/.test(rows))
            failAtSync(officeError("InvalidArgument", `print titles must be whole rows: ${rows}`));
          set((p) => (p.titleRows = rows));
        },
        setPrintArea: (area: string) => {
          if (!rectOf(area)) failAtSync(officeError("InvalidArgument", `print area ${area}`));
          set((p) => (p.area = area));
        },
      };
    }
    get horizontalPageBreaks() {
      requireApi("1.9", "horizontalPageBreaks");
      const record = this.record;
      return {
        add: (where: string): unknown => {
          const r = rectOf(where);
          if (!r) failAtSync(officeError("InvalidArgument", `page break at ${where}`));
          else
            write("pageBreak", record.name, () =>
              ((record.print ??= {}).breaksBefore ??= []).push(r.row + 1),
            );
          return {};
        },
      };
    }
    activate(): void {
      write("activate", this.record.name, () => (state.active = this.record.name));
    }
  }

  // ---- Names.
  class DoubleNamedItem extends Loadable {
    constructor(
      private readonly key: string,
      private readonly nullIfMissing = false,
    ) {
      super(["name", "type", "value", "formula", "visible", "isNullObject"]);
    }
    private rec(): NameRecord | undefined {
      return state.names.find((n) => n.name.toLowerCase() === this.key.toLowerCase());
    }
    override fill(props: readonly string[]): void {
      if (!this.rec() && !this.nullIfMissing) throw officeError("ItemNotFound", `no name ${this.key}`);
      super.fill([...new Set([...props, "isNullObject"])]);
    }
    protected override fetch(prop: string): unknown {
      const n = this.rec();
      if (prop === "isNullObject") return n === undefined;
      if (!n) return null;
      if (prop === "name") return n.name;
      if (prop === "type") return "Range";
      if (prop === "formula") return n.reference;
      if (prop === "visible") return n.visible;
      return n.reference.replace(/^=/, "");
    }
    get name(): string {
      return this.read("name");
    }
    get type(): string {
      return this.read("type");
    }
    get value(): unknown {
      return this.read("value");
    }
    get formula(): unknown {
      return this.read("formula");
    }
    get isNullObject(): boolean {
      return this.read("isNullObject");
    }
    get visible(): boolean {
      return this.read("visible");
    }
    set visible(v: boolean) {
      write("name.visible", this.key, () => {
        const n = this.rec();
        if (!n) throw officeError("ItemNotFound", `no name ${this.key}`);
        n.visible = v;
      });
    }
    delete(): void {
      write("name.delete", this.key, () => {
        const n = this.rec();
        if (!n) throw officeError("ItemNotFound", `no name ${this.key}`);
        state.names = state.names.filter((x) => x !== n);
      });
    }
  }

  // ---- Custom XML parts (ExcelApi 1.5).
  /** The namespace of a part's root element. */
  const rootNamespace = (xml: string): string | undefined => {
    const m = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?((?:\s+[^>]*?)?)\/?>/.exec(
      xml.replace(/^\s*<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, ""),
    );
    if (!m) return undefined;
    const prefix = m[2] === undefined ? "" : m[1];
    const attr = new RegExp(`\\sxmlns${prefix ? ":" + prefix : ""}\\s*=\\s*"([^"]*)"`).exec(m[3]);
    return attr?.[1];
  };
  let partIds = 0;
  class DoublePart extends Loadable {
    constructor(private readonly part: { id: string; xml: string }) {
      super(["id"]);
    }
    protected override fetch(): unknown {
      return this.part.id;
    }
    get id(): string {
      return this.read("id");
    }
    getXml(): { readonly value: string } {
      let value: string | undefined;
      enqueue(() => {
        if (!state.xmlParts.includes(this.part)) throw officeError("ItemNotFound", `no part ${this.part.id}`);
        value = this.part.xml;
      });
      return {
        get value(): string {
          if (value === undefined) throw unloaded("value");
          return value;
        },
      };
    }
    delete(): void {
      write("deleteXmlPart", this.part.id, () => {
        if (!state.xmlParts.includes(this.part)) throw officeError("ItemNotFound", `no part ${this.part.id}`);
        state.xmlParts = state.xmlParts.filter((p) => p !== this.part);
      });
    }
  }

  // ---- Document settings: changes stay in memory until saveAsync persists them.
  const unsaved: Record<string, unknown> = {};
  const settings: DocumentSettings = {
    get: (name) => (name in unsaved ? unsaved[name] : null),
    set: (name, value) => {
      unsaved[name] = value;
      state.log.push({ op: "settings.set", path: name });
    },
    remove: (name) => {
      delete unsaved[name];
      state.log.push({ op: "settings.remove", path: name });
    },
    saveAsync: (callback) => {
      state.settings = { ...unsaved };
      state.log.push({ op: "settings.saveAsync", path: "" });
      callback?.({ status: "succeeded" });
    },
  };

  const context = (): XContext => {
    const worksheets = Object.assign(new Collection(() => state.sheets.map((s) => new DoubleWorksheet(s))), {
      getItem: (name: string): DoubleWorksheet => {
        const rec = sheetNamed(name);
        if (rec) return new DoubleWorksheet(rec);
        failAtSync(officeError("ItemNotFound", `no sheet ${name}`));
        return new DoubleWorksheet(newSheet(name));
      },
      add: (name: string): DoubleWorksheet => {
        const rec = newSheet(name);
        added.push(rec);
        write("addSheet", name, () => {
          if (/[[\]:*?/\\]/.test(name) || name.length > 31 || name === "")
            throw officeError("InvalidArgument", `bad sheet name ${name}`);
          if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
            throw officeError("ItemAlreadyExists", `a sheet named ${name} exists`);
          state.sheets.push(rec);
        });
        return new DoubleWorksheet(rec);
      },
    });
    const names = Object.assign(new Collection(() => state.names.map((n) => new DoubleNamedItem(n.name))), {
      add: (name: string, reference: string, comment?: string): DoubleNamedItem => {
        requireApi("1.4", "names.add");
        write("names.add", name, () => {
          if (!reference.startsWith("=")) throw officeError("InvalidArgument", "reference must start with =");
          if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
            throw officeError("ItemAlreadyExists", `the name ${name} exists`);
          state.names.push({ name, reference, ...(comment === undefined ? {} : { comment }), visible: true });
        });
        return new DoubleNamedItem(name);
      },
      getItem: (name: string): DoubleNamedItem => {
        enqueue(() => {
          if (!state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
            throw officeError("ItemNotFound", `no name ${name}`);
        });
        return new DoubleNamedItem(name);
      },
      getItemOrNullObject: (name: string): DoubleNamedItem => {
        requireApi("1.4", "names.getItemOrNullObject");
        return new DoubleNamedItem(name, true);
      },
    });
    const workbook = {
      worksheets,
      names,
      get customXmlParts() {
        requireApi("1.5", "customXmlParts");
        return {
          add: (xml: string): DoublePart => {
            const part = { id: `{part-${++partIds}}`, xml };
            write("addXmlPart", part.id, () => {
              if (rootNamespace(xml) === undefined && !/^\s*(<\?xml[^>]*\?>)?\s*</.test(xml))
                throw officeError("InvalidArgument", "not XML");
              state.xmlParts.push(part);
            });
            return new DoublePart(part);
          },
          getByNamespace: (ns: string) =>
            new Collection(() =>
              state.xmlParts.filter((p) => rootNamespace(p.xml) === ns).map((p) => new DoublePart(p)),
            ),
        };
      },
    };
    return {
      workbook,
      sync: async () => {
        state.syncs++;
        const requests = queue;
        queue = [];
        if (cellEditSyncs > 0) {
          cellEditSyncs--;
          throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        }
        for (const f of requests) f();
      },
    };
  };

  const run = async <T>(batch: (context: XContext) => Promise<T>): Promise<T> => {
    state.runs++;
    queue = [];
    added = [];
    if (seed.failCode) throw officeError(seed.failCode, `fake ${seed.failCode}`);
    return batch(context());
  };

  // ---- A user's row insertion. References are found by pattern (text in quotes left alone), which
  // is enough for the formulas tests write; function names such as LOG10( are not references.
  const REF =
    /((?:'(?:[^']|'')+'|[A-Za-z_\p{L}][\w.\p{L}]*)!)?(?:(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])|(\$?)(\d+):(\$?)(\d+)(?![\w(]))/gu;
  const shiftRefs = (text: string, home: string, target: string, before0: number, count: number): string =>
    text
      .split('"')
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(
              REF,
              (
                m,
                prefix: string | undefined,
                d1,
                col,
                d2,
                row,
                e1,
                r1,
                e2,
                r2,
                offset: number,
                all: string,
              ) => {
                if (offset > 0 && /[\w.]/.test(all[offset - 1])) return m;
                const sheet = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : home;
                if (sheet !== target) return m;
                const move = (r: string) => String(Number(r) - 1 >= before0 ? Number(r) + count : Number(r));
                return col !== undefined
                  ? `${prefix ?? ""}${d1}${col}${d2}${move(row)}`
                  : `${prefix ?? ""}${e1}${move(r1)}:${e2}${move(r2)}`;
              },
            ),
      )
      .join('"');
  const insertRows = (name: string, before: number, count: number): void => {
    const target = state.sheets.find((s) => s.name === name);
    if (!target) throw new Error(`no sheet ${name}`);
    const before0 = before - 1;
    for (const s of state.sheets)
      for (const c of Object.values(s.cells))
        if (c.formula) c.formula = shiftRefs(c.formula, s.name, name, before0, count);
    for (const n of state.names) n.reference = shiftRefs(n.reference, "", name, before0, count);
    const moved: Record<string, CellRecord> = {};
    for (const [a, c] of Object.entries(target.cells)) {
      const r = rectOf(a) as Rect;
      moved[r.row >= before0 ? at(r.row + count, r.col) : a] = c;
    }
    target.cells = moved;
    const spills: SheetRecord["spills"] = {};
    for (const [a, size] of Object.entries(target.spills)) {
      const r = rectOf(a) as Rect;
      spills[r.row >= before0 ? at(r.row + count, r.col) : a] = size;
    }
    target.spills = spills;
  };

  return {
    state,
    run,
    isSetSupported,
    settings,
    insertRows,
    sheet: (name) => {
      const s = state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    get runs() {
      return state.runs;
    },
    get syncs() {
      return state.syncs;
    },
    get writes() {
      return state.writes;
    },
    get sheets() {
      return state.sheets;
    },
    get names() {
      return state.names;
    },
  };
}
