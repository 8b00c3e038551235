/**
 * The Office.js adapter through a small Excel double: the calls office.ts makes (used ranges,
 * spilled ranges, names, custom XML parts, document settings), a sync counter, and writes that
 * land only at sync, as in Excel.
 */
import { formatCell, parseRef } from "../../src/core/formula";
import {
  isDocumentTagged,
  prepareWorkbook,
  repairBrokenCells,
  restoreWorkbook,
  scanWorkbook,
  tagDocument,
} from "../../src/workbook/office-share";
import { SHARE_NAMESPACE } from "../../src/share/record";

interface Cell {
  formula?: string;
  value: unknown;
}

class Double {
  sheets = new Map<string, Map<string, Cell>>();
  spills = new Map<string, { rows: number; cols: number }>(); // "Sheet!A1" → size
  parts: { id: string; xml: string; deleted: boolean }[] = [];
  settings = new Map<string, unknown>();
  names = new Map<string, { formula: string; visible: boolean }>([
    ["Counts", { formula: "=Data!$A$1:$D$1", visible: true }],
  ]);
  syncs = 0;
  pending: (() => void)[] = [];
  api = "1.12";

  cell(sheet: string, address: string): Cell {
    const s = this.sheets.get(sheet)!;
    if (!s.has(address)) s.set(address, { value: "" });
    return s.get(address)!;
  }

  range(sheet: string, address: string) {
    return rangeOf(this, sheet, address);
  }

  usedRange(sheet: string) {
    const cells = [...this.sheets.get(sheet)!.entries()].map(([a, c]) => ({ ref: parseRef(a)!, c }));
    const top = Math.min(...cells.map((x) => x.ref.top));
    const left = Math.min(...cells.map((x) => x.ref.left));
    const bottom = Math.max(...cells.map((x) => x.ref.top));
    const right = Math.max(...cells.map((x) => x.ref.left));
    const formulas: unknown[][] = [];
    const values: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      formulas.push([]);
      values.push([]);
      for (let c = left; c <= right; c++) {
        const cell = this.sheets.get(sheet)!.get(formatCell(r, c));
        formulas[r - top].push(cell?.formula ?? cell?.value ?? "");
        values[r - top].push(cell?.value ?? "");
      }
    }
    const u = {
      isNullObject: cells.length === 0,
      rowIndex: top - 1,
      columnIndex: left - 1,
      formulas,
      values,
      load: () => u,
    };
    return u;
  }

  context() {
    return contextOf(this);
  }

  install(): void {
    const g = globalThis as unknown as { Excel: unknown; Office: unknown };
    g.Excel = {
      run: async <T>(batch: (c: unknown) => Promise<T>) => batch(this.context()),
      ClearApplyTo: { contents: "Contents" },
    };
    g.Office = {
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: {
        // Versions compare by their minor number: 1.5 < 1.12.
        requirements: { isSetSupported: (_n: string, v: string) => minor(v) <= minor(this.api) },
        document: {
          settings: {
            get: (k: string) => this.settings.get(k),
            set: (k: string, v: unknown) => this.settings.set(k, v),
            remove: (k: string) => this.settings.delete(k),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
          },
        },
      },
    };
  }
}

function rangeOf(d: Double, sheet: string, address: string) {
  const r = {
    isNullObject: false,
    rowCount: 0,
    columnCount: 0,
    load: () => r,
    set formulas(v: unknown[][]) {
      d.pending.push(() => {
        const f = String(v[0][0]);
        d.sheets.get(sheet)!.set(address, f.startsWith("=") ? { formula: f, value: 0 } : { value: v[0][0] });
      });
    },
    set values(v: unknown[][]) {
      d.pending.push(() => d.sheets.get(sheet)!.set(address, { value: v[0][0] }));
    },
    clear: () => d.pending.push(() => d.sheets.get(sheet)!.delete(address)),
    getSpillingToRangeOrNullObject: () => {
      const size = d.spills.get(`${sheet}!${address}`);
      const s = {
        isNullObject: !size,
        rowCount: size?.rows ?? 0,
        columnCount: size?.cols ?? 0,
        load: () => s,
      };
      return s;
    },
  };
  return r;
}

function contextOf(d: Double) {
  const worksheet = (name: string) => ({
    name,
    getUsedRangeOrNullObject: () => d.usedRange(name),
    getRange: (a: string) => d.range(name, a),
  });
  const items = [...d.sheets.keys()].map(worksheet);
  return {
    workbook: {
      worksheets: { items, load: () => ({ items }), getItem: (n: string) => worksheet(n) },
      names: {
        load: () => ({ items: [...d.names].map(([name, n]) => ({ name, formula: n.formula })) }),
        add: (name: string, formula: string) => {
          const item = { formula, visible: true };
          d.pending.push(() => d.names.set(name, item));
          return item;
        },
        getItem: (name: string) => ({ delete: () => d.pending.push(() => d.names.delete(name)) }),
      },
      customXmlParts: {
        getByNamespace: (ns: string) => ({
          load: () => ({
            items: d.parts
              .filter((p) => !p.deleted && ns === SHARE_NAMESPACE && p.xml.includes(ns))
              .map((p) => ({
                id: p.id,
                getXml: () => ({ value: p.xml }),
                delete: () => d.pending.push(() => (p.deleted = true)),
              })),
          }),
        }),
        add: (xml: string) =>
          d.pending.push(() => d.parts.push({ id: String(d.parts.length + 1), xml, deleted: false })),
      },
    },
    sync: async () => {
      d.syncs++;
      d.pending.splice(0).forEach((f) => f());
    },
  };
}

const minor = (v: string): number => Number(v.split(".")[1] ?? 0);

function workbook(): Double {
  const d = new Double();
  d.sheets.set(
    "Data",
    new Map<string, Cell>([
      ["A1", { value: 1000 }],
      ["B1", { value: 400 }],
      ["C1", { value: 200 }],
      ["D1", { value: 80 }],
      ["A3", { formula: "=DEALER.FUNNEL_RATE(A1:D1)", value: 0.4 }],
      ["B3", { value: 0.5 }],
      ["C3", { value: 0.4 }],
      ["A5", { formula: "=DEALER.ROI(A1,B1,0.2)", value: -0.5 }],
      ["A6", { formula: "=SUM(DEALER.FUNNEL_RATE(Counts))", value: 1.3 }],
      ["A7", { formula: "=_xldudf_DEALER_COST_PER_SALE(A1,D1)", value: "#NAME?" }],
      ["A8", { formula: "=SUM(A1:D1)", value: 1680 }],
    ]),
  );
  d.spills.set("Data!A3", { rows: 1, cols: 3 });
  d.install();
  return d;
}

describe("the Office.js adapter", () => {
  test("prepare: native formulas and frozen values in four syncs, however many cells, the record as a custom XML part", async () => {
    const d = workbook();
    const report = await prepareWorkbook();
    expect(d.syncs).toBeLessThanOrEqual(4);
    const data = d.sheets.get("Data")!;
    expect(data.get("A3")!.formula).toMatch(/^=IF\(/);
    expect(data.get("C3")!.formula).toMatch(/D1\/C1/);
    expect(data.get("A5")!.formula).not.toMatch(/DEALER/i);
    expect(data.get("A6")).toEqual({ value: 1.3 });
    expect(data.get("A8")).toEqual({ formula: "=SUM(A1:D1)", value: 1680 });
    expect(report.rewritten).toBe(3);
    expect(report.frozen).toBe(1);
    expect(d.parts.filter((p) => !p.deleted)).toHaveLength(1);
    await expect(prepareWorkbook()).rejects.toMatchObject({ code: "alreadyPrepared" });
    expect((await scanWorkbook()).prepared).toBe(true);
  });

  test("restore: every original formula back, spilled cells cleared, the record gone", async () => {
    const d = workbook();
    await prepareWorkbook();
    const report = await restoreWorkbook();
    const data = d.sheets.get("Data")!;
    expect(data.get("A3")!.formula).toBe("=DEALER.FUNNEL_RATE(A1:D1)");
    expect(data.has("B3")).toBe(false);
    expect(data.has("C3")).toBe(false);
    expect(data.get("A5")!.formula).toBe("=DEALER.ROI(A1,B1,0.2)");
    expect(data.get("A6")!.formula).toBe("=SUM(DEALER.FUNNEL_RATE(Counts))");
    // The saved spelling comes back live, which is what Excel with the add-in wants.
    expect(data.get("A7")!.formula).toBe("=DEALER.COST_PER_SALE(A1,D1)");
    expect(report.restored).toBe(4);
    expect(d.parts.filter((p) => !p.deleted)).toHaveLength(0);
    await expect(restoreWorkbook()).rejects.toMatchObject({ code: "notPrepared" });
  });

  test("restore keeps a cell the user edited after preparing, and says so", async () => {
    const d = workbook();
    await prepareWorkbook();
    d.sheets.get("Data")!.set("A5", { formula: "=A1*2", value: 2000 });
    const report = await restoreWorkbook();
    expect(report.kept).toBe(1);
    expect(report.entries.find((e) => e.action === "kept")?.address).toBe("A5");
    expect(d.sheets.get("Data")!.get("A5")!.formula).toBe("=A1*2");
    expect(d.sheets.get("Data")!.get("A3")!.formula).toBe("=DEALER.FUNNEL_RATE(A1:D1)");
  });

  test("restore skips the cells of a sheet deleted since, and restores the rest", async () => {
    const d = workbook();
    d.sheets.set("Other", new Map<string, Cell>([["A1", { formula: "=DEALER.ROI(1,2)", value: -0.5 }]]));
    await prepareWorkbook();
    d.sheets.delete("Other");
    const report = await restoreWorkbook();
    expect(
      report.entries.filter((e) => e.action === "skipped").map((e) => `${e.sheet}!${e.address}:${e.reason}`),
    ).toEqual(["Other!A1:notFound"]);
    expect(report.restored).toBe(4);
  });

  test("scan and repair broken cells", async () => {
    const d = workbook();
    const scan = await scanWorkbook();
    expect(scan).toMatchObject({ prepared: false, dealerCells: 4 });
    expect(scan.broken.entries.map((e) => `${e.address}:${e.reason}`)).toEqual(["A7:savedWithoutAddin"]);
    const repaired = await repairBrokenCells();
    expect(repaired.broken).toBe(1);
    expect(d.sheets.get("Data")!.get("A7")!.formula).toBe("=DEALER.COST_PER_SALE(A1,D1)");
  });

  test("without ExcelApi 1.5 prepare is refused instead of half done", async () => {
    const d = workbook();
    d.api = "1.4";
    await expect(prepareWorkbook()).rejects.toMatchObject({ code: "requirementSet" });
    expect(d.sheets.get("Data")!.get("A5")!.formula).toBe("=DEALER.ROI(A1,B1,0.2)");
  });

  test("tagDocument sets Office.AutoShowTaskpaneWithDocument and saves the settings", async () => {
    const d = workbook();
    expect(isDocumentTagged()).toBe(false);
    await tagDocument();
    expect(d.settings.get("Office.AutoShowTaskpaneWithDocument")).toBe(true);
    expect(isDocumentTagged()).toBe(true);
    await tagDocument(false);
    expect(isDocumentTagged()).toBe(false);
  });
});
