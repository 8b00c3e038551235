// XML that a regex reader gets wrong or a permissive parser obeys: DTDs with external entities (XXE)
// and entity expansion (billion laughs), and the valid but rarer forms — character references, CDATA,
// declared encodings other than UTF-8, UTF-16, namespace prefixes and redeclared defaults.
import { book, CT, NS, REL, sheetXml, sstXml, XML_DECL } from "../package";
import { baseOptions } from "./container";

const XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** A DTD with 10 levels of 10 references: 10^9 "lol"s if expanded. */
function laughs(root: string): string {
  let dtd = `<!DOCTYPE ${root} [<!ENTITY lol0 "lol">`;
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `${dtd}]>`;
}

/** An external entity used as the text of A1. */
export function xxeSheet(): Uint8Array {
  const xml = `${XML_DECL}${XXE}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
  return book({ sheets: [{ name: "Sheet1", xml }] });
}

/** An external parameter entity in the workbook's relationships (fetched by a DTD-loading parser). */
export function xxeRels(): Uint8Array {
  const o = baseOptions();
  const rels = `${XML_DECL}<!DOCTYPE Relationships [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">%remote;]><Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL.styles}" Target="styles.xml"/><Relationship Id="rId3" Type="${REL.sharedStrings}" Target="sharedStrings.xml"/></Relationships>`;
  return book({ ...o, workbookRels: rels });
}

export function laughsSheet(): Uint8Array {
  const xml = `${XML_DECL}${laughs("worksheet")}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  return book({ sheets: [{ name: "Sheet1", xml }] });
}

export function laughsSharedStrings(): Uint8Array {
  const sst = `${XML_DECL}${laughs("sst")}<sst xmlns="${NS.main}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
  return book({ ...baseOptions(), sharedStrings: sst });
}

/** The expansion in a sheet's name attribute in workbook.xml. */
export function laughsWorkbook(): Uint8Array {
  const o = baseOptions();
  const wb = `${XML_DECL}${laughs("workbook")}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return book({ ...o, workbookXml: wb });
}

/** A DOCTYPE with no declarations at all. */
export function doctypeOnly(): Uint8Array {
  const xml = `${XML_DECL}<!DOCTYPE worksheet><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
  return book({ sheets: [{ name: "Sheet1", xml }] });
}

/** Decimal and hexadecimal character references and the five predefined entities. */
export function charRefs(): Uint8Array {
  return book({
    sheets: [
      {
        name: "Sheet1",
        xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'),
      },
    ],
    sharedStrings: sstXml([
      "Caf&#233; &#x4E2D;&#25991; &#x1F697;",
      "&amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos;",
    ]),
  });
}

/** An inline string written as a CDATA section. */
export function cdata(): Uint8Array {
  return book({
    sheets: [
      {
        name: "Sheet1",
        xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b & c>d]]></t></is></c></row>'),
      },
    ],
  });
}

/** A sheet whose XML is cut (not well-formed); the ZIP is fine. */
export function malformedXml(): Uint8Array {
  const xml = `${XML_DECL}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1"><v>1</v></c>`;
  return book({ sheets: [{ name: "Sheet1", xml }] });
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c > 0xff) throw new Error(`not Latin-1: ${ch}`);
      return c;
    }),
  );
}

/** sharedStrings.xml and the sheet declared ISO-8859-1, their accents written as single Latin-1 bytes. */
export function latin1Parts(): Uint8Array {
  const decl = '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>\n';
  const sst = `${decl}<sst xmlns="${NS.main}" count="1" uniqueCount="1"><si><t>Café Müller</t></si></sst>`;
  const sheet = `${decl}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Grüße, Señor</t></is></c></row></sheetData></worksheet>`;
  return book({ sheets: [{ name: "Sheet1", xml: latin1(sheet) }], sharedStrings: latin1(sst) });
}

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0xfeff, !bigEndian);
  for (let i = 0; i < s.length; i++) v.setUint16(2 + i * 2, s.charCodeAt(i), !bigEndian);
  return out;
}

/** sharedStrings.xml in UTF-16LE and the sheet in UTF-16BE, each with a byte order mark. */
export function utf16Parts(): Uint8Array {
  const decl = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n';
  const sst = `${decl}<sst xmlns="${NS.main}" count="2" uniqueCount="2"><si><t>经销商营销力</t></si><si><t>Café</t></si></sst>`;
  const sheet = `${decl}<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>3.5</v></c></row></sheetData></worksheet>`;
  return book({ sheets: [{ name: "Sheet1", xml: utf16(sheet, true) }], sharedStrings: utf16(sst, false) });
}

/**
 * Every part with namespace prefixes instead of default namespaces (content types, relationships,
 * workbook with r: renamed rel:, sheet and shared strings with x:), one row under a redeclared
 * default namespace, and a decoy <c> in a foreign namespace inside extLst that is not a cell.
 */
export function prefixedNamespaces(): Uint8Array {
  const types = `${XML_DECL}<ct:Types xmlns:ct="${NS.types}"><ct:Default Extension="rels" ContentType="${CT.rels}"/><ct:Default Extension="xml" ContentType="application/xml"/><ct:Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><ct:Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/><ct:Override PartName="/xl/sharedStrings.xml" ContentType="${CT.sharedStrings}"/><ct:Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/></ct:Types>`;
  const rootRels = `${XML_DECL}<pr:Relationships xmlns:pr="${NS.rels}"><pr:Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></pr:Relationships>`;
  const wbRels = `${XML_DECL}<pr:Relationships xmlns:pr="${NS.rels}"><pr:Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/><pr:Relationship Id="rId2" Type="${REL.sharedStrings}" Target="sharedStrings.xml"/><pr:Relationship Id="rId3" Type="${REL.styles}" Target="styles.xml"/></pr:Relationships>`;
  const wb = `${XML_DECL}<x:workbook xmlns:x="${NS.main}" xmlns:rel="${NS.r}"><x:sheets><x:sheet name="Prefixed" sheetId="1" rel:id="rId1"/></x:sheets><x:definedNames><x:definedName name="Total">Prefixed!$B$3</x:definedName></x:definedNames></x:workbook>`;
  const sst = `${XML_DECL}<x:sst xmlns:x="${NS.main}" count="2" uniqueCount="2"><x:si><x:t>Leads</x:t></x:si><x:si><x:r><x:t>Vis</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>its</x:t></x:r></x:si></x:sst>`;
  const sheet =
    `${XML_DECL}<x:worksheet xmlns:x="${NS.main}" xmlns:rel="${NS.r}"><x:sheetData>` +
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>120</x:v></x:c></x:row>' +
    '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>30</x:v></x:c></x:row>' +
    `<row xmlns="${NS.main}" r="3"><c r="A3" t="inlineStr"><is><t>Sum</t></is></c><c r="B3"><f>SUM(B1:B2)</f><v>150</v></c></row>` +
    "</x:sheetData>" +
    `<x:extLst><x:ext uri="{00000000-0000-0000-0000-000000000001}"><c xmlns="urn:example:decoy" r="A9"><v>999</v></c></x:ext></x:extLst>` +
    "</x:worksheet>";
  return book({
    sheets: [{ name: "Prefixed", xml: sheet }],
    sharedStrings: sst,
    workbookXml: wb,
    workbookRels: wbRels,
    rootRels,
    contentTypes: types,
  });
}
