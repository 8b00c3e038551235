/**
 * The Office.js adapter of "Prepare for sharing" for the task pane (the share feature's pure planning
 * lives in src/share; this is its only part that touches Office). It reads the open workbook in one batch (used-range formulas and values of every
 * sheet, defined names, an existing share record), asks for spilled ranges in a second, plans with
 * the pure modules (live.ts, plan.ts) and writes everything plus the record in a third.
 *
 * Requirement sets: the record is a custom XML part (workbook.customXmlParts, ExcelApi 1.5);
 * spilled ranges need ExcelApi 1.12 (older Excel has no dynamic arrays, so nothing spills there).
 */
import { ERROR_LITERALS, type RefInfo } from "../core/formula";
import {
  dealerCells,
  findBroken,
  liveCell,
  nameRefs,
  planPrepare,
  planRepair,
  planRestore,
  type CellOp,
  type LiveSheet,
} from "../share/live";
import type { Shape } from "../share/plan";
import { SHARE_NAMESPACE, parseRecord, serializeRecord, type ShareRecord } from "../share/record";
import { trackRefersTo } from "../share/track";
import { summarize, type ShareReport } from "../share/report";
import { AUTO_SHOW } from "../share/tag";

export type { ShareReport, ShareReportEntry, ShareAction, ShareReason } from "../share/report";
export { formatReport, REASON_MESSAGES } from "../share/report";

export interface WorkbookShareState {
  /** The workbook carries a share record: "Restore live functions" applies. */
  readonly prepared: boolean;
  /** Cells whose formula calls a DEALER function. */
  readonly dealerCells: number;
  /** Broken DEALER cells (saved as _xldudf_… or showing #NAME?), with a repair available. */
  readonly broken: ShareReport;
}

export class ShareUnavailableError extends Error {
  constructor(
    readonly code: "requirementSet" | "alreadyPrepared" | "notPrepared" | "badRecord",
    readonly detail?: string,
  ) {
    super(code);
    this.name = "ShareUnavailableError";
  }
}

/** Whether this Excel can prepare and restore (custom XML parts, ExcelApi 1.5). */
export function isShareSupported(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.5");
}

/** Excel refuses API calls while the user is typing in a cell; wait and retry a few times. */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run(batch);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== "InvalidOperationInCellEditMode" || attempt >= 4) throw e;
      await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
    }
  }
}

interface Snapshot {
  sheetNames: Set<string>;
  sheets: LiveSheet[];
  names: Map<string, RefInfo>;
  /** Workbook names as written (name → formula without "="). */
  nameFormulas: Map<string, string>;
  recordParts: Excel.CustomXmlPart[];
}

async function readWorkbook(context: Excel.RequestContext, withSpills: boolean): Promise<Snapshot> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const parts = isShareSupported()
    ? context.workbook.customXmlParts.getByNamespace(SHARE_NAMESPACE).load("items/id")
    : undefined;
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("formulas,values,rowIndex,columnIndex");
    return { ws, r };
  });
  await context.sync();
  const sheets: LiveSheet[] = [];
  for (const { ws, r } of used) {
    if (r.isNullObject) continue;
    sheets.push({
      name: ws.name,
      top: r.rowIndex + 1,
      left: r.columnIndex + 1,
      formulas: r.formulas as unknown[][],
      values: r.values as unknown[][],
    });
  }
  if (withSpills && Office.context.requirements.isSetSupported("ExcelApi", "1.12")) {
    const probes = dealerCells(sheets).map((c) => {
      const ws = worksheets.items.find((w) => w.name === c.sheet) as Excel.Worksheet;
      const spill = ws.getRange(c.address).getSpillingToRangeOrNullObject();
      spill.load("rowCount,columnCount");
      return { c, spill };
    });
    if (probes.length > 0) await context.sync();
    const bySheet = new Map<string, Map<string, Shape>>();
    for (const { c, spill } of probes) {
      if (spill.isNullObject) continue;
      const m = bySheet.get(c.sheet) ?? new Map<string, Shape>();
      m.set(c.address, { rows: spill.rowCount, cols: spill.columnCount });
      bySheet.set(c.sheet, m);
    }
    for (let i = 0; i < sheets.length; i++) {
      const spills = bySheet.get(sheets[i].name);
      if (spills) sheets[i] = { ...sheets[i], spills };
    }
  }
  return {
    sheetNames: new Set(worksheets.items.map((w) => w.name)),
    sheets,
    names: nameRefs(names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") }))),
    nameFormulas: new Map(
      names.items.map((n) => [n.name.toLowerCase(), String(n.formula ?? "").replace(/^=/, "")]),
    ),
    recordParts: parts ? parts.items : [],
  };
}

const ERRORS: readonly string[] = ERROR_LITERALS;

function queue(context: Excel.RequestContext, ops: readonly CellOp[]): void {
  const sheets = context.workbook.worksheets;
  for (const op of ops) {
    const range = sheets.getItem(op.sheet).getRange(op.address);
    if (op.kind === "formula") range.formulas = [[op.formula]];
    else if (op.kind === "clear") range.clear(Excel.ClearApplyTo.contents);
    // An error value cannot be written as a value; as a constant formula (=#NUM!) it stays an error.
    else if (typeof op.value === "string" && ERRORS.includes(op.value)) range.formulas = [["=" + op.value]];
    else range.values = [[op.value as string | number | boolean]];
  }
}

/** Finds DEALER cells, whether the workbook is prepared, and broken cells; changes nothing. */
export async function scanWorkbook(): Promise<WorkbookShareState> {
  return run(async (context) => {
    const snap = await readWorkbook(context, false);
    const broken = findBroken(snap.sheets);
    return {
      prepared: snap.recordParts.length > 0,
      dealerCells: dealerCells(snap.sheets).length,
      broken: summarize(broken, false),
    };
  });
}

/** "Prepare for sharing": rewrites or freezes every DEALER cell and stores the record in the workbook. */
export async function prepareWorkbook(): Promise<ShareReport> {
  if (!isShareSupported()) throw new ShareUnavailableError("requirementSet");
  return run(async (context) => {
    const snap = await readWorkbook(context, true);
    if (snap.recordParts.length > 0) throw new ShareUnavailableError("alreadyPrepared");
    const plan = planPrepare(snap.sheets, (name) => snap.names.get(name.toUpperCase()), [
      ...snap.nameFormulas.keys(),
    ]);
    if (plan.ops.length === 0) return plan.report;
    queue(context, plan.ops);
    // Hidden names over the rows and columns that matter: Excel moves them with the recipient's edits.
    for (const t of plan.record.track)
      context.workbook.names.add(t.name, "=" + trackRefersTo(t)).visible = false;
    context.workbook.customXmlParts.add(serializeRecord(plan.record));
    await context.sync();
    return plan.report;
  });
}

/** "Restore live functions": puts every recorded formula back and removes the record. */
export async function restoreWorkbook(): Promise<ShareReport> {
  if (!isShareSupported()) throw new ShareUnavailableError("requirementSet");
  return run(async (context) => {
    const snap = await readWorkbook(context, false);
    if (snap.recordParts.length === 0) throw new ShareUnavailableError("notPrepared");
    const xml = snap.recordParts.map((p) => p.getXml());
    await context.sync();
    const records: ShareRecord[] = [];
    for (const x of xml) {
      const r = parseRecord(x.value);
      // A record that fails validation is refused whole: nothing is written.
      if (r && "problem" in r) throw new ShareUnavailableError("badRecord", r.problem);
      if (r) records.push(r);
    }
    const record: ShareRecord = {
      version: 2,
      cells: records.flatMap((r) => r.cells),
      track: records.flatMap((r) => r.track),
    };
    const plan = planRestore(record, {
      sheetExists: (name) => snap.sheetNames.has(name),
      nameRefersTo: (name) => snap.nameFormulas.get(name.toLowerCase()),
      cell: liveCell(snap.sheets),
    });
    queue(context, plan.ops);
    for (const t of record.track)
      if (snap.nameFormulas.has(t.name.toLowerCase())) context.workbook.names.getItem(t.name).delete();
    for (const p of snap.recordParts) p.delete();
    await context.sync();
    return plan.report;
  });
}

/** "Repair": broken DEALER cells get their live formula back (the add-in is here, so they compute). */
export async function repairBrokenCells(): Promise<ShareReport> {
  return run(async (context) => {
    const snap = await readWorkbook(context, false);
    const plan = planRepair(snap.sheets);
    if (plan.ops.length > 0) {
      queue(context, plan.ops);
      await context.sync();
    }
    return plan.report;
  });
}

/**
 * Tags the document so Excel opens this add-in's task pane with it next time (where the add-in is
 * installed: sideloaded or centrally deployed). The setting is saved into the file's web-extension
 * part; the manifest's ShowTaskpane action with TaskpaneId Office.AutoShowTaskpaneWithDocument is
 * what Excel then opens.
 */
export function tagDocument(enabled = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const settings = Office.context.document.settings;
    if (enabled) settings.set(AUTO_SHOW, true);
    else settings.remove(AUTO_SHOW);
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(result.error);
    });
  });
}

/** Whether the document is tagged to open the pane. */
export function isDocumentTagged(): boolean {
  return Office.context.document.settings.get(AUTO_SHOW) === true;
}
