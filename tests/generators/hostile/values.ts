// Valid SpreadsheetML that simple readers get wrong: shared and array formulas, inline and rich
// strings (with phonetic runs and _xHHHH_ escapes), cached string results, booleans and errors, dates
// in both date systems, parts at unusual names, absolute relationship targets, a macro-enabled
// package, and DEALER calls in cells, a defined name, a conditional format and a validation.
import { oleFile } from "../zip/ole";
import { book, bookEntries, NS, REL, sheetXml, sstXml, utf8, XML_DECL } from "../package";
import { zip } from "../zip/zip-writer";

const v = (ref: string, value: number | string, s?: number): string =>
  `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ""}><v>${value}</v></c>`;

/** A1:A4 = 1..4; B1:B4 one shared group A1*2; C1:D2 a 2-D group $A$1+A1. */
export function sharedFormulas(): Uint8Array {
  const f = (ref: string, si: number, value: number, master?: { ref: string; text: string }): string =>
    master
      ? `<c r="${ref}"><f t="shared" ref="${master.ref}" si="${si}">${master.text}</f><v>${value}</v></c>`
      : `<c r="${ref}"><f t="shared" si="${si}"/><v>${value}</v></c>`;
  const rows =
    `<row r="1">${v("A1", 1)}${f("B1", 0, 2, { ref: "B1:B4", text: "A1*2" })}${f("C1", 1, 2, { ref: "C1:D2", text: "$A$1+A1" })}${f("D1", 1, 3)}</row>` +
    `<row r="2">${v("A2", 2)}${f("B2", 0, 4)}${f("C2", 1, 3)}${f("D2", 1, 5)}</row>` +
    `<row r="3">${v("A3", 3)}${f("B3", 0, 6)}</row>` +
    `<row r="4">${v("A4", 4)}${f("B4", 0, 8)}</row>`;
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** C1:C3 one array formula A1:A3*10 (members hold values only), D1 a one-cell array formula. */
export function arrayFormula(): Uint8Array {
  const rows =
    `<row r="1">${v("A1", 1)}<c r="C1"><f t="array" ref="C1:C3">A1:A3*10</f><v>10</v></c><c r="D1"><f t="array" ref="D1">SUM(A1:A3*A1:A3)</f><v>14</v></c></row>` +
    `<row r="2">${v("A2", 2)}${v("C2", 20)}</row>` +
    `<row r="3">${v("A3", 3)}${v("C3", 30)}</row>`;
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/**
 * Inline strings (plain, rich runs, preserved spaces), shared strings with rich runs and a phonetic
 * run (not part of the text), and _xHHHH_ escapes (ECMA-376 ST_Xstring: _x000A_ is a line feed,
 * _x005F_ an underscore).
 */
export function inlineAndRich(): Uint8Array {
  const rows =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Bold</t></r><r><rPr><b/></rPr><t xml:space="preserve"> part</t></r></is></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>0</v></c></row>' +
    '<row r="4"><c r="A4" t="s"><v>1</v></c></row>' +
    '<row r="5"><c r="A5" t="inlineStr"><is><t xml:space="preserve">  padded  </t></is></c></row>' +
    '<row r="6"><c r="A6" t="s"><v>2</v></c></row>';
  const sst =
    `${XML_DECL}<sst xmlns="${NS.main}" count="3" uniqueCount="3">` +
    '<si><r><rPr><color rgb="FFFF0000"/></rPr><t>Red</t></r><r><t xml:space="preserve"> and </t></r><r><rPr><color rgb="FF0000FF"/></rPr><t>blue</t></r></si>' +
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>' +
    "<si><t>Line_x000A_Break_x005F_x0041_</t></si></sst>";
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }], sharedStrings: sst });
}

/** Formulas whose cached results are strings (t="str"), one of them digits that must stay text. */
export function formulaStrings(): Uint8Array {
  const rows =
    '<row r="1"><c r="A1" t="str"><f>"Dealer "&amp;"A"</f><v>Dealer A</v></c></row>' +
    '<row r="2"><c r="A2" t="str"><f>TEXT(42,"0000")</f><v>0042</v></c></row>' +
    '<row r="3"><c r="A3" t="str"><f>""</f><v></v></c></row>';
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** Booleans and every classic error value, some as cached results of formulas. */
export function boolsAndErrors(): Uint8Array {
  const e = (ref: string, err: string, f?: string): string =>
    `<c r="${ref}" t="e">${f ? `<f>${f}</f>` : ""}<v>${err}</v></c>`;
  const rows =
    `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><f>1&lt;2</f><v>1</v></c></row>` +
    `<row r="2">${e("A2", "#N/A", "NA()")}${e("B2", "#DIV/0!", "1/0")}${e("C2", "#NAME?", "NOSUCHFUNCTION(1)")}${e("D2", "#VALUE!", '1+"a"')}</row>` +
    `<row r="3">${e("A3", "#REF!")}${e("B3", "#NUM!", "SQRT(-1)")}${e("C3", "#NULL!")}</row>`;
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** 2026-01-01 with built-in date format 14, 2024-01-01 12:00 as yyyy-mm-dd, a plain number beside. */
export function dates(): Uint8Array {
  const rows = `<row r="1">${v("A1", 46023, 1)}${v("B1", 45292.5, 2)}${v("C1", 46023)}</row>`;
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }] });
}

/** The 1904 date system: serial 44561 is 2026-01-01 there (1,462 days less than in 1900). */
export function dates1904(): Uint8Array {
  const rows = `<row r="1">${v("A1", 44561, 2)}</row>`;
  return book({ sheets: [{ name: "Sheet1", xml: sheetXml(rows) }], workbookPr: 'date1904="1"' });
}

/** Sheets at xl/worksheets/data/first.xml and xl/ws2.xml, shared strings at xl/strings/table.xml. */
export function oddPartNames(): Uint8Array {
  return book({
    sheets: [
      {
        name: "First",
        path: "xl/worksheets/data/first.xml",
        xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      },
      { name: "Second", path: "xl/ws2.xml", xml: sheetXml(`<row r="1">${v("A1", 2)}</row>`) },
    ],
    sharedStrings: sstXml(["one"]),
    sharedStringsPath: "xl/strings/table.xml",
  });
}

/**
 * The workbook part at xl/book.xml, found only through the officeDocument relationship of
 * _rels/.rels (OPC: the relationship, not the name, says which part is the workbook).
 */
export function workbookElsewhere(): Uint8Array {
  const base = bookEntries({
    sheets: [{ name: "Sheet1", xml: sheetXml(`<row r="1">${v("A1", 7)}</row>`) }],
    rootRels: `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/book.xml"/></Relationships>`,
  });
  return zip(
    base.map((e) => {
      if (e.name === "xl/workbook.xml") return { ...e, name: "xl/book.xml" };
      if (e.name === "xl/_rels/workbook.xml.rels") return { ...e, name: "xl/_rels/book.xml.rels" };
      if (e.name === "[Content_Types].xml")
        return {
          ...e,
          data: utf8(new TextDecoder().decode(e.data).replace("/xl/workbook.xml", "/xl/book.xml")),
        };
      return e;
    }),
  );
}

/** workbook.xml.rels with absolute targets ("/xl/worksheets/sheet1.xml", "/xl/styles.xml"). */
export function absoluteTargets(): Uint8Array {
  return book({
    sheets: [{ name: "Sheet1", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
    sharedStrings: sstXml(["absolute"]),
    absoluteTargets: true,
  });
}

/** A minimal vbaProject.bin: an OLE file with a PROJECT stream, as the VBA project's root holds. */
export function vbaProject(): Uint8Array {
  return oleFile([
    { name: "PROJECT", data: utf8('ID="{00000000-0000-0000-0000-000000000000}"\r\nName="VBAProject"\r\n') },
  ]);
}

/** An .xlsm: macro-enabled workbook content type and an xl/vbaProject.bin part. */
export function macroEnabled(): Uint8Array {
  return book({
    sheets: [{ name: "Sheet1", xml: sheetXml(`<row r="1">${v("A1", 1)}</row>`) }],
    macro: true,
    extra: [{ name: "xl/vbaProject.bin", data: vbaProject() }],
  });
}

/**
 * DEALER calls as Excel saves them (_xldudf_DEALER_ROI), as typed (DEALER.ROI), nested, spilled over
 * B9:F9 (one array formula), in a defined name, a conditional format and a data validation; and a
 * text cell that only looks like a call.
 */
export function dealerFormulas(): Uint8Array {
  const rows =
    `<row r="2">${v("B2", 150000)}${v("C2", 100000)}</row>` +
    '<row r="4"><c r="A4"><f>_xldudf_DEALER_ROI(B2,C2)</f><v>0.5</v></c></row>' +
    '<row r="5"><c r="A5"><f>DEALER.ROI(B2,C2)</f><v>0.5</v></c></row>' +
    '<row r="6"><c r="A6"><f>IF(B2&gt;0,_xldudf_DEALER_ROI(B2,C2),0)</f><v>0.5</v></c></row>' +
    `<row r="8">${v("B8", 1000)}${v("C8", 400)}${v("D8", 200)}${v("E8", 50)}${v("F8", 40)}${v("G8", 30)}</row>` +
    `<row r="9"><c r="B9"><f t="array" ref="B9:F9">_xldudf_DEALER_FUNNEL_RATE(B8:G8)</f><v>0.4</v></c>${v("C9", 0.5)}${v("D9", 0.25)}${v("E9", 0.8)}${v("F9", 0.75)}</row>` +
    '<row r="10"><c r="A10" t="inlineStr"><is><t>=DEALER.ROI(1,2)</t></is></c></row>';
  const after =
    '<conditionalFormatting sqref="A4:A6"><cfRule type="expression" priority="1"><formula>_xldudf_DEALER_ROI($B$2,$C$2)&gt;0.3</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="custom" allowBlank="1" sqref="C2"><formula1>DEALER.ROI($B$2,C2)&gt;0</formula1></dataValidation></dataValidations>';
  return book({
    sheets: [{ name: "Plan", xml: sheetXml(rows, { after }) }],
    definedNames: '<definedName name="PlanRoi">_xldudf_DEALER_ROI(Plan!$B$2,Plan!$C$2)</definedName>',
  });
}
