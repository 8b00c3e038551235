/**
 * "Prepare for sharing" and "Restore live functions" on an .xlsx package, working on the OOXML
 * parts directly (jszip) instead of a load/save round trip through a spreadsheet library, which
 * would drop charts and rewrite every byte. Only the cells that call DEALER functions change;
 * every other byte of every part stays as it was, and a workbook without DEALER calls comes back
 * as the very same bytes. Runs in Node (CLI, tests) and in the browser (the pane's preview mode).
 */
import JSZip from "jszip";
import { formatCell, parseRef, sameFormula, shiftFormula, tokenize, type RefInfo } from "../core/formula";
import { dealerCallsIn, planCell, type CellPlan, type Shape } from "./plan";
import { SHARE_NAMESPACE, escapeXml, parseRecord, serializeRecord, unescapeXml } from "./record";
import type { RecordCell, RecordPart, ShareRecord } from "./record";
import { entryMessage, summarize, type ShareReport, type ShareReportEntry } from "./report";

export class ShareError extends Error {
  constructor(
    readonly code: "notXlsx" | "alreadyPrepared" | "notPrepared",
    message: string,
  ) {
    super(message);
    this.name = "ShareError";
  }
}

export const SHARE_ERROR_TEXT: Readonly<Record<ShareError["code"], { "en-US": string; "zh-CN": string }>> = {
  notXlsx: { "en-US": "Not an .xlsx workbook.", "zh-CN": "不是 .xlsx 工作簿。" },
  alreadyPrepared: {
    "en-US": "This workbook is already prepared for sharing; restore live functions first.",
    "zh-CN": "此工作簿已准备好共享;请先恢复实时函数。",
  },
  notPrepared: {
    "en-US": "This workbook was not prepared for sharing: there is nothing to restore.",
    "zh-CN": "此工作簿未做共享准备,没有可恢复的内容。",
  },
};

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_CUSTOM_XML = `${REL_NS}/customXml`;
const REL_CUSTOM_XML_PROPS = `${REL_NS}/customXmlProps`;
const REL_CALC_CHAIN = `${REL_NS}/calcChain`;
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const CONTENT_TYPES = "[Content_Types].xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

export interface SheetPart {
  readonly name: string;
  readonly path: string;
  readonly index: number;
}

interface Package {
  readonly zip: JSZip;
  readonly sheets: readonly SheetPart[];
  readonly names: ReadonlyMap<string, { ref: RefInfo; sheetIndex?: number }[]>;
}

/** Writes a part without the folder entries jszip adds by default: OPC packages have none. */
function put(zip: JSZip, path: string, content: string): void {
  zip.file(path, content, { createFolders: false });
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async("string") : undefined;
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

async function openPackage(data: Uint8Array | ArrayBuffer): Promise<Package> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new ShareError("notXlsx", SHARE_ERROR_TEXT.notXlsx["en-US"]);
  }
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, WORKBOOK_RELS);
  if (workbook === undefined || rels === undefined)
    throw new ShareError("notXlsx", SHARE_ERROR_TEXT.notXlsx["en-US"]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget("xl", a.Target));
  }
  const sheets: SheetPart[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (a.name !== undefined && path && zip.file(path))
      sheets.push({ name: a.name, path, index: sheets.length });
  }
  const names = new Map<string, { ref: RefInfo; sheetIndex?: number }[]>();
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const a = attrsOf(m[1]);
    const toks = tokenize(unescapeXml(m[2])).filter((t) => t.type !== "eof");
    if (!a.name || toks.length !== 1 || toks[0].type !== "ref") continue;
    const ref = parseRef(toks[0].text, toks[0].sheet ?? "");
    if (!ref) continue;
    const key = a.name.toUpperCase();
    const list = names.get(key) ?? [];
    list.push(a.localSheetId !== undefined ? { ref, sheetIndex: Number(a.localSheetId) } : { ref });
    names.set(key, list);
  }
  return { zip, sheets, names };
}

/** A cell element of a sheet's sheetData, with where it sits in the sheet XML. */
interface CellElement {
  readonly start: number;
  readonly end: number;
  readonly xml: string;
  readonly startTag: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly t?: string;
  readonly f?: { readonly attrs: Record<string, string>; readonly text: string | undefined };
  readonly v?: string;
}

function scanCells(sheetXml: string): CellElement[] {
  const open = sheetXml.search(/<sheetData\b/);
  if (open < 0) return [];
  const close = sheetXml.indexOf("</sheetData>", open);
  const region = sheetXml.slice(0, close < 0 ? sheetXml.length : close);
  const out: CellElement[] = [];
  const re = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
  re.lastIndex = open;
  for (let m = re.exec(region); m; m = re.exec(region)) {
    const a = attrsOf(m[1]);
    const ref = a.r ? parseRef(a.r) : undefined;
    if (!ref || ref.kind !== "cell") continue;
    const inner = m[3] ?? "";
    const fm = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    const vm = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      xml: m[0],
      startTag: `<c${m[1]}>`,
      address: a.r,
      row: ref.top,
      col: ref.left,
      ...(a.t !== undefined ? { t: a.t } : {}),
      ...(fm
        ? { f: { attrs: attrsOf(fm[1]), text: fm[2] === undefined ? undefined : unescapeXml(fm[2]) } }
        : {}),
      ...(vm ? { v: unescapeXml(vm[1]) } : {}),
    });
  }
  return out;
}

/** Sets, replaces (in place) or removes one attribute of a cell's start tag. */
type Masters = ReadonlyMap<string, { formula: string; row: number; col: number }>;

/** The master formula of each shared-formula group (si), where Excel wrote the text once. */
function sharedMasters(cells: readonly CellElement[]): Masters {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const c of cells) {
    if (c.f?.attrs.t === "shared" && c.f.text && c.f.attrs.si !== undefined) {
      masters.set(c.f.attrs.si, { formula: c.f.text, row: c.row, col: c.col });
    }
  }
  return masters;
}

/** A cell's own formula; for a member of a shared group, the master's moved to this cell. */
function formulaOf(c: CellElement, masters: Masters): string | undefined {
  if (!c.f) return undefined;
  if (c.f.attrs.t === "shared" && !c.f.text) {
    const master = c.f.attrs.si !== undefined ? masters.get(c.f.attrs.si) : undefined;
    return master ? shiftFormula(master.formula, c.row - master.row, c.col - master.col) : undefined;
  }
  return c.f.text;
}

function setAttr(startTag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (value === undefined) return startTag.replace(re, "");
  const attr = ` ${name}="${escapeXml(value, true)}"`;
  return re.test(startTag) ? startTag.replace(re, attr) : startTag.replace(/^<c\b/, `<c${attr}`);
}

function withFormula(cell: CellElement, formula: string): string {
  const tag = setAttr(cell.startTag, "cm", undefined);
  const v = /<v\b[^>]*>[\s\S]*?<\/v>/.exec(cell.xml)?.[0] ?? "";
  return `${tag}<f>${escapeXml(formula)}</f>${v}</c>`;
}

function frozen(cell: CellElement): { xml: string; empty: boolean } {
  let tag = setAttr(cell.startTag, "cm", undefined);
  const vEl = /<v\b[^>]*>[\s\S]*?<\/v>/.exec(cell.xml)?.[0];
  if (vEl === undefined) {
    tag = setAttr(tag, "t", undefined);
    return { xml: tag.replace(/>$/, "/>"), empty: true };
  }
  // t="str" marks a formula's text result; without the formula it must become an inline string.
  if (cell.t === "str") {
    tag = setAttr(tag, "t", "inlineStr");
    const preserve = /^\s|\s$/.test(cell.v ?? "") ? ' xml:space="preserve"' : "";
    return { xml: `${tag}<is><t${preserve}>${escapeXml(cell.v ?? "")}</t></is></c>`, empty: false };
  }
  return { xml: `${tag}${vEl}</c>`, empty: false };
}

function rangeShape(ref: string | undefined): { shape: Shape; top: number; left: number } | undefined {
  const r = ref ? parseRef(ref) : undefined;
  if (!r) return undefined;
  return { shape: { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }, top: r.top, left: r.left };
}

const display = (formula: string): string => "=" + formula;

interface SheetResult {
  xml: string;
  entries: ShareReportEntry[];
  record: RecordCell[];
}

function prepareSheet(sheet: SheetPart, xml: string, pkg: Package): SheetResult | undefined {
  const cells = scanCells(xml);
  const byAddress = new Map(cells.map((c) => [c.address, c]));
  const masters = sharedMasters(cells);
  const resolveName = (name: string): RefInfo | undefined => {
    const list = pkg.names.get(name.replace(/^.*!/, "").toUpperCase());
    if (!list) return undefined;
    return (list.find((n) => n.sheetIndex === sheet.index) ?? list.find((n) => n.sheetIndex === undefined))
      ?.ref;
  };

  const replacements = new Map<string, string>(); // address → new cell XML
  const entries: ShareReportEntry[] = [];
  const record: RecordCell[] = [];
  for (const c of cells) {
    if (!c.f) continue;
    const formula = formulaOf(c, masters);
    if (formula === undefined) continue;
    const isArray = c.f.attrs.t === "array";
    const area = isArray ? rangeShape(c.f.attrs.ref) : undefined;
    const spill = area?.shape;
    let plan: CellPlan = planCell(
      { sheet: sheet.name, row: c.row, col: c.col, formula, ...(spill ? { spill } : {}) },
      resolveName,
    );
    if (plan.kind === "none") continue;
    const range = spill && (spill.rows > 1 || spill.cols > 1) ? c.f.attrs.ref : undefined;

    // Every spilled cell must exist to take its own formula; otherwise freeze.
    if (
      plan.kind === "rewrite" &&
      plan.cells.slice(1).some((x) => !byAddress.has(formatCell(x.row, x.col)))
    ) {
      plan = { kind: "freeze", reason: "spillMismatch", detail: "missing spilled cell" };
    }
    const base = {
      sheet: sheet.name,
      address: c.address,
      formula,
      ...(range ? { range } : {}),
      ...(isArray ? { array: true } : {}),
    };
    if (plan.kind === "rewrite") {
      const anchor = plan.cells[0];
      replacements.set(c.address, withFormula(c, anchor.formula));
      record.push({
        ...base,
        action: "rewritten",
        reason: plan.reason,
        cellXml: c.xml,
        written: anchor.formula,
      });
      for (const x of plan.cells.slice(1)) {
        const addr = formatCell(x.row, x.col);
        const child = byAddress.get(addr) as CellElement;
        replacements.set(addr, withFormula(child, x.formula));
        record.push({
          sheet: sheet.name,
          address: addr,
          action: "spill",
          reason: plan.reason,
          formula: "",
          cellXml: child.xml,
          written: x.formula,
        });
      }
      entries.push({
        sheet: sheet.name,
        address: c.address,
        ...(range ? { range } : {}),
        original: display(formula),
        action: "rewritten",
        reason: plan.reason,
        formula: display(anchor.formula),
        message: entryMessage(plan.reason),
      });
    } else {
      const f = frozen(c);
      replacements.set(c.address, f.xml);
      record.push({ ...base, action: "frozen", reason: plan.reason, cellXml: c.xml });
      // Freezing a #NAME? keeps a broken value: say so, the user wants the add-in's repair first.
      const reason = f.empty
        ? "noCachedValue"
        : c.t === "e" && c.v === "#NAME?"
          ? "cachedNameError"
          : plan.reason;
      entries.push({
        sheet: sheet.name,
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
  if (replacements.size === 0) return undefined;
  return { xml: splice(xml, cells, replacements), entries, record };
}

function splice(
  xml: string,
  cells: readonly CellElement[],
  replacements: ReadonlyMap<string, string>,
): string {
  let out = "";
  let pos = 0;
  for (const c of cells) {
    const r = replacements.get(c.address);
    if (r === undefined) continue;
    out += xml.slice(pos, c.start) + r;
    pos = c.end;
  }
  return out + xml.slice(pos);
}

function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + s.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).toUpperCase();
}

/** A stable GUID for the record's properties part; a sample of the record is unique enough. */
function guidFrom(text: string): string {
  const s = `${text.length}:${text.slice(0, 4096)}:${text.slice(-4096)}`;
  const h = (hash(s) + hash(s + "#")).slice(0, 32);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

function insertBefore(xml: string, closing: string, insert: string): string {
  const at = xml.lastIndexOf(closing);
  return at < 0 ? xml : xml.slice(0, at) + insert + xml.slice(at);
}

async function findRecord(
  zip: JSZip,
): Promise<{ path: string; index: number; record: ShareRecord } | undefined> {
  for (const path of Object.keys(zip.files)) {
    const m = /^customXml\/item(\d+)\.xml$/.exec(path);
    if (!m) continue;
    const xml = await text(zip, path);
    const record = xml ? parseRecord(xml) : undefined;
    if (record) return { path, index: Number(m[1]), record };
  }
  return undefined;
}

export interface PrepareResult {
  /** The prepared workbook; the input's very bytes when nothing needed changing. */
  readonly data: Uint8Array;
  readonly report: ShareReport;
}

/** "Prepare for sharing" on an .xlsx file. */
export async function prepareXlsx(data: Uint8Array): Promise<PrepareResult> {
  const pkg = await openPackage(data);
  const { zip } = pkg;
  if (await findRecord(zip))
    throw new ShareError("alreadyPrepared", SHARE_ERROR_TEXT.alreadyPrepared["en-US"]);
  const entries: ShareReportEntry[] = [];
  const cells: RecordCell[] = [];
  const newSheets = new Map<string, string>();
  for (const sheet of pkg.sheets) {
    const xml = (await text(zip, sheet.path)) ?? "";
    if (!/dealer/i.test(xml)) continue;
    const result = prepareSheet(sheet, xml, pkg);
    if (!result) continue;
    newSheets.set(sheet.path, result.xml);
    entries.push(...result.entries);
    cells.push(...result.record);
  }
  if (newSheets.size === 0) return { data, report: summarize([], false) };

  // Plumbing: drop the calculation chain (it may list cells that no longer hold formulas, which
  // Excel reports as a corrupt file) and add the record as a custom XML part.
  const contentTypes = (await text(zip, CONTENT_TYPES)) ?? "";
  const rels = (await text(zip, WORKBOOK_RELS)) ?? "";
  let ct2 = contentTypes;
  let rels2 = rels;
  const parts: RecordPart[] = [];
  const calcRel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => m[0].includes(REL_CALC_CHAIN));
  if (calcRel) {
    const calcPath = resolveTarget("xl", attrsOf(calcRel[0]).Target ?? "calcChain.xml");
    const calc = await text(zip, calcPath);
    rels2 = rels2.replace(calcRel[0], "");
    ct2 = ct2.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${calcPath.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`),
      "",
    );
    if (calc !== undefined) {
      parts.push({ name: calcPath, original: calc, prepared: null });
      zip.remove(calcPath);
    }
  }
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`) || zip.file(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  let rid = 1;
  while (rels2.includes(`Id="rIdDealerShare${rid}"`)) rid++;
  rels2 = insertBefore(
    rels2,
    "</Relationships>",
    `<Relationship Id="rIdDealerShare${rid}" Type="${REL_CUSTOM_XML}" Target="../${item}"/>`,
  );
  ct2 = insertBefore(
    ct2,
    "</Types>",
    `<Override PartName="/${props}" ContentType="${CT_CUSTOM_XML_PROPS}"/>`,
  );
  if (!/<Default\b[^>]*Extension="xml"/i.test(ct2)) {
    ct2 = insertBefore(ct2, "</Types>", `<Override PartName="/${item}" ContentType="application/xml"/>`);
  }
  parts.push({ name: CONTENT_TYPES, original: contentTypes, prepared: ct2 });
  parts.push({ name: WORKBOOK_RELS, original: rels, prepared: rels2 });

  for (const [path, xml] of newSheets) put(zip, path, xml);
  put(zip, CONTENT_TYPES, ct2);
  put(zip, WORKBOOK_RELS, rels2);
  const recordXml = serializeRecord({ cells, parts });
  put(zip, item, recordXml);
  put(
    zip,
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guidFrom(recordXml)}" ` +
      `xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>` +
      `<ds:schemaRef ds:uri="${SHARE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  put(
    zip,
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { data: out, report: summarize(entries, true) };
}

/** "Restore live functions" on an .xlsx file prepared by prepareXlsx (or by the pane). */
export async function restoreXlsx(data: Uint8Array): Promise<PrepareResult> {
  const pkg = await openPackage(data);
  const { zip } = pkg;
  const found = await findRecord(zip);
  if (!found) throw new ShareError("notPrepared", SHARE_ERROR_TEXT.notPrepared["en-US"]);
  const { record } = found;
  const entries: ShareReportEntry[] = [];
  const bySheet = new Map<string, RecordCell[]>();
  for (const c of record.cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheetName, list] of bySheet) {
    const sheet = pkg.sheets.find((s) => s.name === sheetName);
    const xml = sheet ? await text(zip, sheet.path) : undefined;
    const cells = xml ? scanCells(xml) : [];
    const byAddress = new Map(cells.map((c) => [c.address, c]));
    const replacements = new Map<string, string>();
    for (const rc of list) {
      const current = byAddress.get(rc.address);
      const isAnchor = rc.action !== "spill";
      if (!current) {
        if (isAnchor) entries.push(restoredEntry(rc, "notFound"));
        continue;
      }
      // A rewritten cell the user has since edited keeps the edit; restore says so instead of losing it.
      if (rc.written !== undefined && !sameFormula(current.f?.text ?? "", rc.written)) {
        entries.push(restoredEntry(rc, "changedSincePrepared"));
        continue;
      }
      replacements.set(rc.address, rc.cellXml ?? restoredFromFormula(current, rc));
      if (isAnchor) entries.push(restoredEntry(rc, "restored"));
    }
    if (sheet && xml !== undefined && replacements.size > 0)
      put(zip, sheet.path, splice(xml, cells, replacements));
  }
  for (const part of record.parts) {
    const current = await text(zip, part.name);
    if (part.prepared === null) {
      // A part preparing removed (the calculation chain): back only if nothing recreated it.
      if (current === undefined && part.original !== null) put(zip, part.name, part.original);
    } else if (current === part.prepared) {
      if (part.original === null) zip.remove(part.name);
      else put(zip, part.name, part.original);
    } else if (current !== undefined) {
      // Excel re-saved the file since: take out only what preparing added.
      put(zip, part.name, removeRecordReferences(current, found.index));
    }
  }
  zip.remove(found.path);
  zip.remove(`customXml/itemProps${found.index}.xml`);
  zip.remove(`customXml/_rels/item${found.index}.xml.rels`);
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { data: out, report: summarize(entries, true) };
}

function removeRecordReferences(xml: string, index: number): string {
  return xml
    .replace(new RegExp(`<Relationship\\b[^>]*Target="[^"]*customXml/item${index}\\.xml"[^>]*/>`, "g"), "")
    .replace(new RegExp(`<Override\\b[^>]*PartName="/customXml/item(Props)?${index}\\.xml"[^>]*/>`, "g"), "");
}

/** For a record made by the Office path (no cell XML): put the formula back in the file's spelling. */
function restoredFromFormula(current: CellElement, rc: RecordCell): string {
  if (rc.action === "spill") return frozen(current).xml;
  const formula = rc.formula.replace(/(^|[^A-Za-z0-9_.])DEALER\.([A-Za-z_]+)\(/gi, "$1_xldudf_DEALER_$2(");
  if (rc.array && rc.range) {
    const tag = current.startTag;
    const v = /<v\b[^>]*>[\s\S]*?<\/v>/.exec(current.xml)?.[0] ?? "";
    return `${tag}<f t="array" ref="${escapeXml(rc.range, true)}">${escapeXml(formula)}</f>${v}</c>`;
  }
  return withFormula(current, formula);
}

function restoredEntry(
  rc: RecordCell,
  reason: "restored" | "notFound" | "changedSincePrepared",
): ShareReportEntry {
  return {
    sheet: rc.sheet,
    address: rc.address,
    ...(rc.range ? { range: rc.range } : {}),
    original: display(rc.formula),
    action: reason === "restored" ? "restored" : "skipped",
    reason,
    message: entryMessage(reason),
  };
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
  const pkg = await openPackage(data);
  const prepared = (await findRecord(pkg.zip)) !== undefined;
  let dealerCells = 0;
  const entries: ShareReportEntry[] = [];
  for (const sheet of pkg.sheets) {
    const xml = (await text(pkg.zip, sheet.path)) ?? "";
    if (!/dealer/i.test(xml)) continue;
    const cells = scanCells(xml);
    const masters = sharedMasters(cells);
    for (const c of cells) {
      const formula = formulaOf(c, masters);
      if (!formula || dealerCallsIn(formula).length === 0) continue;
      dealerCells++;
      if (c.t === "e" && c.v === "#NAME?") {
        entries.push({
          sheet: sheet.name,
          address: c.address,
          original: display(formula),
          action: "broken",
          reason: "cachedNameError",
          message: entryMessage("cachedNameError"),
        });
      }
    }
  }
  return { prepared, dealerCells, report: summarize(entries, false) };
}
