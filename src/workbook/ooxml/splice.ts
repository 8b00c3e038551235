// Editing a part's text in place: changes are ranges of the original text with their replacements,
// applied at once, so every byte outside them stays as the writer (Excel, WPS, LibreOffice) left it.
import type { XmlElement } from "./xml";

export class Splicer {
  private readonly edits: { start: number; end: number; text: string; order: number }[] = [];

  constructor(readonly original: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  result(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.order - b.order);
    let out = "";
    let pos = 0;
    for (const e of sorted) {
      if (e.start < pos) throw new Error("overlapping edits");
      out += this.original.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + this.original.slice(pos);
  }
}

/** True when the element was written as <x/> (no end tag). */
export function selfClosing(text: string, el: XmlElement): boolean {
  return startTagEnd(text, el) === el.end && text[el.end - 2] === "/";
}

/** Adds children at the end of an element (turning <x/> into <x>…</x> where needed). */
export function appendChildren(s: Splicer, el: XmlElement, xml: string): void {
  const text = s.original;
  if (selfClosing(text, el)) {
    const open = text.slice(el.start, el.end).replace(/\s*\/>\s*$/, ">");
    s.replace(el.start, el.end, `${open}${xml}</${el.name}>`);
  } else {
    s.insert(text.lastIndexOf("</", el.end - 1), xml);
  }
}

/** Sets (or adds) an attribute on an element's start tag. The value must be escaped already. */
export function setAttribute(s: Splicer, el: XmlElement, name: string, escapedValue: string | null): void {
  const text = s.original;
  const tagEnd = startTagEnd(text, el);
  const tag = text.slice(el.start, tagEnd);
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  const m = re.exec(tag);
  if (m) {
    const from = el.start + m.index;
    s.replace(from, from + m[0].length, escapedValue === null ? "" : `${m[1]}${name}="${escapedValue}"`);
  } else if (escapedValue !== null) {
    const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
    s.insert(el.start + close, ` ${name}="${escapedValue}"`);
  }
}

/** The offset just past an element's start tag. */
export function startTagEnd(text: string, el: XmlElement): number {
  // An attribute value may hold a raw ">" (only "<" and "&" must be escaped): skip quoted text.
  let q: string | null = null;
  for (let i = el.start + 1; i < el.end; i++) {
    const ch = text[i];
    if (q) {
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === ">") return i + 1;
  }
  return el.end;
}

/** Gives every element of a fragment we generated the prefix of the document it goes into. */
export function prefixed(xml: string, prefix: string): string {
  if (!prefix) return xml;
  return xml.replace(
    /<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g,
    (_m, slash: string, name: string) => `<${slash}${prefix}:${name}`,
  );
}

/** The children of <workbook> in the order the schema (CT_Workbook) requires, from <sheets> on. */
const WORKBOOK_ORDER = [
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

export type WorkbookChild = (typeof WORKBOOK_ORDER)[number];

/**
 * Inserts an element into <workbook> at its schema position: before the first child that must come
 * after it. Excel refuses a workbook whose children are out of order ("We found a problem with some
 * content"), LibreOffice does not, so a test in LibreOffice alone would never see the mistake.
 */
export function insertWorkbookChild(s: Splicer, root: XmlElement, local: WorkbookChild, xml: string): void {
  const order: readonly string[] = WORKBOOK_ORDER;
  const mine = order.indexOf(local);
  const later = root.children.find((c) => order.indexOf(c.local) > mine);
  s.insert(later ? later.start : s.original.lastIndexOf("</", root.end - 1), xml);
}

/** Appends <definedName> elements (already prefixed like the document) to <definedNames>, made if missing. */
export function addDefinedNames(s: Splicer, root: XmlElement, namesXml: string): void {
  const el = root.children.find((c) => c.local === "definedNames");
  if (el) return appendChildren(s, el, namesXml);
  const [open, close] = [prefixed("<definedNames>", root.prefix), prefixed("</definedNames>", root.prefix)];
  insertWorkbookChild(s, root, "definedNames", open + namesXml + close);
}

/**
 * Asks the opening application to recalculate everything (calcPr fullCalcOnLoad="1"): cells written
 * without cached values, or with stale ones, would otherwise show what they showed before.
 * `newAttrs` go on a calcPr made from nothing (e.g. a calcId).
 */
export function requestFullCalc(s: Splicer, root: XmlElement, newAttrs = ""): void {
  const calc = root.children.find((c) => c.local === "calcPr");
  if (calc) setAttribute(s, calc, "fullCalcOnLoad", "1");
  else
    insertWorkbookChild(s, root, "calcPr", prefixed(`<calcPr${newAttrs} fullCalcOnLoad="1"/>`, root.prefix));
}
