import { deflateRawSync } from "node:zlib";
import { readWorkbookBytes } from "../../../src/workbook/ooxml/read";
import { isOpenError, type OpenErrorCode } from "../../../src/workbook/ooxml/limits";
import { CellIndex, type WorkbookSnapshot } from "../../../src/workbook/port";
import { MAIN, minimalWorkbook, RELNS, sheetXml, zipParts } from "../../support/zip";

const at = (wb: WorkbookSnapshot, sheet: number, row: number, col: number) =>
  new CellIndex(wb.sheets[sheet].cells).get(row, col);

function refusal(bytes: Uint8Array): OpenErrorCode | "accepted" {
  try {
    readWorkbookBytes(bytes);
    return "accepted";
  } catch (e) {
    if (isOpenError(e)) return e.code;
    throw e;
  }
}

describe("the sparse reader", () => {
  test("values of every type, shared strings, inline and rich text, booleans, errors, cached strings", () => {
    const wb = readWorkbookBytes(
      minimalWorkbook(
        {
          S: sheetXml(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="b"><v>1</v></c>` +
              `<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c>` +
              `<c r="F1" t="str"><f>A1&amp;"x"</f><v>Hix</v></c><c r="G1" s="0"/></row>`,
          ),
        },
        { sst: ["Hi"] },
      ),
    );
    const cells = wb.sheets[0].cells.map((c) => [c.col, c.value, c.formula]);
    expect(cells).toEqual([
      [0, "Hi", undefined],
      [1, 1.5, undefined],
      [2, true, undefined],
      [3, { error: "#N/A" }, undefined],
      [4, "a b", undefined],
      [5, "Hix", '=A1&"x"'],
    ]);
  });

  test("a workbook holding only A1 and XFD1048576 costs two cells", () => {
    const wb = readWorkbookBytes(
      minimalWorkbook({
        S: sheetXml(
          `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`,
        ).replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>'),
      }),
    );
    expect(wb.sheets[0].cells).toEqual([
      { row: 0, col: 0, value: 1 },
      { row: 1048575, col: 16383, value: 2 },
    ]);
  });

  test("cells without r attributes take the next position; rows out of order are sorted", () => {
    const wb = readWorkbookBytes(
      minimalWorkbook({
        S: sheetXml(
          `<row r="3"><c><v>3</v></c><c><v>4</v></c></row><row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c></row>`,
        ),
      }),
    );
    expect(wb.sheets[0].cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 1, 1],
      [0, 2, 2],
      [2, 0, 3],
      [2, 1, 4],
    ]);
  });

  test("shared formulas: members get the master's formula moved to them", () => {
    const wb = readWorkbookBytes(
      minimalWorkbook({
        S: sheetXml(
          `<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>` +
            `<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/></c></row>`,
        ),
      }),
    );
    expect(wb.sheets[0].cells.map((c) => c.formula)).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
  });

  test("namespace-prefixed SpreadsheetML reads like any other", () => {
    const x = (s: string) => s.replace(/<(\/?)(?!\?)/g, "<$1x:");
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1">` +
      `<x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = minimalWorkbook({ P: sheet });
    void x;
    const wb = readWorkbookBytes(bytes);
    expect(wb.sheets[0].cells.map((c) => [c.value, c.formula])).toEqual([
      ["prefixed", undefined],
      [2, "=1+1"],
    ]);
  });

  test("a sheet declared ISO-8859-1 keeps its accents", () => {
    const latin1 = Buffer.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Café Müller</t></is></c></row></sheetData></worksheet>`,
      "latin1",
    );
    const wb = readWorkbookBytes(
      minimalWorkbook({ S: "" }, { extra: { "xl/worksheets/sheet1.xml": latin1 } }),
    );
    expect(at(wb, 0, 0, 0)?.value).toBe("Café Müller");
  });

  test("number formats and bold, larger fonts come with the cells", () => {
    const styles =
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0"/></numFmts>` +
      `<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="16"/></font></fonts>` +
      `<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="9" fontId="1"/><xf numFmtId="164" fontId="0"/></cellXfs></styleSheet>`;
    const wb = readWorkbookBytes(
      minimalWorkbook(
        { S: sheetXml(`<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>1500</v></c></row>`) },
        { styles },
      ),
    );
    expect(wb.sheets[0].cells).toEqual([
      { row: 0, col: 0, value: 0.5, format: "0%", bold: true, size: 16 },
      { row: 0, col: 1, value: 1500, format: '"¥"#,##0' },
    ]);
  });

  test("sheet-scoped and workbook names, hidden sheets", () => {
    const bytes = minimalWorkbook(
      { A: sheetXml(""), B: sheetXml("") },
      {
        names: `<definedNames><definedName name="X" localSheetId="1">B!$A$1</definedName><definedName name="Y">A!$A$1:$XFD$1048576</definedName></definedNames>`,
      },
    );
    const wb = readWorkbookBytes(bytes);
    expect(wb.names).toEqual([
      { name: "X", refersTo: "B!$A$1", sheet: "B" },
      { name: "Y", refersTo: "A!$A$1:$XFD$1048576" },
    ]);
  });
});

describe("refusals", () => {
  test("a DTD (XXE, billion laughs) is refused before any entity exists", () => {
    const xxe = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`).replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    expect(refusal(minimalWorkbook({ S: xxe }))).toBe("unsafe-xml");
  });

  test("empty, not a zip, legacy, encrypted, truncated", () => {
    expect(refusal(new Uint8Array(0))).toBe("empty");
    expect(refusal(new TextEncoder().encode("hello, not a workbook"))).toBe("not-a-workbook");
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole)).toBe("legacy-xls");
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[600 + 2 * i] = name.charCodeAt(i);
    expect(refusal(ole)).toBe("encrypted");
    const good = minimalWorkbook({ S: sheetXml("") });
    expect(refusal(good.subarray(0, good.length - 30))).toBe("truncated");
    expect(refusal(zipParts({ "a.txt": "x" }))).toBe("not-a-workbook");
  });

  test("a part that lies about its size is stopped while inflating", () => {
    const huge = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`.repeat(200000));
    const bytes = minimalWorkbook({ S: huge });
    // Rewrite the declared size of the sheet (central directory) to something small.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = false;
    for (let p = 0; p + 46 < bytes.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const nameLen = view.getUint16(p + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (name === "xl/worksheets/sheet1.xml") {
        view.setUint32(p + 24, 1000, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    expect(refusal(bytes)).toBe("expands-too-far");
  });

  test("traversal and control characters in entry names are refused", () => {
    const good = { S: sheetXml("") };
    expect(refusal(minimalWorkbook(good, { extra: { "../../x.sh": "echo" } }))).toBe("unsafe-name");
    expect(refusal(minimalWorkbook(good, { extra: { "xl/\u001b[2Jx.xml": "<a/>" } }))).toBe("unsafe-name");
  });

  test("damaged deflate data is corrupt, not a crash", () => {
    const bytes = minimalWorkbook({ S: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`.repeat(50)) });
    // Flip bytes in the middle of the file (inside some entry's data).
    const copy = new Uint8Array(bytes);
    for (let i = 200; i < 260; i++) copy[i] ^= 0x5a;
    expect(["corrupt", "expands-too-far", "not-a-workbook", "unsafe-xml"]).toContain(refusal(copy));
    void deflateRawSync;
    void RELNS;
  });
});
