// Hand-written packages in the shapes other writers produce, committed under tests/fixtures/foreign/
// (run: npx tsx tests/generators/foreign-handwritten.ts). What each holds: tests/fixtures/foreign/manifest.ts.
//   hand-strict.xlsx      Strict Open XML (ISO/IEC 29500 Strict namespaces, conformance="strict", a t="d" date)
//   hand-excel-like.xlsx  Excel 365's dialect: mc:Ignorable, x14ac/xr attributes, spans, a shared formula,
//                         a dynamic-array formula with cm="1" and metadata.xml, calcChain, docProps
//   hand-minimal.xlsx     the fewest parts a reader must accept: no styles, no shared strings, no docProps
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bookEntries, CT, NS, REL, sheetXml, sstXml, utf8, XML_DECL } from "./package";
import { zip, type ZipEntry } from "./zip/zip-writer";

const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export function strict(): Uint8Array {
  const sheet = `${XML_DECL}<worksheet xmlns="${STRICT.main}" xmlns:r="${STRICT.r}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row><row r="2"><c r="A2" t="d" s="2"><v>2026-01-01T00:00:00</v></c><c r="B2"><f>B1*2</f><v>25</v></c></row></sheetData></worksheet>`;
  const wb = `${XML_DECL}<workbook xmlns="${STRICT.main}" xmlns:r="${STRICT.r}" conformance="strict"><workbookPr dateCompatibility="0"/><bookViews><workbookView/></bookViews><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Rate">Strict!$B$1</definedName></definedNames></workbook>`;
  const rels = `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${STRICT.r}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${STRICT.r}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${STRICT.r}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const root = `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${STRICT.r}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const strictify = (x: Uint8Array | undefined): Uint8Array =>
    utf8(new TextDecoder().decode(x).split(NS.main).join(STRICT.main));
  return zip(
    bookEntries({
      sheets: [{ name: "Strict", xml: sheet }],
      sharedStrings: sstXml(["严格 Strict"]),
      workbookXml: wb,
      workbookRels: rels,
      rootRels: root,
    }).map((e) =>
      e.name === "xl/styles.xml" || e.name === "xl/sharedStrings.xml" ? { ...e, data: strictify(e.data) } : e,
    ),
  );
}

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";

export function excelLike(): Uint8Array {
  const sheet =
    `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${MC}" mc:Ignorable="x14ac xr" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}" xr:uid="{6E1F0B6D-0000-4000-8000-000000000001}">` +
    '<dimension ref="A1:J4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>' +
    '<row r="1" spans="1:10" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
    '<row r="2" spans="1:10" x14ac:dyDescent="0.25"><c r="A2"><v>30</v></c><c r="B2"><v>1000</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>2000</v></c><c r="D2" cm="1"><f t="array" ref="D2:D4">_xlfn._xlws.SORT(A2:A4)</f><v>10</v></c><c r="E2"><v>1000</v></c><c r="F2"><v>400</v></c><c r="G2"><v>200</v></c><c r="H2" cm="1"><f t="array" ref="H2:I2">_xldudf_DEALER_FUNNEL_RATE(E2:G2)</f><v>0.4</v></c><c r="I2"><v>0.5</v></c></row>' +
    '<row r="3" spans="1:10" x14ac:dyDescent="0.25"><c r="A3"><v>10</v></c><c r="B3"><v>1500</v></c><c r="C3"><f t="shared" si="0"/><v>3000</v></c><c r="D3"><v>20</v></c></row>' +
    '<row r="4" spans="1:10" x14ac:dyDescent="0.25"><c r="A4"><v>20</v></c><c r="B4"><v>500</v></c><c r="C4"><f t="shared" si="0"/><v>1000</v></c><c r="D4"><v>30</v></c></row>' +
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const wb =
    `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${XR}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>' +
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\planner\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
    '<xr:revisionPtr revIDLastSave="0" documentId="8_{00000000-0000-0000-0000-000000000000}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>' +
    '<sheets><sheet name="漏斗 Funnel" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'漏斗 Funnel\'!$A$1:$C$4</definedName><definedName name="Leads">\'漏斗 Funnel\'!$B$2:$B$4</definedName></definedNames><calcPr calcId="191029"/></workbook>';
  const metadata = `${XML_DECL}<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
  const calcChain = `${XML_DECL}<calcChain xmlns="${NS.main}"><c r="C2" i="1"/><c r="C3"/><c r="C4"/><c r="D2"/><c r="H2"/></calcChain>`;
  const core = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Planner</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`;
  const entries: ZipEntry[] = bookEntries({
    sheets: [{ name: "漏斗 Funnel", xml: sheet }],
    sharedStrings: `${XML_DECL}<sst xmlns="${NS.main}" count="3" uniqueCount="3"><si><t>周期 Days</t></si><si><t>线索 Leads</t></si><si><t>双倍 Double</t></si></sst>`,
    workbookXml: wb,
  }).map((e) => {
    if (e.name === "xl/_rels/workbook.xml.rels")
      return {
        ...e,
        data: utf8(
          new TextDecoder()
            .decode(e.data)
            .replace(
              "</Relationships>",
              `<Relationship Id="rId10" Type="${NS.r}/sheetMetadata" Target="metadata.xml"/><Relationship Id="rId11" Type="${NS.r}/calcChain" Target="calcChain.xml"/></Relationships>`,
            ),
        ),
      };
    if (e.name === "[Content_Types].xml")
      return {
        ...e,
        data: utf8(
          new TextDecoder()
            .decode(e.data)
            .replace(
              "</Types>",
              '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
            ),
        ),
      };
    if (e.name === "_rels/.rels")
      return {
        ...e,
        data: utf8(
          new TextDecoder()
            .decode(e.data)
            .replace(
              "</Relationships>",
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
            ),
        ),
      };
    return e;
  });
  return zip([
    ...entries,
    { name: "xl/metadata.xml", data: utf8(metadata) },
    { name: "xl/calcChain.xml", data: utf8(calcChain) },
    { name: "docProps/core.xml", data: utf8(core) },
  ]);
}

export function minimal(): Uint8Array {
  return zip([
    {
      name: "[Content_Types].xml",
      data: utf8(
        `${XML_DECL}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: utf8(
        `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: utf8(
        `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="Only" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: utf8(
        `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: utf8(
        sheetXml(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>最小 Minimal</t></is></c><c r="B1"><v>3</v></c><c r="C1"><f>B1*2</f></c></row>',
        ),
      ),
    },
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, "..", "fixtures", "foreign");
  mkdirSync(dir, { recursive: true });
  for (const [name, make] of [
    ["hand-strict.xlsx", strict],
    ["hand-excel-like.xlsx", excelLike],
    ["hand-minimal.xlsx", minimal],
  ] as const) {
    writeFileSync(path.join(dir, name), make());
    process.stdout.write(`tests/fixtures/foreign/${name}\n`);
  }
}
