/**
 * Tags an .xlsx so Excel opens the add-in's task pane with it: a web-extension part carrying the
 * property Office.AutoShowTaskpaneWithDocument = true, referencing the add-in by its manifest <Id>.
 * Excel honours it only where the add-in is installed for the user (sideloaded, or centrally
 * deployed) and the manifest has a ShowTaskpane action with TaskpaneId
 * Office.AutoShowTaskpaneWithDocument; elsewhere the part is ignored and the workbook opens as usual.
 * In Excel itself the pane does the same through the document settings (src/workbook/office-share.ts).
 */
import { escapeAttr } from "../workbook/ooxml/escape";
import { Package } from "../workbook/ooxml/package";
import { appendChildren, Splicer } from "../workbook/ooxml/splice";
import { attr, kids, parseTree } from "../workbook/ooxml/xml";

export const AUTO_SHOW = "Office.AutoShowTaskpaneWithDocument";

/** This add-in's manifest <Id> (manifest.xml; a test keeps the two equal): what a tag refers to. */
export const ADDIN_ID = "28b54f6c-6d4a-4a20-9542-595d3138a2f2";

/** Where Excel looks the add-in up: "Registry"/"developer" for sideloading, "EXCatalog" for central deployment. */
export interface TagOptions {
  readonly addinId: string;
  readonly version?: string;
  readonly storeType?: "Registry" | "EXCatalog" | "FileSystem" | "OMEX" | "SPCatalog";
  readonly store?: string;
}

const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";
const CT_WEBEXT = "application/vnd.ms-office.webextension+xml";
const NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const NS_TP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The add-in id (<Id>) of an XML manifest. */
export function manifestId(manifestXml: string): string | undefined {
  return /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml)?.[1];
}

function tagged(pkg: Package, addinId: string): boolean {
  for (const part of pkg.partNames()) {
    if (!/^xl\/webextensions\/webextension\d+\.xml$/.test(part)) continue;
    const root = parseTree(pkg.text(part) ?? "", part);
    const ref = root.children.find((c) => c.local === "reference");
    const props = root.children.find((c) => c.local === "properties");
    const auto = props
      ? kids(props, "property").some((p) => attr(p, "name") === AUTO_SHOW && attr(p, "value") === "true")
      : false;
    if (ref && (attr(ref, "id") ?? "").toLowerCase() === addinId.toLowerCase() && auto) return true;
  }
  return false;
}

/** True when the workbook already carries an auto-open web extension for this add-in. */
export async function isTaggedXlsx(data: Uint8Array, addinId: string): Promise<boolean> {
  return tagged(Package.open(data), addinId);
}

/** Adds the auto-open tag (once; a tagged workbook comes back unchanged). */
export async function tagXlsx(data: Uint8Array, options: TagOptions): Promise<Uint8Array> {
  const pkg = Package.open(data);
  if (tagged(pkg, options.addinId)) return data;
  const ext = pkg.freshPart("xl/webextensions/webextension", ".xml");
  const storeType = options.storeType ?? "Registry";
  const store =
    options.store ?? (storeType === "Registry" ? "developer" : storeType === "EXCatalog" ? "EXCatalog" : "");
  const instance = `{${options.addinId.replace(/[{}]/g, "").toUpperCase()}}`;
  pkg.set(
    ext,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<we:webextension xmlns:we="${NS_WE}" id="${escapeAttr(instance)}">` +
      `<we:reference id="${escapeAttr(options.addinId)}" version="${escapeAttr(options.version ?? "1.0.0.0")}" store="${escapeAttr(store)}" storeType="${escapeAttr(storeType)}"/>` +
      `<we:alternateReferences/><we:properties><we:property name="${AUTO_SHOW}" value="true"/></we:properties>` +
      `<we:bindings/><we:snapshot xmlns:r="${NS_R}"/></we:webextension>`,
  );
  pkg.setContentType(ext, CT_WEBEXT);

  const panes = "xl/webextensions/taskpanes.xml";
  if (!pkg.has(panes)) {
    pkg.set(
      panes,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="${NS_TP}"></wetp:taskpanes>`,
    );
    pkg.setContentType(panes, CT_TASKPANES);
  }
  const rid = pkg.addRelationship(panes, REL_WEBEXT, ext);
  const text = pkg.text(panes) ?? "";
  const root = parseTree(text, panes);
  const p = root.prefix ? `${root.prefix}:` : "";
  const s = new Splicer(text);
  appendChildren(
    s,
    root,
    `<${p}taskpane dockstate="right" visibility="0" width="350" row="4">` +
      `<${p}webextensionref xmlns:r="${NS_R}" r:id="${rid}"/></${p}taskpane>`,
  );
  pkg.set(panes, s.result());
  if (!pkg.relationships("").some((r) => r.type === REL_TASKPANES))
    pkg.addRelationship("", REL_TASKPANES, panes);
  return pkg.save();
}
