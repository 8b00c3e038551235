/**
 * The pure decision of "Restore live functions", for both the .xlsx and the Office.js paths: from a
 * validated record and a view of the workbook as it is now, which cells get their DEALER formula back
 * (where they are now, references moved as the recipient's rows and columns moved) and which are kept
 * as the recipient left them, each with its reason. A cell is restored only when it still holds
 * exactly what preparing wrote into it; anything else is the recipient's work and is kept.
 */
import { colName } from "../core/a1";
import { parseRef, sameFormula } from "../core/formula";
import type { CellValue } from "../workbook/port";
import type { FrozenValue, RecordCell, ShareRecord } from "./record";
import { displayFormula, entryMessage, type ShareReason, type ShareReportEntry } from "./report";
import { Tracker } from "./track";

export interface CurrentCell {
  /** The formula without "=", when the cell holds one. */
  readonly formula?: string;
  readonly value: CellValue;
}

export interface RestoreView {
  sheetExists(sheet: string): boolean;
  /** What a defined name refers to now (undefined when the workbook has no such name). */
  nameRefersTo(name: string): string | undefined;
  /** A cell as it is now; undefined for an empty cell. */
  cell(sheet: string, address: string): CurrentCell | undefined;
}

export type RestoreOp =
  /** Give the cell its formula back (keeping its style and value; an array range when it was one). */
  | {
      readonly sheet: string;
      readonly address: string;
      readonly kind: "formula";
      readonly formula: string;
      readonly array?: string;
      readonly cm?: string;
      /** Set when preparing had frozen it (it left the calculation chain then). */
      readonly wasFrozen?: boolean;
      /** The original's shared-formula group (the .xlsx path writes whole groups back as groups). */
      readonly shared?: { readonly si: string; readonly ref?: string };
      /** Where the cell was when prepared (equal to address when nothing moved). */
      readonly recorded: string;
    }
  /** A cell the restored result spills into again: its own formula goes. */
  | { readonly sheet: string; readonly address: string; readonly kind: "release" };

export interface RestorePlan {
  readonly ops: readonly RestoreOp[];
  readonly entries: readonly ShareReportEntry[];
}

function sameValue(a: CellValue, b: FrozenValue): boolean {
  if (a === null || a === "") return b === null || b === "";
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) return a.error === b.error;
  return a === b;
}

/** Whether a cell still holds what preparing wrote into it. */
function untouched(cur: CurrentCell | undefined, rc: RecordCell, written: string | undefined): boolean {
  if (rc.written !== undefined) return written !== undefined && sameFormula(cur?.formula ?? "", written);
  if (cur?.formula !== undefined) return false;
  // A frozen cell: its value must be the one preparing left (a record without one: any value).
  return rc.frozen === undefined || sameValue(cur?.value ?? null, rc.frozen);
}

const display = (f: string): string => (f.startsWith("=") ? f : "=" + f);

/** Anchors with the spill cells inside their range (the record lists them right after the anchor). */
function groups(cells: readonly RecordCell[]): { anchor: RecordCell; spill: RecordCell[] }[] {
  const out: { anchor: RecordCell; spill: RecordCell[] }[] = [];
  for (const c of cells) {
    if (c.action !== "spill") {
      out.push({ anchor: c, spill: [] });
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.anchor.sheet === c.sheet) last.spill.push(c);
  }
  return out;
}

export function planRestoreCells(record: ShareRecord, view: RestoreView): RestorePlan {
  const tracker = new Tracker(
    record.track,
    (n) => view.nameRefersTo(n),
    (s) => view.sheetExists(s),
  );
  const ops: RestoreOp[] = [];
  const entries: ShareReportEntry[] = [];
  const where = (sheet: string, address: string): string | undefined => {
    const a = parseRef(address);
    if (!a) return undefined;
    const row = tracker.row(sheet, a.top);
    const col = tracker.col(sheet, a.left);
    return row === undefined || col === undefined ? undefined : `${colName(col - 1)}${row}`;
  };
  for (const { anchor, spill } of groups(record.cells)) {
    const entry = (
      reason: ShareReason,
      address = anchor.address,
      sheet = anchor.sheet,
    ): ShareReportEntry => ({
      sheet,
      address,
      ...(anchor.range ? { range: anchor.range } : {}),
      original: displayFormula(display(anchor.formula)),
      action: reason === "restored" ? "restored" : reason === "changedSincePrepared" ? "kept" : "skipped",
      reason,
      message: entryMessage(reason),
    });
    const sheet = tracker.sheet(anchor.sheet);
    if (sheet === undefined) {
      entries.push(entry("notFound"));
      continue;
    }
    const address = where(anchor.sheet, anchor.address);
    if (address === undefined) {
      entries.push(entry(tracker.moved(anchor.sheet) ? "notFound" : "movedSurroundings"));
      continue;
    }
    // Every cell of the group, where it is now, must still hold what preparing wrote.
    let verdict: ShareReason | undefined;
    for (const rc of [anchor, ...spill]) {
      const at = rc === anchor ? address : where(rc.sheet, rc.address);
      if (at === undefined) {
        verdict = "movedSurroundings";
        break;
      }
      const written = rc.written !== undefined ? tracker.formula(rc.written, rc.sheet) : undefined;
      if (rc.written !== undefined && written === undefined) {
        verdict = "movedSurroundings";
        break;
      }
      if (!untouched(view.cell(sheet, at), rc, written)) {
        verdict = "changedSincePrepared";
        break;
      }
    }
    const formula = tracker.formula(anchor.formula, anchor.sheet);
    const range = anchor.range ? rangeNow(anchor.range, anchor.sheet, tracker) : undefined;
    if (verdict === undefined && (formula === undefined || (anchor.range && range === undefined)))
      verdict = "movedSurroundings";
    if (verdict !== undefined) {
      entries.push({ ...entry(verdict, address, sheet), original: displayFormula(display(anchor.formula)) });
      continue;
    }
    ops.push({
      sheet,
      address,
      kind: "formula",
      formula: formula as string,
      ...(anchor.array && range ? { array: range } : {}),
      ...(anchor.cm ? { cm: anchor.cm } : {}),
      ...(anchor.action === "frozen" ? { wasFrozen: true } : {}),
      ...(anchor.shared ? { shared: anchor.shared } : {}),
      recorded: anchor.address,
    });
    for (const rc of spill) {
      const at = where(rc.sheet, rc.address);
      if (at) ops.push({ sheet, address: at, kind: "release" });
    }
    entries.push({ ...entry("restored", address, sheet), ...(range ? { range } : {}) });
  }
  return { ops, entries };
}

function rangeNow(range: string, sheet: string, tracker: Tracker): string | undefined {
  const r = parseRef(range);
  if (!r) return undefined;
  const top = tracker.row(sheet, r.top);
  const bottom = tracker.row(sheet, r.bottom);
  const left = tracker.col(sheet, r.left);
  const right = tracker.col(sheet, r.right);
  if (top === undefined || bottom === undefined || left === undefined || right === undefined)
    return undefined;
  return `${colName(left - 1)}${top}:${colName(right - 1)}${bottom}`;
}
