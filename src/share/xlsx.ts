/**
 * "Prepare for sharing" and "Restore live functions" on an .xlsx file, through the package layer:
 * only the cells that call DEALER functions change (and the workbook part, for the record's names
 * and calcPr); every other part is carried over as it was, and a workbook without DEALER calls comes
 * back as the very same bytes. Runs in Node (CLI, tests) and in the browser (the pane's preview).
 */
import { formatCell, parseRef, shiftFormula, tokenize, type RefInfo } from "../core/formula";
import { L, type Localized } from "../core/lang";
import { Package, REL } from "../workbook/ooxml/package";
import { readSharedStrings } from "../workbook/ooxml/read";
import {
  applyEdits,
  editCellValue,
  formulasOutsideCells,
  parseEditable,
  type EditableSheet,
  type EditCell,
  type EditOp,
} from "../workbook/ooxml/sheet-edit";
import { dealerCallsIn, planCell, type CellPlan } from "./plan";
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
import { planRestoreCells, type CurrentCell, type RestoreOp } from "./restore";
import { trackNamesFor } from "./track";

export class ShareError extends Error {
  constructor(
    readonly code: "alreadyPrepared" | "notPrepared" | "badRecord",
    readonly text: Localized,
  ) {
    super(text["en-US"]);
    this.name = "ShareError";
  }
}

export const SHARE_ERROR_TEXT = {
  alreadyPrepared: L(
    "此工作簿已做共享准备；请先恢复实时函数。",
    "This workbook is already prepared for sharing; restore live functions first.",
  ),
  notPrepared: L(
    "此工作簿未做共享准备，没有可恢复的内容。",
    "This workbook was not prepared for sharing: there is nothing to restore.",
  ),
} as const;

/** A record that fails validation: restore writes nothing and says why. */
export const badRecordText = (why: string): Localized =>
  L(
    `工作簿中的共享记录无效（${why}），未做任何修改。`,
    `The share record in this workbook is not valid (${why}); nothing was changed.`,
  );

const badRecord = (why: string): ShareError => new ShareError("badRecord", badRecordText(why));

const display = (formula: string): string => "=" + formula;

/** A sheet's editable cells with each cell's own formula (shared-formula members expanded). */
interface LoadedSheet {
  readonly edit: EditableSheet;
  readonly formulaOf: (c: EditCell) => string | undefined;
}

function loadSheet(pkg: Package, part: string): LoadedSheet {
  const edit = parseEditable(pkg.text(part) ?? "", part);
  const masters = new Map<string, EditCell>();
  for (const c of edit.cells)
    if (c.f?.attrs.t === "shared" && c.f.text && c.f.attrs.si !== undefined) masters.set(c.f.attrs.si, c);
  const formulaOf = (c: EditCell): string | undefined => {
    if (!c.f) return undefined;
    if (c.f.attrs.t === "shared" && !c.f.text) {
      const m = c.f.attrs.si !== undefined ? masters.get(c.f.attrs.si) : undefined;
      return m?.f ? shiftFormula(m.f.text, c.row - m.row, c.col - m.col) : undefined;
    }
    return c.f.text;
  };
  return { edit, formulaOf };
}

function nameResolver(pkg: Package, sheetIndex: number): (name: string) => RefInfo | undefined {
  return (name) => {
    const key = name.replace(/^.*!/, "").toUpperCase();
    const list = pkg.names.filter((n) => n.name.toUpperCase() === key);
    const pick =
      list.find((n) => n.localSheetId === sheetIndex) ?? list.find((n) => n.localSheetId === undefined);
    if (!pick) return undefined;
    const toks = tokenize(pick.text).filter((t) => t.type !== "eof");
    return toks.length === 1 && toks[0].type === "ref"
      ? parseRef(toks[0].text, toks[0].sheet ?? "")
      : undefined;
  };
}

function strings(pkg: Package): string[] {
  return readSharedStrings(
    pkg,
    pkg.relationships(pkg.workbookPart).find((r) => r.type === REL.sharedStrings)?.part,
  );
}

export interface PrepareResult {
  /** The prepared workbook; the input's very bytes when nothing needed changing. */
  readonly data: Uint8Array;
  readonly report: ShareReport;
}

/** DEALER calls that no cell holds (conditional formats, validations): reported, left as they are. */
function outsideCells(sheetName: string, text: string, part: string): ShareReportEntry[] {
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

function planSheet(
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

/**
 * A shared-formula group that comes back whole and in place is written back as the group it was
 * (the master with its range and text, members with the si only), so the sheet is what it was.
 * Otherwise each cell keeps its own full formula, which means the same to every reader. A group
 * number another group now uses (a re-save renumbers them) is replaced by a free one.
 */
function regroupShared(
  sheet: string,
  ops: Map<string, EditOp>,
  planned: readonly RestoreOp[],
  cells: readonly RecordCell[],
  loaded: LoadedSheet | null,
): void {
  if (!loaded) return;
  const groups = new Map<string, RestoreOp[]>();
  for (const op of planned)
    if (op.kind === "formula" && op.sheet === sheet && op.shared) {
      const list = groups.get(op.shared.si) ?? [];
      list.push(op);
      groups.set(op.shared.si, list);
    }
  for (const [si, list] of groups) {
    const all = cells.filter((c) => c.sheet === sheet && c.shared?.si === si);
    const restored = new Set(list.map((o) => (o.kind === "formula" ? o.recorded : "")));
    const inPlace = list.every((o) => o.kind === "formula" && o.address === o.recorded);
    const master = all.find((c) => c.shared?.ref);
    if (!inPlace || !master || !all.every((c) => restored.has(c.address))) continue;
    const mine = new Set(list.map((o) => o.address));
    const used = loaded.edit.cells
      .filter((c) => !mine.has(c.address) && c.f?.attrs.t === "shared")
      .map((c) => Number(c.f?.attrs.si));
    const free = used.includes(Number(si)) ? String(Math.max(-1, ...used) + 1) : si;
    for (const o of list) {
      const cur = ops.get(o.address);
      if (!cur || cur.kind !== "formula") continue;
      ops.set(o.address, {
        ...cur,
        shared: {
          si: free,
          ...(master.shared?.ref ? { ref: master.shared.ref } : {}),
          member: o.address !== master.address,
        },
      });
    }
  }
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
