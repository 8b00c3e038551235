/**
 * "Prepare for sharing" and "Restore live functions" on an .xlsx file, through the package layer:
 * only the cells that call DEALER functions change (and the workbook part, for the record's names
 * and calcPr); every other part is carried over as it was, and a workbook without DEALER calls comes
 * back as the very same bytes. Runs in Node (CLI, tests) and in the browser (the pane's preview).
 */
import { Package } from "../workbook/ooxml/package";
import { applyEdits, editCellValue, type EditOp } from "../workbook/ooxml/sheet-edit";
import { dealerCallsIn } from "./plan";
import { serializeRecord, type RecordCell } from "./record";
import {
  addRecordPart,
  editCalcChain,
  findRecord,
  fullCalcOnLoad,
  preparedWorkbookXml,
  removeRecordPart,
  restoredWorkbookXml,
} from "./record-part";
import { entryMessage, summarize, type ShareReport, type ShareReportEntry } from "./report";
import { planRestoreCells, type CurrentCell } from "./restore";
import { badRecord, SHARE_ERROR_TEXT, ShareError } from "./share-error";
import { trackNamesFor } from "./track";
import { outsideCells, planSheet } from "./xlsx-plan";
import { regroupShared } from "./xlsx-regroup";
import { display, loadSheet, strings, type LoadedSheet } from "./xlsx-sheet";

export { badRecordText, SHARE_ERROR_TEXT, ShareError } from "./share-error";

export interface PrepareResult {
  /** The prepared workbook; the input's very bytes when nothing needed changing. */
  readonly data: Uint8Array;
  readonly report: ShareReport;
}

/** "Prepare for sharing" on an .xlsx file (throws OpenError for a file the package layer refuses). */
export async function prepareXlsx(data: Uint8Array): Promise<PrepareResult> {
  const pkg = Package.open(data);
  if (findRecord(pkg)) throw new ShareError("alreadyPrepared", SHARE_ERROR_TEXT.alreadyPrepared);
  const sst = strings(pkg);
  const entries: ShareReportEntry[] = [];
  const cells: RecordCell[] = [];
  const edited = new Map<string, string>();
  const unformula: { sheetId: number; address: string }[] = [];
  for (const sheet of pkg.sheets) {
    if (!sheet.part) continue;
    const text = pkg.text(sheet.part) ?? "";
    if (!/dealer/i.test(text)) continue;
    const loaded = loadSheet(pkg, sheet.part);
    const r = planSheet(pkg, sheet.name, sheet.index, loaded, sst);
    entries.push(...r.entries, ...outsideCells(sheet.name, text, sheet.part));
    if (r.ops.size === 0) continue;
    edited.set(sheet.part, applyEdits(loaded.edit, r.ops, sst));
    cells.push(...r.record);
    for (const [address, op] of r.ops)
      if (op.kind === "value") unformula.push({ sheetId: sheet.sheetId, address });
  }
  for (const n of pkg.names)
    if (dealerCallsIn(n.text).length > 0)
      entries.push({
        sheet: "",
        address: n.name,
        original: display(n.text),
        action: "skipped",
        reason: "notInCell",
        message: entryMessage("notInCell"),
      });
  if (edited.size === 0) return { data, report: summarize(entries, false) };

  const track = trackNamesFor(
    cells,
    pkg.names.map((n) => n.name),
  );
  const calc = fullCalcOnLoad(pkg);
  for (const [part, xml] of edited) pkg.set(part, xml);
  pkg.set(pkg.workbookPart, preparedWorkbookXml(pkg, track));
  editCalcChain(pkg, unformula);
  addRecordPart(pkg, serializeRecord({ cells, track, fullCalcOnLoad: calc }));
  return { data: pkg.save(), report: summarize(entries, true) };
}

/** "Restore live functions" on an .xlsx file prepared by prepareXlsx (or by the pane in Excel). */
export async function restoreXlsx(data: Uint8Array): Promise<PrepareResult> {
  const pkg = Package.open(data);
  const found = findRecord(pkg);
  if (!found) throw new ShareError("notPrepared", SHARE_ERROR_TEXT.notPrepared);
  if ("problem" in found.record) throw badRecord(found.record.problem);
  const record = found.record;
  const sst = strings(pkg);
  const loaded = new Map<string, LoadedSheet | null>();
  const sheetByName = new Map(pkg.sheets.map((s) => [s.name, s]));
  const load = (name: string): LoadedSheet | null => {
    if (!loaded.has(name)) {
      const part = sheetByName.get(name)?.part;
      loaded.set(name, part ? loadSheet(pkg, part) : null);
    }
    return loaded.get(name) ?? null;
  };
  const names = new Map(
    pkg.names.filter((n) => n.localSheetId === undefined).map((n) => [n.name.toLowerCase(), n.text]),
  );
  const plan = planRestoreCells(record, {
    sheetExists: (s) => sheetByName.has(s),
    nameRefersTo: (n) => names.get(n.toLowerCase()),
    cell: (sheet, address): CurrentCell | undefined => {
      const s = load(sheet);
      const c = s?.edit.byAddress.get(address);
      if (!s || !c) return undefined;
      const formula = s.formulaOf(c);
      return { value: editCellValue(c, sst), ...(formula !== undefined ? { formula } : {}) };
    },
  });
  const hasMetadata = pkg.partNames().some((p) => /^xl\/metadata\.xml$/i.test(p));
  const bySheet = new Map<string, Map<string, EditOp>>();
  for (const op of plan.ops) {
    const ops = bySheet.get(op.sheet) ?? new Map<string, EditOp>();
    ops.set(
      op.address,
      op.kind === "release"
        ? { kind: "value" }
        : {
            kind: "formula",
            formula: op.formula,
            ...(op.array ? { array: op.array } : {}),
            // A dynamic array's cell metadata points into xl/metadata.xml: only where that part is still there.
            ...(op.cm && hasMetadata ? { cm: op.cm } : {}),
          },
    );
    bySheet.set(op.sheet, ops);
  }
  for (const [sheet, ops] of bySheet) regroupShared(sheet, ops, plan.ops, record.cells, load(sheet));
  for (const [sheet, ops] of bySheet) {
    const s = load(sheet);
    const part = sheetByName.get(sheet)?.part;
    if (s && part) pkg.set(part, applyEdits(s.edit, ops, sst));
  }
  // Frozen cells that have their formula again belong in the calculation chain again.
  const sheetId = new Map(pkg.sheets.map((s) => [s.name, s.sheetId]));
  editCalcChain(
    pkg,
    plan.ops
      .filter((o) => o.kind === "release")
      .map((o) => ({ sheetId: sheetId.get(o.sheet) ?? 0, address: o.address })),
    plan.ops
      .filter((o) => o.kind === "formula" && o.wasFrozen === true)
      .map((o) => ({ sheetId: sheetId.get(o.sheet) ?? 0, address: o.address })),
  );
  pkg.set(pkg.workbookPart, restoredWorkbookXml(pkg, record));
  removeRecordPart(pkg, found.part);
  return { data: pkg.save(), report: summarize(plan.entries, true) };
}

export interface ScanResult {
  /** True when the workbook carries a share record (it was prepared and not yet restored). */
  readonly prepared: boolean;
  /** Cells whose formula calls a DEALER function (anchors only). */
  readonly dealerCells: number;
  /** DEALER cells showing #NAME?: computed somewhere without the add-in. */
  readonly report: ShareReport;
}

/** Looks for DEALER formulas and broken ones (#NAME? cached) without changing anything. */
export async function scanXlsx(data: Uint8Array): Promise<ScanResult> {
  const pkg = Package.open(data);
  const prepared = findRecord(pkg) !== undefined;
  let dealerCells = 0;
  const entries: ShareReportEntry[] = [];
  for (const sheet of pkg.sheets) {
    if (!sheet.part) continue;
    const text = pkg.text(sheet.part) ?? "";
    if (!/dealer/i.test(text)) continue;
    const { edit, formulaOf } = loadSheet(pkg, sheet.part);
    for (const c of edit.cells) {
      const formula = formulaOf(c);
      if (!formula || dealerCallsIn(formula).length === 0) continue;
      dealerCells++;
      if (c.attrs.t === "e" && c.v === "#NAME?")
        entries.push({
          sheet: sheet.name,
          address: c.address,
          original: display(formula),
          action: "broken",
          reason: "cachedNameError",
          message: entryMessage("cachedNameError"),
        });
    }
    entries.push(...outsideCells(sheet.name, text, sheet.part));
  }
  return { prepared, dealerCells, report: summarize(entries, false) };
}
