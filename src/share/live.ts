/**
 * The pure half of the Office.js path: plans "Prepare for sharing", "Restore live functions" and
 * "Repair" from what the adapter read out of the open workbook (each sheet's used-range formulas and
 * values, and the spilled ranges), as a list of cell operations the adapter then queues in one batch.
 * Kept apart from office.ts so it is tested without Excel, and shares planCell with the .xlsx path.
 */
import { ERROR_LITERALS, formatCell, parseRef, tokenize, type RefInfo } from "../core/formula";
import { dealerIdOf } from "./dealerNames";
import { dealerCallsIn, planCell, type Shape } from "./plan";
import type { FrozenValue, RecordCell, ShareRecord } from "./record";
import { planRestoreCells, type CurrentCell, type RestoreView } from "./restore";
import { trackNamesFor } from "./track";
import { entryMessage, summarize, type ShareReport, type ShareReportEntry } from "./report";

export interface LiveSheet {
  readonly name: string;
  /** 1-based row and column of the used range's top-left cell. */
  readonly top: number;
  readonly left: number;
  /** range.formulas of the used range: "=..." for formulas, the constant otherwise. */
  readonly formulas: readonly (readonly unknown[])[];
  /** range.values of the used range (errors as "#NUM!" and the like). */
  readonly values: readonly (readonly unknown[])[];
  /** Spilled results: anchor address (e.g. "C5") → size of the spill, anchor included. */
  readonly spills?: ReadonlyMap<string, Shape>;
}

export type CellOp =
  | { readonly sheet: string; readonly address: string; readonly kind: "formula"; readonly formula: string }
  | { readonly sheet: string; readonly address: string; readonly kind: "value"; readonly value: unknown }
  | { readonly sheet: string; readonly address: string; readonly kind: "clear" };

export interface LivePlan {
  readonly ops: readonly CellOp[];
  readonly report: ShareReport;
  readonly record: ShareRecord;
}

export interface DealerCellRef {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
}

/** Cells whose formula calls a DEALER function: where the adapter asks for spilled ranges. */
export function dealerCells(sheets: readonly LiveSheet[]): DealerCellRef[] {
  const out: DealerCellRef[] = [];
  for (const s of sheets) {
    s.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (typeof f === "string" && f.startsWith("=") && dealerCallsIn(f).length > 0) {
          out.push({ sheet: s.name, address: formatCell(s.top + i, s.left + j), formula: f });
        }
      }),
    );
  }
  return out;
}

/**
 * The formula with every saved spelling of our calls (`_xldudf_DEALER_ROI(`) turned back into the
 * live one (`DEALER.ROI(`), tokens only: text in strings is left alone.
 */
export function liveFormula(formula: string): string {
  return tokenize(formula)
    .map((t) => {
      if (t.type === "func" && dealerIdOf(t.text)) {
        return t.ws + t.text.replace(/^(_xldudf_)?dealer[._]/i, "DEALER.");
      }
      return t.ws + t.text;
    })
    .join("");
}

/** Defined names that refer to one cell or area (upper-cased name → reference); others are left out. */
export function nameRefs(
  names: readonly { readonly name: string; readonly formula: string }[],
): Map<string, RefInfo> {
  const out = new Map<string, RefInfo>();
  for (const n of names) {
    const toks = tokenize(n.formula).filter((t) => t.type !== "eof" && t.type !== "eq");
    const ref =
      toks.length === 1 && toks[0].type === "ref" ? parseRef(toks[0].text, toks[0].sheet ?? "") : undefined;
    if (ref) out.set(n.name.toUpperCase(), ref);
  }
  return out;
}

const display = (f: string): string => (f.startsWith("=") ? f : "=" + f);

const ERRORS: readonly string[] = ERROR_LITERALS;

/** A value as range.values gives it, as the record keeps a frozen cell's value. */
function frozenOf(v: unknown): FrozenValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" && ERRORS.includes(v)) return { error: v };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

export function planPrepare(
  sheets: readonly LiveSheet[],
  resolveName: (name: string) => RefInfo | undefined,
  existingNames: readonly string[] = [],
): LivePlan {
  const ops: CellOp[] = [];
  const cells: RecordCell[] = [];
  const entries: ShareReportEntry[] = [];
  for (const s of sheets) {
    const at = (row: number, col: number): { formula: unknown; value: unknown } => ({
      formula: s.formulas[row - s.top]?.[col - s.left],
      value: s.values[row - s.top]?.[col - s.left],
    });
    s.formulas.forEach((line, i) =>
      line.forEach((f, j) => {
        if (typeof f !== "string" || !f.startsWith("=")) return;
        const row = s.top + i;
        const col = s.left + j;
        const address = formatCell(row, col);
        const spill = s.spills?.get(address);
        const plan = planCell(
          { sheet: s.name, row, col, formula: f, ...(spill ? { spill } : {}) },
          resolveName,
        );
        if (plan.kind === "none") return;
        const formula = f.slice(1);
        const range =
          spill && (spill.rows > 1 || spill.cols > 1)
            ? `${address}:${formatCell(row + spill.rows - 1, col + spill.cols - 1)}`
            : undefined;
        const base = { sheet: s.name, address, formula, ...(range ? { range } : {}) };
        // Cells a result spilled into: recorded so restore can clear them for the anchor to spill again.
        const children: string[] = [];
        if (spill) {
          for (let r = 0; r < spill.rows; r++)
            for (let c = 0; c < spill.cols; c++) if (r || c) children.push(formatCell(row + r, col + c));
        }
        if (plan.kind === "rewrite") {
          for (const c of plan.cells) {
            ops.push({
              sheet: s.name,
              address: formatCell(c.row, c.col),
              kind: "formula",
              formula: "=" + c.formula,
            });
          }
          cells.push({ ...base, action: "rewritten", reason: plan.reason, written: plan.cells[0].formula });
          const byAddress = new Map(plan.cells.slice(1).map((c) => [formatCell(c.row, c.col), c.formula]));
          for (const child of children) {
            const written = byAddress.get(child);
            cells.push({
              sheet: s.name,
              address: child,
              action: "spill",
              reason: plan.reason,
              formula: "",
              ...(written !== undefined ? { written } : {}),
            });
          }
          entries.push({
            ...base,
            original: display(f),
            action: "rewritten",
            reason: plan.reason,
            formula: "=" + plan.cells[0].formula,
            message: entryMessage(plan.reason),
          });
        } else {
          // Replacing a spilling formula by its value empties the spill: write every spilled value.
          const value = at(row, col).value;
          ops.push({ sheet: s.name, address, kind: "value", value });
          cells.push({ ...base, action: "frozen", reason: plan.reason, frozen: frozenOf(value) });
          for (const child of children) {
            const ref = parseRef(child) as RefInfo;
            const v = at(ref.top, ref.left).value;
            ops.push({ sheet: s.name, address: child, kind: "value", value: v });
            cells.push({
              sheet: s.name,
              address: child,
              action: "spill",
              reason: plan.reason,
              formula: "",
              frozen: frozenOf(v),
            });
          }
          entries.push({
            ...base,
            original: display(f),
            action: "frozen",
            reason: plan.reason,
            ...(plan.detail ? { detail: plan.detail } : {}),
            message: entryMessage(plan.reason, plan.detail),
          });
        }
      }),
    );
  }
  const track = trackNamesFor(cells, existingNames);
  return {
    ops,
    report: summarize(entries, ops.length > 0),
    record: { version: 2, cells, track },
  };
}

/** A cell of what the adapter read, as the restore planner looks at it. */
export function liveCell(
  sheets: readonly LiveSheet[],
): (sheet: string, address: string) => CurrentCell | undefined {
  const bySheet = new Map(sheets.map((s) => [s.name, s]));
  return (sheet, address) => {
    const s = bySheet.get(sheet);
    const ref = parseRef(address);
    if (!s || !ref) return undefined;
    const f = s.formulas[ref.top - s.top]?.[ref.left - s.left];
    const v = s.values[ref.top - s.top]?.[ref.left - s.left];
    if ((f === undefined || f === "") && (v === undefined || v === "")) return undefined;
    const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
    return { value: frozenOf(v), ...(formula !== undefined ? { formula } : {}) };
  };
}

/** Clears first (so restored formulas can spill again), then the live formulas. */
export function planRestore(record: ShareRecord, view: RestoreView): { ops: CellOp[]; report: ShareReport } {
  const plan = planRestoreCells(record, view);
  const clears: CellOp[] = [];
  const formulas: CellOp[] = [];
  for (const op of plan.ops) {
    if (op.kind === "release") clears.push({ sheet: op.sheet, address: op.address, kind: "clear" });
    else
      formulas.push({
        sheet: op.sheet,
        address: op.address,
        kind: "formula",
        formula: "=" + liveFormula(op.formula),
      });
  }
  return { ops: [...clears, ...formulas], report: summarize(plan.entries, plan.ops.length > 0) };
}

/**
 * Broken DEALER cells of an open workbook: formulas Excel kept as `_xldudf_…` because the add-in was
 * not loaded when the file opened, and DEALER cells showing #NAME?.
 */
export function findBroken(sheets: readonly LiveSheet[]): ShareReportEntry[] {
  const out: ShareReportEntry[] = [];
  for (const s of sheets) {
    s.formulas.forEach((line, i) =>
      line.forEach((f, j) => {
        if (typeof f !== "string" || !f.startsWith("=") || dealerCallsIn(f).length === 0) return;
        const saved = liveFormula(f) !== f;
        const nameError = s.values[i]?.[j] === "#NAME?";
        if (!saved && !nameError) return;
        const reason = saved ? "savedWithoutAddin" : "cachedNameError";
        out.push({
          sheet: s.name,
          address: formatCell(s.top + i, s.left + j),
          original: f,
          action: "broken",
          reason,
          formula: liveFormula(f),
          message: entryMessage(reason),
        });
      }),
    );
  }
  return out;
}

/** Repair: write each broken cell's live formula back, which makes Excel compute it with the add-in. */
export function planRepair(sheets: readonly LiveSheet[]): { ops: CellOp[]; report: ShareReport } {
  const broken = findBroken(sheets);
  const ops: CellOp[] = broken.map((b) => ({
    sheet: b.sheet,
    address: b.address,
    kind: "formula",
    formula: b.formula ?? b.original,
  }));
  return { ops, report: summarize(broken, ops.length > 0) };
}
