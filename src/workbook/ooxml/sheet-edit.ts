// Editing cells of a worksheet part in place. Sharing plans operations over cells (set a formula, keep
// the value and drop the formula); this module finds each <c> element with a real parser (prefixes,
// encodings) and rewrites only those elements, keeping every other byte of the part, the cell's style
// (s) and its cached value. Nothing here knows what a DEALER function is.
import { cellAddress, tryParseCell } from "../../core/a1";
import type { CellValue } from "../port";
import { escapeAttr, escapeText } from "./escape";
import { unescapeXstring } from "./read";
import { Splicer } from "./splice";
import { isMain, xmlParser } from "./xml";

export interface EditCell {
  /** Offsets of the whole <c> element in the part's text. */
  readonly start: number;
  readonly end: number;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly address: string;
  /** Start-tag attributes (decoded), by written name. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly f?: { readonly attrs: Readonly<Record<string, string>>; readonly text: string };
  /** The <v> text, decoded. */
  readonly v?: string;
  /** Inline string text. */
  readonly inline?: string;
}

export interface EditableSheet {
  readonly text: string;
  readonly cells: readonly EditCell[];
  readonly byAddress: ReadonlyMap<string, EditCell>;
  /** The prefix the part uses for SpreadsheetML elements ("" when it is the default namespace). */
  readonly prefix: string;
}

export function parseEditable(text: string, part: string): EditableSheet {
  const cells: EditCell[] = [];
  let prefix = "";
  let row = -1;
  let col = -1;
  type Building = {
    start: number;
    row: number;
    col: number;
    attrs: Record<string, string>;
    f?: { attrs: Record<string, string>; text: string };
    v?: string;
    inline?: string;
  };
  let cur: Building | null = null;
  let into: "f" | "v" | "t" | null = null;
  let phonetic = 0;
  let buf = "";
  const parser = xmlParser(part, {
    open(t, end) {
      if (!isMain(t.uri)) return;
      if (t.local === "worksheet") prefix = t.prefix;
      else if (t.local === "row") {
        const r = Number(t.attributes.r?.value);
        row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
        col = -1;
      } else if (t.local === "c") {
        const attrs: Record<string, string> = {};
        for (const [k, a] of Object.entries(t.attributes)) attrs[k] = a.value;
        const p = attrs.r !== undefined ? tryParseCell(attrs.r) : undefined;
        if (p) {
          row = p.row;
          col = p.col;
        } else col++;
        cur = { start: text.lastIndexOf("<", end - 1), row: Math.max(0, row), col, attrs };
      } else if (cur && t.local === "f") {
        const attrs: Record<string, string> = {};
        for (const [k, a] of Object.entries(t.attributes)) attrs[k] = a.value;
        cur.f = { attrs, text: "" };
        into = "f";
        buf = "";
      } else if (cur && t.local === "v") {
        into = "v";
        buf = "";
      } else if (cur && t.local === "rPh") phonetic++;
      else if (cur && t.local === "t" && phonetic === 0) {
        into = "t";
        if (cur.inline === undefined) cur.inline = "";
        buf = "";
      }
    },
    close(t, end) {
      if (!isMain(t.uri)) return;
      if (!cur) return;
      if (t.local === "f" && cur.f) cur.f.text = buf;
      else if (t.local === "v") cur.v = buf;
      else if (t.local === "t" && into === "t") cur.inline = (cur.inline ?? "") + unescapeXstring(buf);
      else if (t.local === "rPh") phonetic--;
      else if (t.local === "c") {
        const c = cur;
        cur = null;
        cells.push({
          start: c.start,
          end,
          row: c.row,
          col: c.col,
          address: cellAddress(c.row, c.col),
          attrs: c.attrs,
          ...(c.f ? { f: c.f } : {}),
          ...(c.v !== undefined ? { v: c.v } : {}),
          ...(c.inline !== undefined ? { inline: c.inline } : {}),
        });
      }
      if (t.local === "f" || t.local === "v" || t.local === "t") into = null;
    },
    text(s) {
      if (into !== null) buf += s;
    },
  });
  parser.write(text);
  parser.close();
  return { text, cells, byAddress: new Map(cells.map((c) => [c.address, c])), prefix };
}

/** The cached value of a cell as the reader would give it (strings: the workbook's shared strings). */
export function editCellValue(c: EditCell, strings: readonly string[]): CellValue {
  const t = c.attrs.t ?? "n";
  if (t === "inlineStr") return c.inline ?? null;
  if (c.v === undefined) return null;
  if (t === "s") return strings[Number(c.v)] ?? null;
  if (t === "str") return unescapeXstring(c.v);
  if (t === "b") return c.v.trim() === "1" || c.v.trim().toLowerCase() === "true";
  if (t === "e") return { error: c.v.trim() };
  const n = Number(c.v);
  return Number.isFinite(n) ? n : c.v;
}

export type EditOp =
  /** Give the cell a formula, keeping its style and cached value. */
  | {
      readonly kind: "formula";
      readonly formula: string;
      readonly array?: string;
      readonly cm?: string;
      /** Drop the cached value (a stale #NAME? the new formula must not show before it computes). */
      readonly dropValue?: boolean;
      /** Write it as part of a shared-formula group: the master carries ref and the text, members neither. */
      readonly shared?: { readonly si: string; readonly ref?: string; readonly member: boolean };
    }
  /** Drop the formula, keeping the cached value (a text result becomes an inline string). */
  | { readonly kind: "value" };

const el = (prefix: string, name: string): string => (prefix ? `${prefix}:${name}` : name);

function startTag(
  prefix: string,
  attrs: Readonly<Record<string, string>>,
  drop: readonly string[],
  set: Readonly<Record<string, string | undefined>>,
): string {
  const out: string[] = [];
  const keys = new Set(Object.keys(attrs));
  for (const k of Object.keys(set)) keys.add(k);
  for (const k of keys) {
    if (drop.includes(k) && !(k in set)) continue;
    const v = k in set ? set[k] : attrs[k];
    if (v === undefined) continue;
    out.push(` ${k}="${escapeAttr(v)}"`);
  }
  return `<${el(prefix, "c")}${out.join("")}`;
}

/** The new XML of one cell after an operation. */
export function editedCellXml(c: EditCell, op: EditOp, prefix: string, strings: readonly string[]): string {
  const t = c.attrs.t;
  const vXml = (v: string): string => `<${el(prefix, "v")}>${escapeText(v)}</${el(prefix, "v")}>`;
  if (op.kind === "formula") {
    // A cached text value stays text (t="str"); an inline string (a frozen text) becomes one.
    let type: string | undefined = t;
    let cached: string | undefined = c.v;
    if (t === "inlineStr") {
      type = "str";
      cached = c.inline;
    }
    // A formula's text result is written t="str"; a shared-string index is no formula result.
    if (t === "s") {
      type = "str";
      cached = strings[Number(c.v)];
    }
    if (op.dropValue) {
      type = undefined;
      cached = undefined;
    }
    const fAttrs = op.array
      ? ` t="array" ref="${escapeAttr(op.array)}"`
      : op.shared
        ? ` t="shared"${op.shared.ref && !op.shared.member ? ` ref="${escapeAttr(op.shared.ref)}"` : ""} si="${escapeAttr(op.shared.si)}"`
        : "";
    const fText = op.shared?.member
      ? `<${el(prefix, "f")}${fAttrs}/>`
      : `<${el(prefix, "f")}${fAttrs}>${escapeText(op.formula)}</${el(prefix, "f")}>`;
    const tag = startTag(prefix, c.attrs, ["cm", "vm"], { t: type, ...(op.cm ? { cm: op.cm } : {}) });
    return `${tag}>${fText}` + `${cached !== undefined ? vXml(cached) : ""}</${el(prefix, "c")}>`;
  }
  // Keep the value, lose the formula.
  if (c.v === undefined && t !== "inlineStr") return `${startTag(prefix, c.attrs, ["t", "cm", "vm"], {})}/>`;
  if (t === "str") {
    const text = unescapeXstring(c.v ?? "");
    return (
      `${startTag(prefix, c.attrs, ["cm", "vm"], { t: "inlineStr" })}><${el(prefix, "is")}><${el(prefix, "t")} xml:space="preserve">` +
      `${escapeText(text)}</${el(prefix, "t")}></${el(prefix, "is")}></${el(prefix, "c")}>`
    );
  }
  if (t === "inlineStr") {
    return (
      `${startTag(prefix, c.attrs, ["cm", "vm"], {})}><${el(prefix, "is")}><${el(prefix, "t")} xml:space="preserve">` +
      `${escapeText(c.inline ?? "")}</${el(prefix, "t")}></${el(prefix, "is")}></${el(prefix, "c")}>`
    );
  }
  return `${startTag(prefix, c.attrs, ["cm", "vm"], {})}>${vXml(c.v ?? "")}</${el(prefix, "c")}>`;
}

/** Applies operations to cells (by address) and returns the part's new text, declared as UTF-8. */
export function applyEdits(
  sheet: EditableSheet,
  ops: ReadonlyMap<string, EditOp>,
  strings: readonly string[],
): string {
  const s = new Splicer(sheet.text);
  for (const [address, op] of ops) {
    const c = sheet.byAddress.get(address);
    if (!c) continue;
    s.replace(c.start, c.end, editedCellXml(c, op, sheet.prefix, strings));
  }
  return asUtf8(s.result());
}

/** The part is written back as UTF-8 whatever it declared (ISO-8859-1 …), so say so. */
export function asUtf8(text: string): string {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  return body.replace(/^(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

/** Formulas of conditional formats and data validations (not cells): sharing reports DEALER calls there. */
export function formulasOutsideCells(text: string, part: string): string[] {
  const out: string[] = [];
  let inside = 0;
  let buf: string | null = null;
  const parser = xmlParser(part, {
    open(t) {
      if (!isMain(t.uri)) return;
      if (
        t.local === "conditionalFormatting" ||
        t.local === "dataValidation" ||
        t.local === "x14:dataValidation"
      )
        inside++;
      else if (inside > 0 && /^formula[12]?$/.test(t.local)) buf = "";
    },
    close(t) {
      if (!isMain(t.uri)) return;
      if (t.local === "conditionalFormatting" || t.local === "dataValidation") inside--;
      else if (buf !== null && /^formula[12]?$/.test(t.local)) {
        out.push(buf);
        buf = null;
      }
    },
    text(s) {
      if (buf !== null) buf += s;
    },
  });
  parser.write(text);
  parser.close();
  return out;
}
