/**
 * The record of a prepared workbook: what each touched cell held before, so "Restore live functions"
 * can put it back. It travels inside the workbook as a custom XML part (namespace SHARE_NAMESPACE),
 * which Excel and LibreOffice keep on save and Office.js reads through workbook.customXmlParts, so a
 * file prepared by the command line can be restored in the pane and back.
 *
 * A received workbook is untrusted, and so is its record: it is read as data and validated before
 * anything is written. It holds formulas for cells of sheets, and nothing else: never parts, never
 * paths, never cell XML (version 1 records carried those; they are ignored).
 */
import { MAX_COLS, MAX_ROWS, tryParseCell } from "../core/a1";
import { parseRef, tokenize } from "../core/formula";
import { escapeAttr, escapeText } from "../workbook/ooxml/escape";
import { attr, kid, kids, parseTree, type XmlElement } from "../workbook/ooxml/xml";
import type { CellValue } from "../workbook/port";
import { dealerCallsIn, MAX_FORMULA_LENGTH } from "./plan";

export const SHARE_NAMESPACE = "urn:dealer-mkt:share:1";

/** A frozen cell's value as prepare left it, so restore can tell whether the recipient changed it. */
export type FrozenValue = CellValue;

export interface RecordCell {
  readonly sheet: string;
  readonly address: string;
  /** "rewritten"/"frozen" for the cell that held the DEALER formula; "spill" for a cell its result spilled into. */
  readonly action: "rewritten" | "frozen" | "spill";
  readonly reason: string;
  /** The original formula as the file stores it (no "="); "" for spill cells. */
  readonly formula: string;
  /** The anchor's spilled or array range when it covered more than one cell (e.g. "C5:C9"). */
  readonly range?: string;
  /** Set when the original was an array formula (t="array" in the file). */
  readonly array?: boolean;
  /** The original's cell-metadata index (cm: a dynamic array in Excel 365), a small number. */
  readonly cm?: string;
  /** The original was a member of a shared-formula group: its si, and the group's range on the master. */
  readonly shared?: { readonly si: string; readonly ref?: string };
  /** The native formula written (no "="), to tell whether the recipient changed the cell since. */
  readonly written?: string;
  /** For frozen cells (and frozen spill cells): the value left in the cell. */
  readonly frozen?: FrozenValue;
}

/** A hidden defined name over a whole row or column, which Excel and LibreOffice move with the sheet. */
export interface TrackName {
  readonly name: string;
  /** The sheet as it was named when prepared. */
  readonly sheet: string;
  readonly kind: "row" | "col";
  /** 1-based row or column when prepared. */
  readonly index: number;
}

export interface ShareRecord {
  readonly version: 1 | 2;
  readonly cells: readonly RecordCell[];
  readonly track: readonly TrackName[];
  /** calcPr's fullCalcOnLoad before preparing (null: the attribute was absent). */
  readonly fullCalcOnLoad?: string | null;
}

export type RecordProblem = { readonly problem: string };

const el = (name: string, v: string | undefined): string =>
  v === undefined ? "" : `<${name}>${escapeText(v)}</${name}>`;
const at = (name: string, v: string | undefined): string =>
  v === undefined ? "" : ` ${name}="${escapeAttr(v)}"`;

function frozenXml(v: FrozenValue | undefined): string {
  if (v === undefined) return "";
  if (v === null) return `<frozen t="empty"/>`;
  if (typeof v === "number") return `<frozen t="n">${String(v)}</frozen>`;
  if (typeof v === "boolean") return `<frozen t="b">${v ? 1 : 0}</frozen>`;
  if (typeof v === "string") return `<frozen t="s">${escapeText(v)}</frozen>`;
  return `<frozen t="e">${escapeText(v.error)}</frozen>`;
}

export function serializeRecord(record: Omit<ShareRecord, "version">): string {
  const cells = record.cells.map(
    (c) =>
      `<cell${at("sheet", c.sheet)}${at("r", c.address)}${at("action", c.action)}${at("reason", c.reason)}` +
      `${at("range", c.range)}${c.array ? ' array="1"' : ""}${at("cm", c.cm)}` +
      `${at("si", c.shared?.si)}${at("sref", c.shared?.ref)}>` +
      `${el("formula", c.formula)}${el("written", c.written)}${frozenXml(c.frozen)}</cell>`,
  );
  const track = record.track.map(
    (t) =>
      `<track${at("name", t.name)}${at("sheet", t.sheet)}${at("kind", t.kind)}${at("index", String(t.index))}/>`,
  );
  const calc =
    record.fullCalcOnLoad === undefined
      ? ""
      : record.fullCalcOnLoad === null
        ? `<calc absent="1"/>`
        : `<calc${at("fullCalcOnLoad", record.fullCalcOnLoad)}/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<dealerShare xmlns="${SHARE_NAMESPACE}" version="2">${calc}${track.join("")}${cells.join("")}</dealerShare>`
  );
}

/** Excel's functions that reach outside the workbook or run code: a record never restores them. */
const FORBIDDEN =
  /^(?:_xlfn\.)?(HYPERLINK|WEBSERVICE|FILTERXML|CALL|REGISTER|REGISTER\.ID|EXEC|RTD|DDE|INFO|CUBE\w*)$/i;

/** Why a formula from a record may not be written back, or undefined when it may. */
export function formulaProblem(formula: string, mustCallDealer: boolean): string | undefined {
  if (formula.length === 0) return "an empty formula";
  if (formula.length > MAX_FORMULA_LENGTH) return "a formula longer than Excel allows";
  let toks;
  try {
    toks = tokenize(formula);
  } catch {
    return "a formula that does not parse";
  }
  for (const t of toks) {
    if (t.type === "func" && FORBIDDEN.test(t.text)) return `a formula calling ${t.text}`;
    // External references ([1]Sheet!A1, '[Book.xlsx]S'!A1) and DDE links (cmd|'/c …'!A1) reach
    // outside the workbook; table references (Table1[Col]) stay inside it.
    if (t.type === "unknown" && t.text.includes("|")) return "a formula with a DDE link";
    if ((t.type === "ref" || t.type === "name") && /^'?\[/.test(t.sheet ?? ""))
      return "a formula referring to another workbook";
  }
  if (mustCallDealer && dealerCallsIn(formula).length === 0) return "a formula that calls no DEALER function";
  if (!mustCallDealer && dealerCallsIn(formula).length > 0)
    return "a written formula that calls a DEALER function";
  return undefined;
}

function parseFrozen(e: XmlElement | undefined): FrozenValue | undefined {
  if (!e) return undefined;
  const t = attr(e, "t");
  if (t === "empty") return null;
  if (t === "n") {
    const n = Number(e.text);
    return Number.isFinite(n) ? n : undefined;
  }
  if (t === "b") return e.text === "1";
  if (t === "s") return e.text.length <= 32767 ? e.text : undefined;
  if (t === "e") return /^#[A-Z0-9/!?.]{1,15}$/.test(e.text) ? { error: e.text } : undefined;
  return undefined;
}

const validAddress = (a: string): boolean =>
  /^[A-Z]{1,3}[0-9]{1,7}$/.test(a) && tryParseCell(a) !== undefined;

function validRange(range: string, anchor: string): boolean {
  const r = parseRef(range);
  const a = parseRef(anchor);
  if (!r || !a || r.kind !== "area") return false;
  return r.bottom <= MAX_ROWS && r.right <= MAX_COLS && r.top === a.top && r.left === a.left;
}

/**
 * Reads a record from a custom XML part. Undefined when the part is not a share record; a problem when
 * it is one but fails validation (restore then writes nothing).
 */
export function parseRecord(xml: string): ShareRecord | RecordProblem | undefined {
  if (!xml.includes(SHARE_NAMESPACE)) return undefined;
  let root: XmlElement;
  try {
    root = parseTree(xml, "customXml");
  } catch {
    return { problem: "the record is not valid XML" };
  }
  if (root.local !== "dealerShare" || root.uri !== SHARE_NAMESPACE) return undefined;
  const version = attr(root, "version") === "2" ? 2 : 1;
  const cells: RecordCell[] = [];
  const all = kids(root, "cell");
  if (all.length > 1_000_000) return { problem: "the record lists more cells than a workbook can hold" };
  for (const c of all) {
    const sheet = attr(c, "sheet") ?? "";
    const address = attr(c, "r") ?? "";
    const action = attr(c, "action");
    if (action !== "rewritten" && action !== "frozen" && action !== "spill")
      return { problem: `an unknown action for ${address}` };
    if (sheet === "" || sheet.length > 31) return { problem: "a cell of a sheet with an impossible name" };
    if (!validAddress(address)) return { problem: `an impossible cell address "${address.slice(0, 20)}"` };
    const formula = kid(c, "formula")?.text ?? "";
    const written = kid(c, "written")?.text;
    const range = attr(c, "range");
    const cm = attr(c, "cm");
    if (range !== undefined && !validRange(range, address))
      return { problem: `an impossible range for ${address}` };
    if (cm !== undefined && !/^[0-9]{1,6}$/.test(cm))
      return { problem: `an impossible cell metadata for ${address}` };
    const si = attr(c, "si");
    const sref = attr(c, "sref");
    if (si !== undefined && !/^[0-9]{1,6}$/.test(si))
      return { problem: `an impossible shared formula for ${address}` };
    if (sref !== undefined && (si === undefined || !validRange(sref, address)))
      return { problem: `an impossible shared formula range for ${address}` };
    if (action !== "spill") {
      const p = formulaProblem(formula, true);
      if (p) return { problem: `${p} for ${sheet}!${address}` };
    }
    if (written !== undefined) {
      const p = formulaProblem(written, false);
      if (p) return { problem: `${p} for ${sheet}!${address}` };
    }
    const frozenEl = kid(c, "frozen");
    const frozen = parseFrozen(frozenEl);
    if (frozenEl && frozen === undefined) return { problem: `an impossible frozen value for ${address}` };
    cells.push({
      sheet,
      address,
      action,
      reason: (attr(c, "reason") ?? "").slice(0, 40),
      formula: action === "spill" ? "" : formula,
      ...(range !== undefined ? { range } : {}),
      ...(attr(c, "array") === "1" ? { array: true } : {}),
      ...(cm !== undefined ? { cm } : {}),
      ...(si !== undefined ? { shared: { si, ...(sref !== undefined ? { ref: sref } : {}) } } : {}),
      ...(written !== undefined ? { written } : {}),
      ...(frozen !== undefined ? { frozen } : {}),
    });
  }
  const track: TrackName[] = [];
  for (const t of kids(root, "track")) {
    const name = attr(t, "name") ?? "";
    const kind = attr(t, "kind");
    const index = Number(attr(t, "index"));
    const sheet = attr(t, "sheet") ?? "";
    if (!/^_dmk_[A-Za-z0-9_]{1,40}$/.test(name)) return { problem: "a tracking name of the wrong form" };
    if (kind !== "row" && kind !== "col") return { problem: "a tracking name of an unknown kind" };
    if (!Number.isInteger(index) || index < 1 || index > (kind === "row" ? MAX_ROWS : MAX_COLS))
      return { problem: "a tracking name outside the sheet" };
    track.push({ name, sheet, kind, index });
  }
  const calc = kid(root, "calc");
  const fullCalcOnLoad = calc
    ? attr(calc, "absent") === "1"
      ? null
      : (attr(calc, "fullCalcOnLoad") ?? null)
    : undefined;
  if (typeof fullCalcOnLoad === "string" && !/^(0|1|true|false)$/.test(fullCalcOnLoad))
    return { problem: "an impossible calculation setting" };
  return { version, cells, track, ...(fullCalcOnLoad !== undefined ? { fullCalcOnLoad } : {}) };
}

export const isRecordProblem = (x: ShareRecord | RecordProblem | undefined): x is RecordProblem =>
  x !== undefined && "problem" in x;
