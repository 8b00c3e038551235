/**
 * "Prepare for sharing" on one worksheet of an .xlsx file: what each DEALER cell becomes (the
 * edits to its cells, the share record's cells, the report's entries), and the DEALER calls that
 * no cell holds, which are reported and left as they are.
 */
import { formatCell, parseRef } from "../core/formula";
import type { Package } from "../workbook/ooxml/package";
import {
  editCellValue,
  formulasOutsideCells,
  type EditCell,
  type EditOp,
} from "../workbook/ooxml/sheet-edit";
import { dealerCallsIn, planCell, type CellPlan } from "./plan";
import type { RecordCell } from "./record";
import { entryMessage, type ShareReportEntry } from "./report";
import { display, nameResolver, type LoadedSheet } from "./xlsx-sheet";

/** DEALER calls that no cell holds (conditional formats, validations): reported, left as they are. */
export function outsideCells(sheetName: string, text: string, part: string): ShareReportEntry[] {
  return formulasOutsideCells(text, part)
    .filter((f) => dealerCallsIn(f).length > 0)
    .map((f) => ({
      sheet: sheetName,
      address: "—",
      original: display(f),
      action: "skipped" as const,
      reason: "notInCell" as const,
      message: entryMessage("notInCell"),
    }));
}

export function planSheet(
  pkg: Package,
  sheetName: string,
  sheetIndex: number,
  loaded: LoadedSheet,
  sst: readonly string[],
): { ops: Map<string, EditOp>; record: RecordCell[]; entries: ShareReportEntry[] } {
  const { edit, formulaOf } = loaded;
  const ops = new Map<string, EditOp>();
  const record: RecordCell[] = [];
  const entries: ShareReportEntry[] = [];
  const resolve = nameResolver(pkg, sheetIndex);
  for (const c of edit.cells) {
    const formula = formulaOf(c);
    if (formula === undefined) continue;
    const isArray = c.f?.attrs.t === "array";
    const area = isArray && c.f?.attrs.ref ? parseRef(c.f.attrs.ref) : undefined;
    const spill = area ? { rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 } : undefined;
    let plan: CellPlan = planCell(
      { sheet: sheetName, row: c.row + 1, col: c.col + 1, formula, ...(spill ? { spill } : {}) },
      resolve,
    );
    if (plan.kind === "none") continue;
    const range = spill && (spill.rows > 1 || spill.cols > 1) ? c.f?.attrs.ref : undefined;
    // Every spilled cell must exist to take its own formula; otherwise freeze.
    if (
      plan.kind === "rewrite" &&
      plan.cells.slice(1).some((x) => !edit.byAddress.has(formatCell(x.row, x.col)))
    )
      plan = { kind: "freeze", reason: "spillMismatch", detail: "missing spilled cell" };
    const cm = c.attrs.cm !== undefined && /^\d{1,6}$/.test(c.attrs.cm) ? c.attrs.cm : undefined;
    const si = c.f?.attrs.t === "shared" ? c.f.attrs.si : undefined;
    const shared =
      si !== undefined && /^\d{1,6}$/.test(si)
        ? { si, ...(c.f?.attrs.ref ? { ref: c.f.attrs.ref } : {}) }
        : undefined;
    const base = {
      sheet: sheetName,
      address: c.address,
      formula,
      ...(range ? { range } : {}),
      ...(isArray ? { array: true } : {}),
      ...(cm ? { cm } : {}),
      ...(shared ? { shared } : {}),
    };
    const children = area
      ? [...Array(area.bottom - area.top + 1).keys()]
          .flatMap((i) =>
            [...Array(area.right - area.left + 1).keys()].map((j) => formatCell(area.top + i, area.left + j)),
          )
          .filter((a) => a !== c.address && edit.byAddress.has(a))
      : [];
    if (plan.kind === "rewrite") {
      const [anchor, ...rest] = plan.cells;
      // A cached #NAME? (computed without the add-in) must not survive as the rewritten cell's value.
      ops.set(c.address, {
        kind: "formula",
        formula: anchor.formula,
        ...(c.attrs.t === "e" && c.v === "#NAME?" ? { dropValue: true } : {}),
      });
      record.push({ ...base, action: "rewritten", reason: plan.reason, written: anchor.formula });
      for (const x of rest) {
        const addr = formatCell(x.row, x.col);
        ops.set(addr, { kind: "formula", formula: x.formula });
        record.push({
          sheet: sheetName,
          address: addr,
          action: "spill",
          reason: plan.reason,
          formula: "",
          written: x.formula,
        });
      }
      entries.push({
        sheet: sheetName,
        address: c.address,
        ...(range ? { range } : {}),
        original: display(formula),
        action: "rewritten",
        reason: plan.reason,
        formula: display(anchor.formula),
        message: entryMessage(plan.reason),
      });
    } else {
      ops.set(c.address, { kind: "value" });
      record.push({ ...base, action: "frozen", reason: plan.reason, frozen: editCellValue(c, sst) });
      for (const a of children) {
        const child = edit.byAddress.get(a) as EditCell;
        ops.set(a, { kind: "value" });
        record.push({
          sheet: sheetName,
          address: a,
          action: "spill",
          reason: plan.reason,
          formula: "",
          frozen: editCellValue(child, sst),
        });
      }
      // Freezing a #NAME? keeps a broken value: say so, the user wants the add-in's repair first.
      const empty = c.v === undefined && c.attrs.t !== "inlineStr";
      const reason = empty
        ? "noCachedValue"
        : c.attrs.t === "e" && c.v === "#NAME?"
          ? "cachedNameError"
          : plan.reason;
      entries.push({
        sheet: sheetName,
        address: c.address,
        ...(range ? { range } : {}),
        original: display(formula),
        action: "frozen",
        reason,
        ...(plan.detail ? { detail: plan.detail } : {}),
        message: entryMessage(reason, plan.detail),
      });
    }
  }
  return { ops, record, entries };
}
