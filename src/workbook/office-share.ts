/**
 * The Office.js adapter of "Prepare for sharing" for the task pane (the share feature's pure planning
 * lives in src/share; this is its only part that touches Office). Each action is one batch: it reads
 * the open workbook (sheets, defined names, share records; then every sheet's values-only used
 * range; then, to prepare, the spilled ranges of DEALER cells), plans with the pure modules
 * (live.ts, plan.ts) and sends every write, the tracking names and the record in one last sync.
 *
 * Requirement sets: the record is a custom XML part (workbook.customXmlParts, ExcelApi 1.5);
 * spilled ranges need ExcelApi 1.12 (older Excel has no dynamic arrays, so nothing spills there).
 *
 * Every batch goes through the Office adapter's host seam (runBatch in office.ts): the same retry
 * policy as templates while Excel is in cell-edit mode, Excel's errors mapped to WorkbookErrors the
 * same way, and a host the tests replace with the strict Excel double.
 */
import { ERROR_LITERALS, type RefInfo } from "../core/formula";
import { L, type Localized } from "../core/lang";
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
import { badRecordText, SHARE_ERROR_TEXT } from "../share/xlsx";
import {
  DEFAULT_RETRY,
  excelHost,
  runBatch,
  type OfficeHost,
  type RetryPolicy,
  type XContext,
  type XCustomXmlPart,
  type XWorksheet,
} from "./office";
import { WorkbookError } from "./port";

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

const SHARE_SET = "1.5";
const SPILL_SET = "1.12";

const REQUIREMENT_TEXT: Localized = L(
  `此版本的 Excel 不支持共享准备（需要 ExcelApi ${SHARE_SET}）。请更新 Office 后重试。`,
  `This version of Excel cannot prepare workbooks for sharing (it needs ExcelApi ${SHARE_SET}). Update Office and try again.`,
);

type ShareRefusal = "requirementSet" | "alreadyPrepared" | "notPrepared" | "badRecord";

/**
 * Why sharing refused to act, with its message in both languages. A WorkbookError, so the host
 * seam passes it through unchanged and the pane shows it like any other adapter error.
 */
export class ShareUnavailableError extends WorkbookError {
  constructor(
    override readonly code: ShareRefusal,
    readonly detail?: string,
  ) {
    super(
      code,
      code === "requirementSet"
        ? REQUIREMENT_TEXT
        : code === "badRecord"
          ? badRecordText(detail ?? "")
          : SHARE_ERROR_TEXT[code],
    );
    this.name = "ShareUnavailableError";
  }
}

/** Where the share adapter's batches run: Excel by default, the strict double in tests. */
export interface ShareHost {
  readonly host?: OfficeHost;
  readonly retry?: RetryPolicy;
}

function runOn<T>(on: ShareHost, batch: (context: XContext) => Promise<T>): Promise<T> {
  return runBatch(on.host ?? excelHost(), on.retry ?? DEFAULT_RETRY, batch);
}

const supports = (on: ShareHost, version: string): boolean =>
  (on.host ?? excelHost()).isSetSupported("ExcelApi", version);

/** Whether this Excel can prepare and restore (custom XML parts, ExcelApi 1.5). */
export function isShareSupported(on: ShareHost = {}): boolean {
  return supports(on, SHARE_SET);
}

interface Snapshot {
  sheetNames: Set<string>;
  sheets: LiveSheet[];
  names: Map<string, RefInfo>;
  /** Workbook names as written (lower-cased name → formula without "="). */
  nameFormulas: Map<string, string>;
  recordParts: XCustomXmlPart[];
  /** The records' XML, when asked for (read in the used ranges' sync). */
  recordXml: string[];
}

interface ReadOptions {
  /** Ask for spilled ranges (one more sync when there are DEALER cells). */
  readonly spills?: boolean;
  /** Read the share records' XML. */
  readonly records?: boolean;
}

/**
 * One batch of reads, in two syncs (a third for spilled ranges), however many cells: sheets, names
 * and record parts; then every sheet's values-only used range (a sheet formatted down to row
 * 1,048,576 must not make Excel send a million rows) and the records' XML.
 */
async function readWorkbook(context: XContext, on: ShareHost, read: ReadOptions = {}): Promise<Snapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const parts = isShareSupported(on)
    ? context.workbook.customXmlParts.getByNamespace(SHARE_NAMESPACE)
    : undefined;
  parts?.load("items/id");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("formulas,values,rowIndex,columnIndex");
    return { ws, r };
  });
  const xml = read.records && parts ? parts.items.map((p) => p.getXml()) : [];
  await context.sync();
  const sheets: LiveSheet[] = [];
  for (const { ws, r } of used) {
    if (r.isNullObject) continue;
    sheets.push({
      name: ws.name,
      top: r.rowIndex + 1,
      left: r.columnIndex + 1,
      formulas: r.formulas,
      values: r.values,
    });
  }
  if (read.spills && supports(on, SPILL_SET)) {
    const byName = new Map<string, XWorksheet>(worksheets.items.map((w) => [w.name, w]));
    const probes = dealerCells(sheets).map((c) => {
      const spill = (byName.get(c.sheet) as XWorksheet).getRange(c.address).getSpillingToRangeOrNullObject();
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
  const named = names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") }));
  return {
    sheetNames: new Set(worksheets.items.map((w) => w.name)),
    sheets,
    names: nameRefs(named),
    nameFormulas: new Map(named.map((n) => [n.name.toLowerCase(), n.formula.replace(/^=/, "")])),
    recordParts: parts ? parts.items : [],
    recordXml: xml.map((x) => x.value),
  };
}

const ERRORS: readonly string[] = ERROR_LITERALS;

/** Queues cell operations; each is one small request, all sent by the caller's one sync. */
function queue(context: XContext, ops: readonly CellOp[]): void {
  const sheets = context.workbook.worksheets;
  for (const op of ops) {
    const range = sheets.getItem(op.sheet).getRange(op.address);
    if (op.kind === "formula") range.formulas = [[op.formula]];
    else if (op.kind === "clear") range.clear("Contents");
    // An error value cannot be written as a value; as a constant formula (=#NUM!) it stays an error.
    else if (typeof op.value === "string" && ERRORS.includes(op.value)) range.formulas = [["=" + op.value]];
    else range.values = [[op.value]];
  }
}

/** Finds DEALER cells, whether the workbook is prepared, and broken cells; changes nothing. */
export async function scanWorkbook(on: ShareHost = {}): Promise<WorkbookShareState> {
  return runOn(on, async (context) => {
    const snap = await readWorkbook(context, on);
    const broken = findBroken(snap.sheets);
    return {
      prepared: snap.recordParts.length > 0,
      dealerCells: dealerCells(snap.sheets).length,
      broken: summarize(broken, false),
    };
  });
}

/** "Prepare for sharing": rewrites or freezes every DEALER cell and stores the record in the workbook. */
export async function prepareWorkbook(on: ShareHost = {}): Promise<ShareReport> {
  if (!isShareSupported(on)) throw new ShareUnavailableError("requirementSet");
  return runOn(on, async (context) => {
    const snap = await readWorkbook(context, on, { spills: true });
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
export async function restoreWorkbook(on: ShareHost = {}): Promise<ShareReport> {
  if (!isShareSupported(on)) throw new ShareUnavailableError("requirementSet");
  return runOn(on, async (context) => {
    const snap = await readWorkbook(context, on, { records: true });
    if (snap.recordParts.length === 0) throw new ShareUnavailableError("notPrepared");
    const records: ShareRecord[] = [];
    for (const x of snap.recordXml) {
      const r = parseRecord(x);
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
export async function repairBrokenCells(on: ShareHost = {}): Promise<ShareReport> {
  return runOn(on, async (context) => {
    const snap = await readWorkbook(context, on);
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
