// A test double of the Excel host, served in place of office.js: Office.onReady reports Excel, and
// Excel.run hands the batch a small in-memory workbook that keeps what is written (formulas per cell,
// sheets, defined names, the active sheet) and counts runs and syncs. Objects the double does not
// model (formats, validation, charts, freeze panes) accept anything and log it.
//
// installExcelDouble runs IN THE PAGE: it is serialized with Function.prototype.toString, so it must
// not use anything from its module scope.

export interface SeedCell {
  readonly value: number | string | boolean | null;
  readonly formula?: string;
  readonly error?: string;
}

export interface ExcelSeed {
  /** Highest ExcelApi requirement set the fake host supports, e.g. "1.12". */
  readonly api: string;
  readonly displayLanguage: string;
  readonly bodyBackgroundColor: string;
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly SeedCell[])[] }[];
  /** When set, every Excel.run fails with this OfficeExtension error code. */
  readonly failCode?: string;
  /** When set, Office.onReady answers only after this many milliseconds (a slow CDN, a cold start). */
  readonly readyAfterMs?: number;
}

export interface DoubleState {
  runs: number;
  syncs: number;
  active: string;
  sheets: { name: string; cells: Record<string, { value: unknown; formula: string }> }[];
  names: { name: string; reference: string }[];
  log: { op: string; path: string }[];
  xmlParts: { id: string; xml: string }[];
  /** Office.context.document.settings as last saved with saveAsync. */
  settings: Record<string, unknown>;
}

export function installExcelDouble(seed: ExcelSeed): void {
  type Cell = { value: unknown; formula: string };
  type Sheet = { name: string; cells: Record<string, Cell> };
  const colIndex = (s: string): number =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
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
  const parse = (a1: string): { row: number; col: number } | null => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1);
    return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : null;
  };
  const rect = (address: string) => {
    const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
    const [a, b] = ref.split(":");
    const p = parse(a);
    const q = b ? parse(b) : p;
    return p && q ? { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 } : null;
  };
  const state = {
    runs: 0,
    syncs: 0,
    active: "",
    sheets: [] as Sheet[],
    names: [] as { name: string; reference: string }[],
    log: [] as { op: string; path: string }[],
    xmlParts: [] as { id: string; xml: string }[],
    settings: {} as Record<string, unknown>,
  };
  for (const s of seed.sheets) {
    const cells: Record<string, Cell> = {};
    s.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c.value === null && !c.formula) return;
        cells[`${colName(k)}${r + 1}`] = { value: c.error ?? c.value, formula: c.formula ?? "" };
      }),
    );
    state.sheets.push({ name: s.name, cells });
  }
  state.active = state.sheets[0]?.name ?? "";

  // Anything not modelled: every property read gives another recorder, every write and call is logged.
  const recorder = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, p) => (p === "then" ? undefined : recorder(`${path}.${String(p)}`)),
      set: (_t, p) => {
        state.log.push({ op: "set", path: `${path}.${String(p)}` });
        return true;
      },
      apply: () => {
        state.log.push({ op: "call", path });
        return recorder(`${path}()`);
      },
    });

  // Modelled objects answer what they model; any other member (conditionalFormats, a newer API …) is a
  // recorder, so an adapter that starts using more of Excel still runs against the double.
  const open = <T extends object>(target: T, path: string): T =>
    new Proxy(target, {
      get: (t, p, receiver) =>
        p in t || typeof p === "symbol" || p === "then"
          ? Reflect.get(t, p, receiver)
          : recorder(`${path}.${p}`),
    });

  const typeOf = (v: unknown): string =>
    v === null || v === undefined || v === ""
      ? "Empty"
      : typeof v === "number"
        ? "Double"
        : typeof v === "boolean"
          ? "Boolean"
          : /^#/.test(String(v))
            ? "Error"
            : "String";

  const range = (sheet: Sheet, address: string, nullIfEmpty = false) => {
    let r = rect(address);
    if (nullIfEmpty) {
      const keys = Object.keys(sheet.cells)
        .map((k) => parse(k))
        .filter((x) => x !== null);
      if (keys.length === 0)
        return {
          isNullObject: true,
          load() {
            return this;
          },
        };
      const rows = keys.map((k) => k.row);
      const cols = keys.map((k) => k.col);
      const row = Math.min(...rows);
      const col = Math.min(...cols);
      r = { row, col, rows: Math.max(...rows) - row + 1, cols: Math.max(...cols) - col + 1 };
    }
    const grid = <T>(f: (c: Cell | undefined) => T): T[][] =>
      r
        ? Array.from({ length: r.rows }, (_, i) =>
            Array.from({ length: r.cols }, (_, j) => f(sheet.cells[`${colName(r.col + j)}${r.row + i + 1}`])),
          )
        : [];
    const path = `${sheet.name}!${address}`;
    return open(
      {
        isNullObject: false,
        get address() {
          return r
            ? `${sheet.name}!${colName(r.col)}${r.row + 1}:${colName(r.col + r.cols - 1)}${r.row + r.rows}`
            : path;
        },
        get values() {
          return grid((c) => (c ? c.value : ""));
        },
        get formulas() {
          return grid((c) => (c ? c.formula || c.value : ""));
        },
        set formulas(rows: unknown[][]) {
          state.log.push({ op: "formulas", path });
          if (!r) return;
          rows.forEach((row, i) =>
            row.forEach((v, j) => {
              const key = `${colName(r.col + j)}${r.row + i + 1}`;
              const f = typeof v === "string" && v.startsWith("=") ? v : "";
              // Formulas are not evaluated: their cell reads back the formula text as its value.
              sheet.cells[key] = { value: f ? f : v, formula: f };
            }),
          );
        },
        get rowIndex() {
          return r ? r.row : 0;
        },
        get columnIndex() {
          return r ? r.col : 0;
        },
        set values(rows: unknown[][]) {
          state.log.push({ op: "values", path });
          if (!r) return;
          rows.forEach((row, i) =>
            row.forEach((v, j) => {
              sheet.cells[`${colName(r.col + j)}${r.row + i + 1}`] = { value: v, formula: "" };
            }),
          );
        },
        // Nothing spills in the double (no dynamic-array results are seeded).
        getSpillingToRangeOrNullObject: () => ({
          isNullObject: true,
          load() {
            return this;
          },
        }),
        get valueTypes() {
          return grid((c) => typeOf(c?.value));
        },
        set numberFormat(_v: unknown) {
          state.log.push({ op: "numberFormat", path });
        },
        format: recorder(`${path}.format`),
        dataValidation: recorder(`${path}.dataValidation`),
        merge: () => state.log.push({ op: "merge", path }),
        load() {
          return this;
        },
      },
      path,
    );
  };

  const worksheet = (sheet: Sheet) =>
    open(
      {
        get name() {
          return sheet.name;
        },
        getRange: (address: string) => range(sheet, address),
        getUsedRangeOrNullObject: () => range(sheet, "A1", true),
        freezePanes: recorder(`${sheet.name}.freezePanes`),
        charts: recorder(`${sheet.name}.charts`),
        activate: () => {
          state.active = sheet.name;
          state.log.push({ op: "activate", path: sheet.name });
        },
        load() {
          return this;
        },
      },
      sheet.name,
    );

  const workbook = {
    worksheets: {
      get items() {
        return state.sheets.map(worksheet);
      },
      add: (name: string) => {
        if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
        }
        const sheet = { name, cells: {} };
        state.sheets.push(sheet);
        state.log.push({ op: "addSheet", path: name });
        return worksheet(sheet);
      },
      getItem: (name: string) => {
        const sheet = state.sheets.find((x) => x.name === name);
        if (!sheet) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
        return worksheet(sheet);
      },
      getActiveWorksheet: () =>
        worksheet(state.sheets.find((s) => s.name === state.active) ?? state.sheets[0]),
      load() {
        return this;
      },
    },
    customXmlParts: {
      add: (xml: string) => {
        const part = { id: `part${state.xmlParts.length + 1}`, xml };
        state.xmlParts.push(part);
        state.log.push({ op: "addXmlPart", path: part.id });
        return recorder(`customXmlParts.${part.id}`);
      },
      getByNamespace: (ns: string) => {
        const items = state.xmlParts
          .filter((p) => p.xml.includes(`"${ns}"`))
          .map((p) => ({
            id: p.id,
            getXml: () => ({ value: p.xml }),
            delete: () => {
              state.xmlParts = state.xmlParts.filter((x) => x !== p);
              state.log.push({ op: "deleteXmlPart", path: p.id });
            },
          }));
        const collection = { items, load: () => collection };
        return collection;
      },
    },
    names: {
      get items() {
        return state.names.map((n) => ({
          name: n.name,
          type: "Range",
          value: n.reference,
          formula: n.reference,
        }));
      },
      add: (name: string, reference: string) => {
        state.names.push({ name, reference });
        return recorder(`names.${name}`);
      },
      load() {
        return this;
      },
    },
  };

  const version = (v: string) => v.split(".").map(Number);
  const atMost = (a: string, b: string) => {
    const [x, y] = [version(a), version(b)];
    return x[0] < y[0] || (x[0] === y[0] && (x[1] ?? 0) <= (y[1] ?? 0));
  };
  // Document settings as Office keeps them: changes stay in memory until saveAsync persists them.
  const unsaved: Record<string, unknown> = {};
  const settings = {
    get: (name: string) => (name in unsaved ? unsaved[name] : null),
    set: (name: string, value: unknown) => {
      unsaved[name] = value;
      state.log.push({ op: "settings.set", path: name });
    },
    remove: (name: string) => {
      delete unsaved[name];
      state.log.push({ op: "settings.remove", path: name });
    },
    saveAsync: (callback?: (r: { status: string }) => void) => {
      state.settings = { ...unsaved };
      state.log.push({ op: "settings.saveAsync", path: "" });
      callback?.({ status: "succeeded" });
    },
  };
  const context = {
    document: { settings },
    requirements: { isSetSupported: (name: string, v = "1.1") => name === "ExcelApi" && atMost(v, seed.api) },
    displayLanguage: seed.displayLanguage,
    officeTheme: {
      bodyBackgroundColor: seed.bodyBackgroundColor,
      bodyForegroundColor: "#ffffff",
      controlBackgroundColor: seed.bodyBackgroundColor,
      controlForegroundColor: "#ffffff",
    },
  };
  const info = { host: "Excel", platform: "PC" };
  const w = window as unknown as Record<string, unknown>;
  w.__excelDouble = state;
  w.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context,
    onReady: (callback?: (i: typeof info) => void) => {
      const answer = () => {
        callback?.(info);
        return info;
      };
      if (seed.readyAfterMs === undefined) return Promise.resolve(answer());
      return new Promise((resolve) => setTimeout(() => resolve(answer()), seed.readyAfterMs));
    },
  };
  w.Excel = {
    ClearApplyTo: { contents: "Contents", all: "All", formats: "Formats" },
    run: async <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> => {
      state.runs++;
      if (seed.failCode) throw Object.assign(new Error(`fake ${seed.failCode}`), { code: seed.failCode });
      return batch({
        workbook,
        sync: async () => {
          state.syncs++;
        },
      });
    },
  };
}

export function excelStub(seed: ExcelSeed): string {
  return `(${installExcelDouble.toString()})(${JSON.stringify(seed)});`;
}
