// Adding sheets written from specs to a package, new or existing: the template writer, the scorecard
// added to a dealer's workbook and the league report all come through here. Sheet names and defined
// names are chosen by src/workbook/plan.ts (a taken name gets a new one; a user's sheet or name is
// never replaced); every other part of the workbook is carried over as it was.
import { absoluteRange, parseCell, sheetRef } from "../../core/a1";
import {
  flattenCells,
  isFormula,
  resolveSheetRefs,
  type NameSpec,
  type SheetSpec,
} from "../../templates/spec";
import { absoluteRows } from "../print";
import { chartPartXml } from "./chart";
import { planWrite } from "../plan";
import type { WrittenName } from "../port";
import { escapeAttr, escapeText } from "./escape";
import { CT, Package, REL } from "./package";
import { worksheetXml } from "./sheet-write";
import { addDefinedNames, appendChildren, prefixed, requestFullCalc, Splicer } from "./splice";
import { FRESH_STYLES, StyleAppender } from "./styles-write";
import { kid, NS, parseTree, type XmlElement } from "./xml";

export interface AddResult {
  readonly bytes: Uint8Array;
  /** Real names of the sheets added, in order. */
  readonly sheetNames: readonly string[];
  readonly names: readonly WrittenName[];
  /** Features not written (e.g. "chart"), for the pane to mention. */
  readonly skipped: readonly string[];
}

/** CT_Workbook's children after <sheets>, in schema order: where definedNames and calcPr may go. */
/** The prefix the document binds to a namespace ("" for the default namespace, undefined when unbound). */
function prefixFor(root: XmlElement, uri: string): string | undefined {
  for (const [k, v] of Object.entries(root.attrs)) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

export function addSheets(
  pkg: Package,
  spec: { readonly sheets: readonly SheetSpec[]; readonly names: readonly NameSpec[] },
): AddResult {
  const wbText = pkg.workbookText;
  const root = pkg.workbook;
  const plan = planWrite(
    { kind: "plan", lang: "zh-CN", title: "", sheets: spec.sheets, names: spec.names },
    pkg.sheets.map((s) => s.name),
    pkg.names.map((n) => n.name),
  );
  const mainPrefix = root.prefix;
  const relPrefix = prefixFor(root, NS.rel);
  const ridAttr = (rid: string): string =>
    relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${NS.rel}" r:id="${rid}"`;

  // Styles: appended to the workbook's own (created when it has none).
  const wbRels = pkg.relationships(pkg.workbookPart);
  let stylesPart = wbRels.find((r) => r.type === REL.styles)?.part;
  const stylesText = (stylesPart && pkg.text(stylesPart)) || FRESH_STYLES;
  const styles = new StyleAppender(stylesText, parseTree(stylesText, stylesPart ?? "styles.xml"));

  const s = new Splicer(wbText);
  const sheetsEl = kid(root, "sheets");
  let nextId = Math.max(0, ...pkg.sheets.map((x) => x.sheetId)) + 1;
  const sheetEls: string[] = [];
  const realNames: string[] = [];
  const localNames: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const name = plan.sheetNames.get(sheet.key) as string;
    realNames.push(name);
    const part = pkg.freshPart("xl/worksheets/sheet", ".xml");
    // The part must exist before relationships from it are added.
    pkg.set(part, "");
    const drawingRelId = (sheet.charts ?? []).length ? addCharts(pkg, part, sheet, name) : undefined;
    const xml = worksheetXml(sheet, styles, {
      externalLink: (url) => pkg.addExternalRelationship(part, REL.hyperlink, url),
      resolve: (f) => resolveSheetRefs(f, plan.sheetNames),
      ...(drawingRelId ? { drawingRelId } : {}),
    });
    pkg.set(part, xml);
    pkg.setContentType(part, CT.worksheet);
    const rid = pkg.addRelationship(pkg.workbookPart, REL.worksheet, part);
    sheetEls.push(
      prefixed(`<sheet name="${escapeAttr(name)}" sheetId="${nextId++}" ${ridAttr(rid)}/>`, mainPrefix),
    );
    const local = pkg.sheets.length + i;
    if (sheet.print?.titleRows) {
      localNames.push(
        nameXml("_xlnm.Print_Titles", sheetRef(name, absoluteRows(sheet.print.titleRows)), local),
      );
    }
    if (sheet.print?.area)
      localNames.push(nameXml("_xlnm.Print_Area", sheetRef(name, absoluteRange(sheet.print.area)), local));
  });
  if (sheetsEl) appendChildren(s, sheetsEl, sheetEls.join(""));
  else throw new Error("workbook.xml has no <sheets>");

  const names = [...plan.names.map((n) => nameXml(n.name, n.refersTo)), ...localNames].map((x) =>
    prefixed(x, mainPrefix),
  );
  if (names.length) addDefinedNames(s, root, names.join(""));
  // Cells were written without cached values: ask the opening application to compute them.
  requestFullCalc(s, root, ' calcId="191029"');
  pkg.set(pkg.workbookPart, s.result());

  if (styles.changed || !stylesPart) {
    if (!stylesPart) {
      stylesPart = "xl/styles.xml";
      pkg.addRelationship(pkg.workbookPart, REL.styles, stylesPart);
      pkg.setContentType(stylesPart, CT.styles);
    }
    pkg.set(stylesPart, styles.result());
  }
  return { bytes: pkg.save(), sheetNames: realNames, names: plan.names, skipped: [] };
}

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/**
 * The sheet's charts as a drawing part (one two-cell anchor per chart) and chart parts bound to the
 * sheet's cells, so the chart is in the file whoever opens it. The number caches carry the constants
 * the spec holds (formula results are computed on opening). Returns the drawing's relationship id.
 */
function addCharts(pkg: Package, sheetPart: string, sheet: SheetSpec, sheetName: string): string {
  const drawing = pkg.freshPart("xl/drawings/drawing", ".xml");
  pkg.set(drawing, "");
  const relId = pkg.addRelationship(sheetPart, REL.drawing, drawing);
  const cells = flattenCells(sheet);
  const cache = (address: string): string | number | null | undefined => {
    const v = cells.get(address);
    if (v === undefined || v === null || isFormula(v)) return undefined;
    if (typeof v === "number" || typeof v === "string") return v;
    return typeof v === "boolean" ? Number(v) : v.text;
  };
  const anchors = (sheet.charts ?? []).map((chart, i) => {
    const part = pkg.freshPart("xl/charts/chart", ".xml");
    pkg.set(part, chartPartXml(chart, sheetName, cache));
    pkg.setContentType(part, CT.chart);
    const rid = pkg.addRelationship(drawing, REL.chart, part);
    const from = parseCell(chart.from);
    const to = parseCell(chart.to);
    const at = (p: { row: number; col: number }) =>
      `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor><xdr:from>${at(from)}</xdr:from><xdr:to>${at({ row: to.row + 1, col: to.col + 1 })}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(chart.title || `Chart ${i + 1}`)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${rid}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  pkg.set(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS.rel}">` +
      `${anchors.join("")}</xdr:wsDr>`,
  );
  pkg.setContentType(drawing, CT.drawing);
  return relId;
}

function nameXml(name: string, refersTo: string, localSheetId?: number): string {
  return `<definedName name="${escapeAttr(name)}"${localSheetId !== undefined ? ` localSheetId="${localSheetId}"` : ""}>${escapeText(refersTo)}</definedName>`;
}

/** The parts of a workbook with no sheets yet, which addSheets fills (a workbook must have one). */
export function freshPackage(): Package {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.ct}">` +
      `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.coreProps}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT.extendedProps}"/></Types>`,
    "_rels/.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${REL.coreProps}" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL.extendedProps}" Target="docProps/app.xml"/></Relationships>`,
    "docProps/core.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Dealer Marketing Power</dc:creator></cp:coreProperties>`,
    "docProps/app.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>Dealer Marketing Power</Application></Properties>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
      `<workbookPr/><bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": FRESH_STYLES,
  };
  return Package.fromParts(parts);
}
