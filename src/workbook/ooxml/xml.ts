// The package layer's one XML parser (saxes, a conforming non-validating parser): parts are decoded in
// the encoding they declare (UTF-8, UTF-16 with its BOM, ISO-8859-1, windows-1252 …), namespace
// prefixes are resolved (<x:worksheet xmlns:x="…main"> is a worksheet like any other), and a DTD is
// refused outright, so no entity can be declared, expanded (billion laughs) or fetched (XXE).
import { SaxesParser, type SaxesTagNS } from "saxes";
import { LIMITS, refuse } from "./limits";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  // Strict OOXML (ISO 29500 strict) spells the main namespaces differently; readers accept both.
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  strictRel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
} as const;

/** True for the transitional or strict SpreadsheetML main namespace. */
export const isMain = (uri: string | undefined): boolean => uri === NS.main || uri === NS.strictMain;
export const isRelNs = (uri: string | undefined): boolean => uri === NS.rel || uri === NS.strictRel;

/** The encoding a part's bytes declare: a byte-order mark, else the XML declaration, else UTF-8. */
export function sniffEncoding(head: Uint8Array): { label: string; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: "utf-16be", bom: 2 };
  // Without a BOM, a declaration is ASCII-compatible in every encoding a spreadsheet writer uses.
  if (head[0] === 0x3c && head[1] === 0x00) return { label: "utf-16le", bom: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c) return { label: "utf-16be", bom: 0 };
  let decl = "";
  for (let i = 0; i < Math.min(head.length, 200); i++) {
    decl += String.fromCharCode(head[i]);
    if (head[i] === 0x3e) break;
  }
  const m = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(decl);
  return { label: m ? m[1].toLowerCase() : "utf-8", bom: 0 };
}

/** A streaming decoder for a part's bytes in its declared encoding. */
export function partDecoder(
  head: Uint8Array,
  part: string,
): { decoder: TextDecoder; bom: number; label: string } {
  const { label, bom } = sniffEncoding(head);
  try {
    return { decoder: new TextDecoder(label, { fatal: false, ignoreBOM: true }), bom, label };
  } catch {
    throw refuse.encoding(part, label);
  }
}

/** Decodes a whole part to a string. */
export function decodePart(bytes: Uint8Array, part: string): string {
  const { decoder, bom } = partDecoder(bytes.subarray(0, 200), part);
  return decoder.decode(bytes.subarray(bom));
}

export interface XmlHandlers {
  /** After an element's start tag; `end` is the string offset just past its ">". */
  open?(tag: SaxesTagNS, end: number): void;
  /** After an element's end tag (or "/>"); `end` is the offset just past it. */
  close?(tag: SaxesTagNS, end: number): void;
  text?(text: string): void;
}

/** A parser bound to one part: refuses DTDs, reports malformed XML as OpenError naming the part. */
export function xmlParser(part: string, h: XmlHandlers): { write(s: string): void; close(): void } {
  const p = new SaxesParser({ xmlns: true, position: true });
  let failure: Error | undefined;
  p.on("doctype", () => {
    throw refuse.unsafeXml(part);
  });
  p.on("error", (e) => {
    failure ??= refuse.badXml(part, e.message);
  });
  if (h.open) {
    const open = h.open;
    p.on("opentag", (t) => open(t, p.position));
  }
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t) => close(t as SaxesTagNS, p.position));
  }
  if (h.text) {
    const text = h.text;
    p.on("text", text);
    p.on("cdata", text);
  }
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    write(s: string) {
      p.write(s);
      check();
    },
    close() {
      p.close();
      check();
    },
  };
}

/** A small element tree, for the parts that are small by nature (workbook, relationships, styles). */
export interface XmlElement {
  /** The name as written, with its prefix ("x:sheet"). */
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly prefix: string;
  /** Attributes by their written name ("r:id", "name"), values decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Attribute namespaces by written name (only for prefixed attributes). */
  readonly attrNs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Direct text content, concatenated. */
  text: string;
  /** Offsets in the part's text: start of "<", end just past the element. */
  readonly start: number;
  end: number;
}

/** The attribute with this local name in this namespace (or without a namespace when ns is ""). */
export function attr(el: XmlElement, local: string, ns = ""): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    const i = k.indexOf(":");
    const kLocal = i < 0 ? k : k.slice(i + 1);
    if (kLocal !== local) continue;
    const kNs = i < 0 ? "" : (el.attrNs[k] ?? "");
    if (kNs === ns || (ns === NS.rel && kNs === NS.strictRel)) return v;
  }
  return undefined;
}

export const kids = (el: XmlElement, local: string): XmlElement[] =>
  el.children.filter((c) => c.local === local);
export const kid = (el: XmlElement, local: string): XmlElement | undefined =>
  el.children.find((c) => c.local === local);

/** Parses a small part into a tree (bounded by LIMITS.maxTreeBytes). */
export function parseTree(text: string, part: string): XmlElement {
  if (text.length > LIMITS.maxTreeBytes) throw refuse.partTooLarge(part, LIMITS.maxTreeBytes);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const parser = xmlParser(part, {
    open(t, end) {
      const attrs: Record<string, string> = {};
      const attrNs: Record<string, string> = {};
      for (const [k, a] of Object.entries(t.attributes)) {
        attrs[k] = a.value;
        if (a.prefix && a.prefix !== "xmlns") attrNs[k] = a.uri;
      }
      const el: XmlElement = {
        name: t.name,
        local: t.local,
        uri: t.uri,
        prefix: t.prefix,
        attrs,
        attrNs,
        children: [],
        text: "",
        start: text.lastIndexOf("<", end - 1),
        end,
      };
      stack[stack.length - 1]?.children.push(el);
      root ??= el;
      stack.push(el);
    },
    close(_t, end) {
      const el = stack.pop();
      if (el) el.end = end;
    },
    text(s) {
      const top = stack[stack.length - 1];
      if (top) top.text += s;
    },
  });
  parser.write(text);
  parser.close();
  if (!root) throw refuse.badXml(part, "no root element");
  return root;
}
