// An .xlsx package opened safely: its parts, content types and relationships, the workbook's sheets
// and defined names. Every reader and writer of files in the add-in goes through this one layer; none
// of them touches zip or XML themselves. Edits are kept as replacement parts and written by save(),
// which copies every untouched entry's compressed bytes as they were.
import { escapeAttr } from "./escape";
import { LIMITS, refuse } from "./limits";
import { appendChildren, prefixed, Splicer } from "./splice";
import { attr, decodePart, isMain, kid, kids, NS, parseTree, type XmlElement } from "./xml";
import { ZipReader } from "./zip";
import { writeZip, type ZipOut } from "./zip-write";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  coreProps: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
} as const;

export const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  coreProps: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProps: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** The part it points at inside the package; undefined for external targets. */
  readonly part?: string;
  readonly external: boolean;
}

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly relId: string;
  /** The worksheet part; undefined when the sheet is a chart sheet or its part is missing. */
  readonly part?: string;
  readonly index: number;
}

export interface DefinedNameInfo {
  readonly name: string;
  readonly localSheetId?: number;
  readonly hidden: boolean;
  /** The formula it refers to, without "=". */
  readonly text: string;
}

/** Where a relationship's target lands: relative to the source part's folder, or absolute ("/xl/…"). */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split("#")[0];
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(decodeURIComponentSafe(seg));
  }
  return parts.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relative target from one part to another, as Excel writes them. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export class Package {
  private readonly replaced = new Map<string, Uint8Array | null>();
  private readonly textCache = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  readonly workbookPart: string;
  readonly sheets: readonly SheetInfo[];
  readonly names: readonly DefinedNameInfo[];
  /** The workbook part's tree (offsets into workbookText). */
  readonly workbook: XmlElement;
  readonly workbookText: string;
  readonly contentTypes: { defaults: Map<string, string>; overrides: Map<string, string> };

  private constructor(readonly zip: ZipReader) {
    this.contentTypes = readContentTypes(this);
    const root = this.relationships("");
    const office = root.find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    const wb = office?.part ?? "xl/workbook.xml";
    if (!zip.has(wb)) throw refuse.zipNotWorkbook();
    this.workbookPart = wb;
    this.workbookText = this.text(wb) ?? "";
    this.workbook = parseTree(this.workbookText, wb);
    if (!isMain(this.workbook.uri) || this.workbook.local !== "workbook") throw refuse.zipNotWorkbook();
    const rels = new Map(this.relationships(wb).map((r) => [r.id, r]));
    const sheetsEl = kid(this.workbook, "sheets");
    this.sheets = (sheetsEl ? kids(sheetsEl, "sheet") : []).map((s, index) => {
      const relId = attr(s, "id", NS.rel) ?? "";
      const rel = rels.get(relId);
      const part = rel?.part && zip.has(rel.part) && rel.type.endsWith("/worksheet") ? rel.part : undefined;
      const state = attr(s, "state");
      return {
        name: attr(s, "name") ?? `Sheet${index + 1}`,
        sheetId: Number(attr(s, "sheetId") ?? index + 1),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        relId,
        ...(part ? { part } : {}),
        index,
      };
    });
    const namesEl = kid(this.workbook, "definedNames");
    this.names = (namesEl ? kids(namesEl, "definedName") : []).map((n) => {
      const local = attr(n, "localSheetId");
      const hidden = attr(n, "hidden");
      return {
        name: attr(n, "name") ?? "",
        ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}),
        hidden: hidden === "1" || hidden === "true",
        text: n.text,
      };
    });
  }

  /** Opens bytes as a workbook package, or throws OpenError saying why not. */
  static open(bytes: Uint8Array): Package {
    const zip = ZipReader.open(bytes);
    if (!zip.has("[Content_Types].xml") && !zip.has("xl/workbook.xml")) throw refuse.zipNotWorkbook();
    return new Package(zip);
  }

  /** A package from parts given as text (a fresh workbook's skeleton). */
  static fromParts(parts: Readonly<Record<string, string>>): Package {
    const enc = new TextEncoder();
    return Package.open(writeZip(Object.entries(parts).map(([name, t]) => ({ name, data: enc.encode(t) }))));
  }

  /** True when the workbook carries macros (an .xlsm): a copy must keep the .xlsm extension. */
  get macroEnabled(): boolean {
    return (this.contentTypes.overrides.get(this.workbookPart) ?? "") === CT.workbookMacro;
  }

  has(part: string): boolean {
    const r = this.replaced.get(part);
    return r === undefined ? this.zip.has(part) : r !== null;
  }

  /** Every part name, edits included. */
  partNames(): string[] {
    const names = new Set(this.zip.entries.keys());
    for (const [k, v] of this.replaced) {
      if (v === null) names.delete(k);
      else names.add(k);
    }
    return [...names];
  }

  bytes(part: string, limit: number = LIMITS.maxPartBytes): Uint8Array | undefined {
    const r = this.replaced.get(part);
    if (r !== undefined) return r ?? undefined;
    return this.zip.has(part) ? this.zip.read(part, limit) : undefined;
  }

  /** A part decoded in its declared encoding (cached). */
  text(part: string, limit: number = LIMITS.maxPartBytes): string | undefined {
    const cached = this.textCache.get(part);
    if (cached !== undefined) return cached;
    const b = this.bytes(part, limit);
    if (b === undefined) return undefined;
    const t = decodePart(b, part);
    this.textCache.set(part, t);
    return t;
  }

  /** Streams a part's inflated bytes (for large sheets: never held whole). */
  stream(part: string, onChunk: (c: Uint8Array) => void): void {
    const r = this.replaced.get(part);
    if (r === null) throw refuse.corrupt(`missing part ${part}`);
    if (r !== undefined) onChunk(r);
    else this.zip.stream(part, onChunk);
  }

  /** The relationships of a part ("" for the package's own, _rels/.rels). */
  relationships(part: string): Relationship[] {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const xml = this.text(relsPart, LIMITS.maxTreeBytes);
    const out: Relationship[] = [];
    if (xml !== undefined) {
      for (const r of kids(parseTree(xml, relsPart), "Relationship")) {
        const id = attr(r, "Id");
        const type = attr(r, "Type");
        const target = attr(r, "Target");
        if (!id || !type || target === undefined) continue;
        const external = attr(r, "TargetMode") === "External";
        out.push({ id, type, target, external, ...(external ? {} : { part: resolveTarget(part, target) }) });
      }
    }
    this.relsCache.set(part, out);
    return out;
  }

  // ---- edits ------------------------------------------------------------------------------------

  set(part: string, content: string | Uint8Array): void {
    this.replaced.set(part, typeof content === "string" ? new TextEncoder().encode(content) : content);
    this.textCache.delete(part);
    if (part.endsWith(".rels")) this.relsCache.clear();
  }

  remove(part: string): void {
    this.replaced.set(part, null);
    this.textCache.delete(part);
    if (part.endsWith(".rels")) this.relsCache.clear();
  }

  /**
   * Edits of the plumbing parts ([Content_Types].xml, *.rels) splice the part's own text: an added
   * entry goes before the end tag, a removed one leaves nothing behind, so taking out what was added
   * gives back the very bytes a writer (Excel, LibreOffice) wrote.
   */
  private splicePlumbing(part: string, root: string, edit: (s: Splicer, tree: XmlElement) => void): void {
    const text = this.text(part, LIMITS.maxTreeBytes);
    const base =
      text ??
      (root === "Types"
        ? contentTypesXml({ defaults: new Map(), overrides: new Map() })
        : relationshipsXml([]));
    const tree = parseTree(base, part);
    const s = new Splicer(base);
    edit(s, tree);
    this.set(part, s.result());
  }

  /** Adds a relationship from a part (to another part, or an external address) and returns its fresh id. */
  private addRel(from: string, rel: Omit<Relationship, "id">): string {
    const rels = this.relationships(from);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relsPart = from === "" ? "_rels/.rels" : relsPartOf(from);
    this.splicePlumbing(relsPart, "Relationships", (s, tree) =>
      appendChildren(
        s,
        tree,
        prefixed(
          `<Relationship Id="${id}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"` +
            `${rel.external ? ' TargetMode="External"' : ""}/>`,
          tree.prefix,
        ),
      ),
    );
    this.relsCache.set(from, [...rels, { id, ...rel }]);
    return id;
  }

  addRelationship(from: string, type: string, toPart: string): string {
    const target = from === "" ? toPart : relativeTarget(from, toPart);
    return this.addRel(from, { type, target, part: toPart, external: false });
  }

  addExternalRelationship(from: string, type: string, url: string): string {
    return this.addRel(from, { type, target: url, external: true });
  }

  /** Removes relationships of a part; the relationships part goes when none is left. */
  removeRelationships(from: string, which: (r: Relationship) => boolean): void {
    const rels = this.relationships(from);
    const gone = new Set(rels.filter(which).map((r) => r.id));
    if (gone.size === 0) return;
    const relsPart = from === "" ? "_rels/.rels" : relsPartOf(from);
    if (gone.size === rels.length) this.remove(relsPart);
    else
      this.splicePlumbing(relsPart, "Relationships", (s, tree) => {
        for (const r of kids(tree, "Relationship"))
          if (gone.has(attr(r, "Id") ?? "")) s.replace(r.start, r.end, "");
      });
    this.relsCache.set(
      from,
      rels.filter((r) => !gone.has(r.id)),
    );
  }

  setContentType(part: string, type: string | null): void {
    const had = this.contentTypes.overrides.has(part);
    if (type === null) this.contentTypes.overrides.delete(part);
    else this.contentTypes.overrides.set(part, type);
    this.splicePlumbing("[Content_Types].xml", "Types", (s, tree) => {
      const el = kids(tree, "Override").find((o) => (attr(o, "PartName") ?? "").replace(/^\//, "") === part);
      const xml =
        type === null
          ? ""
          : prefixed(
              `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`,
              tree.prefix,
            );
      if (el) s.replace(el.start, el.end, xml);
      else if (xml && !had) appendChildren(s, tree, xml);
    });
  }

  /** A fresh part name like "xl/worksheets/sheet7.xml" that no part holds. */
  freshPart(prefix: string, ext: string): string {
    const taken = new Set(this.partNames().map((p) => p.toLowerCase()));
    for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}${ext}`.toLowerCase())) return `${prefix}${n}${ext}`;
  }

  /** The whole package as bytes: untouched entries copied as they were, edited ones deflated anew. */
  save(): Uint8Array {
    const out: ZipOut[] = [];
    for (const [name, e] of this.zip.entries) {
      const r = this.replaced.get(name);
      if (r === null) continue;
      if (r !== undefined) out.push({ name, data: r });
      else out.push({ name, raw: { entry: e, bytes: this.zip.raw(name) ?? new Uint8Array(0) } });
    }
    for (const [name, r] of this.replaced) if (r !== null && !this.zip.has(name)) out.push({ name, data: r });
    return writeZip(out);
  }
}

function readContentTypes(pkg: Package): { defaults: Map<string, string>; overrides: Map<string, string> } {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const xml = pkg.text("[Content_Types].xml", LIMITS.maxTreeBytes);
  if (xml !== undefined) {
    const root = parseTree(xml, "[Content_Types].xml");
    for (const d of kids(root, "Default")) {
      const ext = attr(d, "Extension");
      const type = attr(d, "ContentType");
      if (ext && type) defaults.set(ext.toLowerCase(), type);
    }
    for (const o of kids(root, "Override")) {
      const name = attr(o, "PartName");
      const type = attr(o, "ContentType");
      if (name && type) overrides.set(name.replace(/^\//, ""), type);
    }
  }
  return { defaults, overrides };
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"` +
          `${r.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    `</Relationships>`
  );
}

export function contentTypesXml(ct: {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.ct}">` +
    [...ct.defaults]
      .map(([e, t]) => `<Default Extension="${escapeAttr(e)}" ContentType="${escapeAttr(t)}"/>`)
      .join("") +
    [...ct.overrides]
      .map(([p, t]) => `<Override PartName="/${escapeAttr(p)}" ContentType="${escapeAttr(t)}"/>`)
      .join("") +
    `</Types>`
  );
}
