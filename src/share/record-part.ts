/**
 * Where a share record lives in an .xlsx package, and the workbook-level changes that go with it:
 * the custom XML part (and its properties part) wired to the workbook, the hidden tracking names,
 * calcPr's fullCalcOnLoad, and the calculation chain. Only package-layer operations: no zip, no
 * hand-made XML beyond the record's own elements.
 */
import { escapeAttr, escapeText } from "../workbook/ooxml/escape";
import { CT, REL, type Package } from "../workbook/ooxml/package";
import {
  addDefinedNames,
  appendChildren,
  prefixed,
  requestFullCalc,
  setAttribute,
  Splicer,
} from "../workbook/ooxml/splice";
import { attr, kid, kids, parseTree, type XmlElement } from "../workbook/ooxml/xml";
import { parseRecord, SHARE_NAMESPACE, type RecordProblem, type ShareRecord, type TrackName } from "./record";
import { trackRefersTo } from "./track";

export interface FoundRecord {
  readonly part: string;
  readonly record: ShareRecord | RecordProblem;
}

/** The share record of a package, linked from the workbook or lying in customXml/ on its own. */
export function findRecord(pkg: Package): FoundRecord | undefined {
  const linked = pkg
    .relationships(pkg.workbookPart)
    .filter((r) => r.type === REL.customXml && r.part)
    .map((r) => r.part as string);
  const loose = pkg.partNames().filter((p) => /^customXml\/item\d+\.xml$/i.test(p));
  for (const part of new Set([...linked, ...loose])) {
    if (!pkg.has(part)) continue;
    const text = pkg.text(part, 64 * 1024 * 1024) ?? "";
    const record = parseRecord(text);
    if (record) return { part, record };
  }
  return undefined;
}

/** Adds the record as a custom XML part wired to the workbook. */
export function addRecordPart(pkg: Package, xml: string): void {
  const item = pkg.freshPart("customXml/item", ".xml");
  const n = /item(\d+)\.xml$/.exec(item)?.[1] ?? "1";
  const props = `customXml/itemProps${n}.xml`;
  pkg.set(item, xml);
  pkg.set(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guidFrom(xml)}" ` +
      `xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>` +
      `<ds:schemaRef ds:uri="${SHARE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  pkg.setContentType(props, CT.customXmlProps);
  if (!pkg.contentTypes.defaults.has("xml")) pkg.setContentType(item, CT.xml);
  pkg.addRelationship(item, REL.customXmlProps, props);
  pkg.addRelationship(pkg.workbookPart, REL.customXml, item);
}

/** Takes the record part out again, with its properties, relationships and content types. */
export function removeRecordPart(pkg: Package, part: string): void {
  for (const r of pkg.relationships(part))
    if (r.part && r.type === REL.customXmlProps) {
      pkg.remove(r.part);
      pkg.setContentType(r.part, null);
    }
  pkg.removeRelationships(part, () => true);
  pkg.remove(part);
  pkg.setContentType(part, null);
  pkg.removeRelationships(pkg.workbookPart, (r) => r.part === part);
}

/**
 * The calculation chain lists every formula cell; a cell whose formula is frozen to its value must
 * leave it (Excel reports the file as damaged otherwise), and a restored one may come back. Entries
 * are edited, the rest of the chain stays as it was; a chain too large to edit goes (Excel rebuilds it).
 */
export function editCalcChain(
  pkg: Package,
  remove: readonly { readonly sheetId: number; readonly address: string }[],
  add: readonly { readonly sheetId: number; readonly address: string }[] = [],
): void {
  if (remove.length === 0 && add.length === 0) return;
  const rels = pkg.relationships(pkg.workbookPart);
  const chain = rels.find((r) => r.type === REL.calcChain);
  if (!chain?.part) return;
  const text = pkg.text(chain.part);
  let root: XmlElement | undefined;
  try {
    root = text !== undefined && text.length <= 16 * 1024 * 1024 ? parseTree(text, chain.part) : undefined;
  } catch {
    root = undefined;
  }
  if (text === undefined || !root) {
    pkg.remove(chain.part);
    pkg.setContentType(chain.part, null);
    pkg.removeRelationships(pkg.workbookPart, (r) => r === chain);
    return;
  }
  const gone = new Set(remove.map((c) => `${c.sheetId}!${c.address}`));
  const s = new Splicer(text);
  let sheet = 0;
  let removed = 0;
  const entries = kids(root, "c");
  entries.forEach((c, k) => {
    const i = attr(c, "i");
    const explicit = i !== undefined;
    if (explicit) sheet = Number(i);
    if (!gone.has(`${sheet}!${attr(c, "r") ?? ""}`)) return;
    s.replace(c.start, c.end, "");
    removed++;
    // The entry after it inherits its sheet id when it has none of its own: give it one.
    const next = entries[k + 1];
    if (explicit && next && attr(next, "i") === undefined) setAttribute(s, next, "i", String(sheet));
  });
  if (add.length)
    appendChildren(
      s,
      root,
      prefixed(add.map((c) => `<c r="${escapeAttr(c.address)}" i="${c.sheetId}"/>`).join(""), root.prefix),
    );
  if (entries.length - removed + add.length === 0) {
    // An empty chain is not allowed: the part goes.
    pkg.remove(chain.part);
    pkg.setContentType(chain.part, null);
    pkg.removeRelationships(pkg.workbookPart, (r) => r === chain);
    return;
  }
  pkg.set(chain.part, s.result());
}

/** The current fullCalcOnLoad of calcPr (null: absent). */
export function fullCalcOnLoad(pkg: Package): string | null {
  const calc = kid(pkg.workbook, "calcPr");
  return (calc && attr(calc, "fullCalcOnLoad")) ?? null;
}

const nameXml = (name: string, refersTo: string): string =>
  `<definedName name="${escapeAttr(name)}" hidden="1">${escapeText(refersTo)}</definedName>`;

/**
 * workbook.xml for a prepared workbook: the tracking names added, and calcPr asking the opening
 * application to recalculate everything (the cached values were computed by the add-in).
 */
export function preparedWorkbookXml(pkg: Package, track: readonly TrackName[]): string {
  const root = pkg.workbook;
  const s = new Splicer(pkg.workbookText);
  const prefix = root.prefix;
  if (track.length) {
    addDefinedNames(s, root, prefixed(track.map((t) => nameXml(t.name, trackRefersTo(t))).join(""), prefix));
  }
  requestFullCalc(s, root);
  return s.result();
}

/** workbook.xml after restoring: tracking names out, calcPr's fullCalcOnLoad as it was. */
export function restoredWorkbookXml(pkg: Package, record: ShareRecord): string {
  const root = pkg.workbook;
  const s = new Splicer(pkg.workbookText);
  const ours = new Set(record.track.map((t) => t.name.toLowerCase()));
  const el = kid(root, "definedNames");
  if (el && ours.size) {
    const names = kids(el, "definedName");
    const gone = names.filter((n) => ours.has((attr(n, "name") ?? "").toLowerCase()));
    if (gone.length === names.length) s.replace(el.start, el.end, "");
    else for (const n of gone) s.replace(n.start, n.end, "");
  }
  const calc = kid(root, "calcPr");
  if (calc && record.fullCalcOnLoad !== undefined)
    setAttribute(
      s,
      calc,
      "fullCalcOnLoad",
      record.fullCalcOnLoad === null ? null : escapeAttr(record.fullCalcOnLoad),
    );
  return s.result();
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
  const sample = `${text.length}:${text.slice(0, 4096)}:${text.slice(-4096)}`;
  const h = (hash(sample) + hash(sample + "#")).slice(0, 32);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}
