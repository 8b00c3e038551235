/**
 * Tags an .xlsx so Excel opens the add-in's task pane with it: a web-extension part carrying the
 * property Office.AutoShowTaskpaneWithDocument = true, referencing the add-in by its manifest <Id>.
 * Excel honours it only where the add-in is installed for the user (sideloaded, or centrally
 * deployed) and the manifest has a ShowTaskpane action with TaskpaneId
 * Office.AutoShowTaskpaneWithDocument; elsewhere the part is ignored and the workbook opens as usual.
 * In Excel itself the pane does the same through the document settings (src/workbook/office-share.ts).
 */
import JSZip from "jszip";

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

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The add-in id (<Id>) of an XML manifest. */
export function manifestId(manifestXml: string): string | undefined {
  return /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml)?.[1];
}

function put(zip: JSZip, path: string, content: string): void {
  zip.file(path, content, { createFolders: false });
}

/** True when the workbook already carries an auto-open web extension for this add-in. */
export async function isTaggedXlsx(data: Uint8Array, addinId: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(data);
  for (const path of Object.keys(zip.files)) {
    if (!/^xl\/webextensions\/webextension\d+\.xml$/.test(path)) continue;
    const xml = await zip.file(path)!.async("string");
    if (
      xml.toLowerCase().includes(`id="${addinId.toLowerCase()}"`) &&
      xml.includes(`name="${AUTO_SHOW}" value="true"`)
    ) {
      return true;
    }
  }
  return false;
}

/** Adds the auto-open tag (once; a tagged workbook comes back unchanged). */
export async function tagXlsx(data: Uint8Array, options: TagOptions): Promise<Uint8Array> {
  if (await isTaggedXlsx(data, options.addinId)) return data;
  const zip = await JSZip.loadAsync(data);
  let n = 1;
  while (zip.file(`xl/webextensions/webextension${n}.xml`)) n++;
  const storeType = options.storeType ?? "Registry";
  const store =
    options.store ?? (storeType === "Registry" ? "developer" : storeType === "EXCatalog" ? "EXCatalog" : "");
  const instance = `{${options.addinId.replace(/[{}]/g, "").toUpperCase()}}`;
  put(
    zip,
    `xl/webextensions/webextension${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${esc(instance)}">` +
      `<we:reference id="${esc(options.addinId)}" version="${esc(options.version ?? "1.0.0.0")}" store="${esc(store)}" storeType="${esc(storeType)}"/>` +
      `<we:alternateReferences/><we:properties><we:property name="${AUTO_SHOW}" value="true"/></we:properties>` +
      `<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );

  const taskpanesPath = "xl/webextensions/taskpanes.xml";
  const relsPath = "xl/webextensions/_rels/taskpanes.xml.rels";
  let rels = (await zip.file(relsPath)?.async("string")) ?? "";
  let rid = 1;
  while (rels.includes(`Id="rId${rid}"`)) rid++;
  const pane =
    `<wetp:taskpane dockstate="right" visibility="0" width="350" row="4">` +
    `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${rid}"/></wetp:taskpane>`;
  const existing = await zip.file(taskpanesPath)?.async("string");
  put(
    zip,
    taskpanesPath,
    existing
      ? existing.replace(/<\/wetp:taskpanes>\s*$/, `${pane}</wetp:taskpanes>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
          `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">${pane}</wetp:taskpanes>`,
  );
  const rel = `<Relationship Id="rId${rid}" Type="${REL_WEBEXT}" Target="webextension${n}.xml"/>`;
  rels = rels
    ? rels.replace("</Relationships>", `${rel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
  put(zip, relsPath, rels);

  let rootRels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  if (!rootRels.includes(REL_TASKPANES)) {
    let r = 1;
    while (rootRels.includes(`Id="rIdTaskpanes${r}"`)) r++;
    rootRels = rootRels.replace(
      "</Relationships>",
      `<Relationship Id="rIdTaskpanes${r}" Type="${REL_TASKPANES}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
    );
    put(zip, "_rels/.rels", rootRels);
  }
  let ct = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const override = (part: string, type: string): void => {
    if (!ct.includes(`PartName="/${part}"`))
      ct = ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };
  override(taskpanesPath, CT_TASKPANES);
  override(`xl/webextensions/webextension${n}.xml`, CT_WEBEXT);
  put(zip, "[Content_Types].xml", ct);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
