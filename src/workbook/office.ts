// The Office.js adapter: writes template specs into the open workbook and reads it back, and selects
// cells for the pane. Excel.run is called only through runBatch (office-run.ts), which office-share.ts's
// batches also go through: one retry policy, one error mapping. At the edges, Office's globals are also touched by
// the custom functions (registration and CustomFunctions.Error in src/functions/excelErrors.ts), the
// pane's entry (Office.onReady, for the host and its language), the ribbon's commands page
// (Office.onReady) and the share feature's document tag (settings); docs/architecture.md lists them.
//
// Batching: a whole template goes in with ONE Excel.run and TWO context.sync() calls, whatever its
// size: the first reads the sheet and name names already taken (so nothing of the user's is
// overwritten), the second sends every write, queued as 2-D blocks (range.formulas = block), never
// cell by cell. Newer APIs are used only after a requirement-set check, and a run that fails because
// the user is typing in a cell is retried with backoff.
//
// The object-model slice and the host seam are in office-model.ts, the batch runner and error
// messages in office-run.ts, the queueing of a sheet spec in office-write.ts.
import { parseRange } from "../core/a1";
import type { WorkbookSpec } from "../templates/spec";
import type { OfficeHost, XContext, XWorksheet } from "./office-model";
import { excelHost } from "./office-model";
import { API, DEFAULT_RETRY, runBatch, type RetryPolicy } from "./office-run";
import { queueSheet } from "./office-write";
import { planWrite } from "./plan";
import type {
  CellValue,
  DefinedNameSnapshot,
  SheetSnapshot,
  SnapshotCell,
  WorkbookPort,
  WorkbookSnapshot,
  WriteResult,
} from "./port";

// The adapters' shared pieces, importable from here as before.
export * from "./office-model";
export { API, DEFAULT_RETRY, runBatch, toWorkbookError, type RetryPolicy } from "./office-run";
export { charsToPoints, ruleOf } from "./office-write";

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
