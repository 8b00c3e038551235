// Hostile containers: files that are not what their name says, ZIPs that are cut, damaged, encrypted,
// or shaped in the rarer valid ways (ZIP64, data descriptors).
import { biff8Workbook, oleFile } from "../zip/ole";
import { zip, type ZipEntry } from "../zip/zip-writer";
import { book, bookEntries, NS, sheetXml, sstXml, utf8, XML_DECL, type BookOptions } from "../package";

/** The ordinary workbook every container case starts from: Sheet1 with A1 "Hello", B1 42, A2 "Wörld". */
export function baseOptions(): BookOptions {
  return {
    sheets: [
      {
        name: "Sheet1",
        xml: sheetXml(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>',
          { dimension: "A1:B2" },
        ),
      },
    ],
    sharedStrings: sstXml(["Hello", "Wörld"]),
  };
}

export function baseBook(): Uint8Array {
  return book(baseOptions());
}

export function empty(): Uint8Array {
  return new Uint8Array(0);
}

export function notZip(): Uint8Array {
  return utf8("Dealer,Budget\nAcme,100000\n(this is a CSV file renamed to .xlsx)\n");
}

/** A valid OPC package, but a word-processing one: no xl/workbook.xml. */
export function zipWithoutWorkbook(): Uint8Array {
  const doc = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  return zip([
    {
      name: "[Content_Types].xml",
      data: utf8(
        `${XML_DECL}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="${doc}"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: utf8(
        `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${NS.r}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: "word/document.xml",
      data: utf8(
        `${XML_DECL}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Not a workbook</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
  ]);
}

/** An Excel 97-2003 .xls: an OLE compound file whose Workbook stream starts with a BIFF8 BOF. */
export function legacyXls(): Uint8Array {
  return oleFile([{ name: "Workbook", data: biff8Workbook() }]);
}

/** A password-protected .xlsx: Excel wraps the package in an OLE file (MS-OFFCRYPTO agile encryption). */
export function encryptedOle(): Uint8Array {
  const info = utf8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  );
  const infoStream = new Uint8Array(8 + info.length);
  infoStream.set([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]); // version 4.4, flags 0x40 (agile)
  infoStream.set(info, 8);
  const pkg = new Uint8Array(4096 + 8);
  new DataView(pkg.buffer).setUint32(0, 4096, true); // StreamSize: the plain package's length
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 151 + 7) & 0xff; // stands for ciphertext
  return oleFile([
    { name: "EncryptionInfo", data: infoStream },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** Where the central directory starts, read from the end of central directory record. */
function centralOffset(file: Uint8Array): number {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let i = file.length - 22; i >= 0; i--)
    if (v.getUint32(i, true) === 0x06054b50) return v.getUint32(i + 16, true);
  throw new Error("no EOCD");
}

/** The base workbook cut in the middle of its entries' data (no central directory at all). */
export function truncatedMiddle(): Uint8Array {
  const full = baseBook();
  return full.slice(0, Math.floor(centralOffset(full) / 2));
}

/** The base workbook cut 30 bytes into its central directory (the EOCD record is gone). */
export function truncatedCentral(): Uint8Array {
  const full = baseBook();
  return full.slice(0, centralOffset(full) + 30);
}

function bendSheet(change: (e: ZipEntry) => ZipEntry): Uint8Array {
  return book({ ...baseOptions(), bend: (e) => (e.name === "xl/worksheets/sheet1.xml" ? change(e) : e) });
}

/** The sheet's deflate data replaced by bytes that are not a valid deflate stream; headers unchanged. */
export function corruptDeflate(): Uint8Array {
  // 0xff starts a block of BTYPE 11, which RFC 1951 reserves (an error in every inflater).
  return bendSheet((e) => ({ ...e, replaceCompressed: new Uint8Array(64).fill(0xff) }));
}

/** The sheet inflates fine, but both headers declare a CRC-32 that is not the content's. */
export function crcMismatch(): Uint8Array {
  return bendSheet((e) => ({ ...e, local: { crc: 0x12345678 }, central: { crc: 0x12345678 } }));
}

/** The sheet entry carries general purpose flag bit 0 (traditional PKWARE encryption). */
export function encryptedEntry(): Uint8Array {
  return bendSheet((e) => {
    const data = e.data ?? new Uint8Array(0);
    const fake = new Uint8Array(12 + data.length);
    for (let i = 0; i < fake.length; i++) fake[i] = (i * 73 + 19) & 0xff; // stands for ciphertext
    return {
      ...e,
      method: 0,
      flags: 0x1,
      replaceCompressed: fake,
      local: { compressedSize: fake.length },
      central: { compressedSize: fake.length },
    };
  });
}

/**
 * Every entry with ZIP64 extra fields in both headers (sizes and offset 0xFFFFFFFF) and the ZIP64 end
 * records: valid (APPNOTE 4.3.14, 4.5.3), though LibreOffice 7.4 cannot open it.
 */
export function zip64(): Uint8Array {
  return zip(
    bookEntries(baseOptions()).map((e) => ({ ...e, zip64: true })),
    { zip64End: true },
  );
}

/** ZIP64 extra fields in the local headers only (Python's force_zip64, streaming writers): valid. */
export function zip64Local(): Uint8Array {
  return zip(bookEntries(baseOptions()).map((e) => ({ ...e, zip64: "local" as const })));
}

/** Every entry with sizes in a data descriptor after its data (flag bit 3), as streaming writers do. */
export function dataDescriptor(): Uint8Array {
  return zip(bookEntries(baseOptions()).map((e) => ({ ...e, dataDescriptor: true })));
}

/** The base workbook plus 70,000 empty entries: past 65,535, so the count needs the ZIP64 end record. */
export function tooManyEntries(): Uint8Array {
  const pad: ZipEntry[] = [];
  for (let i = 0; i < 70000; i++)
    pad.push({ name: `xl/media/pad${String(i).padStart(5, "0")}.bin`, method: 0 });
  return zip([...bookEntries(baseOptions()), ...pad]);
}

/** The base workbook plus a 31 MB stored image of incompressible bytes: the file itself is over 30 MB. */
export function tooLarge(): Uint8Array {
  const data = new Uint8Array(31 * 1024 * 1024);
  let x = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
  return book({ ...baseOptions(), extra: [{ name: "xl/media/image1.png", data, method: 0 }] });
}

/** Two entries named xl/worksheets/sheet1.xml with different values (readers disagree on which wins). */
export function duplicateEntry(): Uint8Array {
  const other = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Evil twin</t></is></c></row>');
  return book({ ...baseOptions(), extra: [{ name: "xl/worksheets/sheet1.xml", data: utf8(other) }] });
}
