/**
 * The record of a prepared workbook: what each touched cell held before, so "Restore live
 * functions" can put it back exactly. It travels inside the workbook as a custom XML part
 * (namespace SHARE_NAMESPACE), which Excel keeps on save and Office.js reads through
 * workbook.customXmlParts, so a file prepared by the CLI can be restored in the pane and back.
 */
export const SHARE_NAMESPACE = "urn:dealer-mkt:share:1";

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
  /** The exact original <c> element (the .xlsx path), so restore is byte for byte. */
  readonly cellXml?: string;
  /** The native formula written (no "="), to tell whether the user changed the cell since. */
  readonly written?: string;
}

/** A package part the .xlsx path changed besides sheets: its text before and after preparing. */
export interface RecordPart {
  readonly name: string;
  /** null: the part did not exist before. */
  readonly original: string | null;
  /** null: preparing removed the part. */
  readonly prepared: string | null;
}

export interface ShareRecord {
  readonly cells: readonly RecordCell[];
  readonly parts: readonly RecordPart[];
}

export function escapeXml(s: string, attribute = false): string {
  let out = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
  // Attribute values lose tabs and newlines to whitespace normalisation unless written as references.
  if (attribute) out = out.replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function serializeRecord(record: ShareRecord): string {
  const a = (name: string, v: string | undefined): string =>
    v === undefined ? "" : ` ${name}="${escapeXml(v, true)}"`;
  const el = (name: string, v: string | null | undefined): string =>
    v === undefined ? "" : v === null ? `<${name} absent="1"/>` : `<${name}>${escapeXml(v)}</${name}>`;
  const cells = record.cells.map(
    (c) =>
      `<cell${a("sheet", c.sheet)}${a("r", c.address)}${a("action", c.action)}${a("reason", c.reason)}` +
      `${a("range", c.range)}${c.array ? ' array="1"' : ""}>` +
      `${el("formula", c.formula)}${el("written", c.written)}${el("xml", c.cellXml)}</cell>`,
  );
  const parts = record.parts.map(
    (p) => `<part${a("name", p.name)}>${el("original", p.original)}${el("prepared", p.prepared)}</part>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<dealerShare xmlns="${SHARE_NAMESPACE}" version="1">${cells.join("")}${parts.join("")}</dealerShare>`
  );
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

function child(body: string, name: string): string | null | undefined {
  const m = new RegExp(`<${name}(?: absent="1"/>|>([\\s\\S]*?)</${name}>|/>)`).exec(body);
  if (!m) return undefined;
  if (m[0].includes('absent="1"')) return null;
  return unescapeXml(m[1] ?? "");
}

/** Reads a record written by serializeRecord (our own format only; no general XML parser needed). */
export function parseRecord(xml: string): ShareRecord | undefined {
  if (!xml.includes(SHARE_NAMESPACE)) return undefined;
  const cells: RecordCell[] = [];
  for (const m of xml.matchAll(/<cell\b([^>]*)>([\s\S]*?)<\/cell>/g)) {
    const at = attrs(m[1]);
    const action = at.action;
    if (action !== "rewritten" && action !== "frozen" && action !== "spill") continue;
    const cell: RecordCell = {
      sheet: at.sheet ?? "",
      address: at.r ?? "",
      action,
      reason: at.reason ?? "",
      formula: child(m[2], "formula") ?? "",
      ...(at.range ? { range: at.range } : {}),
      ...(at.array === "1" ? { array: true } : {}),
      ...(typeof child(m[2], "xml") === "string" ? { cellXml: child(m[2], "xml") as string } : {}),
      ...(typeof child(m[2], "written") === "string" ? { written: child(m[2], "written") as string } : {}),
    };
    cells.push(cell);
  }
  const parts: RecordPart[] = [];
  for (const m of xml.matchAll(/<part\b([^>]*)>([\s\S]*?)<\/part>/g)) {
    const original = child(m[2], "original");
    const prepared = child(m[2], "prepared");
    parts.push({ name: attrs(m[1]).name ?? "", original: original ?? null, prepared: prepared ?? null });
  }
  return { cells, parts };
}
