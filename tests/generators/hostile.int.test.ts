// Every hostile generator makes what the manifest claims: the committed small files are today's
// bytes, the lies are really in the headers (read back field by field by zip-inspect, not by the
// writer), the bombs really inflate as described (measured by streaming inflate, never held whole),
// and the accepted cases hold the expected cells according to SheetJS, an independent reader.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import { LIMITS } from "../../src/workbook/ooxml/limits";
import { cellCount, mismatches, readWorkbook } from "./check-expectations";
import { REFUSAL_CODES } from "./expectations";
import { ASSUMED_LIMITS, HOSTILE_CASES, hostileCase, hostileFileName } from "./hostile-manifest";
import {
  entryByName,
  entryBytes,
  entryName,
  findEocd,
  inspectZip,
  localRecord,
  streamInflate,
} from "./zip/zip-inspect";

const DIR = path.join(__dirname, "..", "fixtures", "hostile");
const MB = 1024 * 1024;
const make = (id: string): Uint8Array => hostileCase(id).make();
const text = (b: Uint8Array): string => Buffer.from(b).toString("latin1");
const part = (file: Uint8Array, name: string): Uint8Array =>
  entryBytes(file, entryByName(inspectZip(file), name));

/** Size and CRC of an entry by streaming inflate, plus how often each needle occurs in the content. */
function scan(file: Uint8Array, name: string, needles: readonly string[] = []) {
  const entry = entryByName(inspectZip(file), name);
  const wanted = needles.map((n) => Buffer.from(n, "latin1"));
  const counts = needles.map(() => 0);
  const keep = Math.max(1, ...wanted.map((n) => n.length)) - 1;
  let carry = Buffer.alloc(0);
  let crc = 0;
  const size = streamInflate(file, entry, (chunk) => {
    crc = zlibCrc32(chunk, crc);
    if (!wanted.length) return;
    const s = Buffer.concat([carry, chunk]);
    wanted.forEach((n, i) => {
      // Count each match once: those ending inside the carried tail were counted with the last chunk.
      for (let at = s.indexOf(n); at >= 0; at = s.indexOf(n, at + 1))
        if (at + n.length > carry.length) counts[i]++;
    });
    carry = Buffer.from(s.subarray(s.length - keep));
  });
  return { entry, size, crc: crc >>> 0, counts, local: localRecord(file, entry) };
}

describe("the hostile manifest", () => {
  test("ids are unique, answers well-formed, small cases committed as today's bytes", () => {
    const ids = HOSTILE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    const committed = readdirSync(DIR)
      .filter((f) => f !== "README.md")
      .sort();
    const small = HOSTILE_CASES.filter((c) => c.size === "small");
    expect(committed).toEqual(small.map(hostileFileName).sort());
    for (const c of small) {
      const bytes = c.make();
      expect(bytes.length).toBeLessThan(MB);
      expect(Buffer.compare(Buffer.from(bytes), readFileSync(path.join(DIR, hostileFileName(c))))).toBe(0);
      if (!c.expect.accept) expect(REFUSAL_CODES).toContain(c.expect.code);
    }
    for (const f of committed) expect(statSync(path.join(DIR, f)).size).toBeLessThan(MB);
  });

  // SheetJS cannot read these four; each is checked another way below and by LibreOffice in
  // tests/fixtures/hostile.int.test.ts (zip64 only by the field check: LibreOffice 7.4 refuses it).
  const SHEETJS_CANNOT = new Set(["zip64", "char-refs", "latin1", "utf16"]);
  const readable = HOSTILE_CASES.filter(
    (c) => c.size === "small" && c.expect.accept && !SHEETJS_CANNOT.has(c.id),
  );
  test.each(readable.map((c) => [c.id]))("SheetJS finds what %s expects", (id) => {
    const c = hostileCase(id);
    if (!c.expect.accept) throw new Error("not an accepted case");
    const book = readWorkbook(c.make());
    expect(mismatches(book, c.expect)).toEqual([]);
    if (c.expect.cellCount !== undefined) expect(cellCount(book)).toBe(c.expect.cellCount);
  });
});

describe("containers", () => {
  test("empty, not a zip, not a workbook, OLE files", () => {
    expect(make("empty").length).toBe(0);
    const nz = make("not-a-zip");
    expect(text(nz.slice(0, 2))).not.toBe("PK");
    expect(findEocd(nz)).toBe(-1);
    const names = inspectZip(make("zip-without-workbook")).entries.map(entryName);
    expect(names).toContain("word/document.xml");
    expect(names).not.toContain("xl/workbook.xml");
    const ole = (b: Buffer) => {
      expect([...b.slice(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const dir = 512 * (1 + b.readUInt32LE(48)); // first directory sector
      return [1, 2, 3].map((i) =>
        b.toString("utf16le", dir + i * 128, dir + i * 128 + b.readUInt16LE(dir + i * 128 + 64) - 2),
      );
    };
    const xls = Buffer.from(make("legacy-xls"));
    expect(ole(xls)[0]).toBe("Workbook");
    expect(xls.readUInt16LE(512 * 3)).toBe(0x0809); // BIFF BOF at the stream's first sector
    expect(
      ole(Buffer.from(make("encrypted-ole")))
        .slice(0, 2)
        .sort(),
    ).toEqual(["EncryptedPackage", "EncryptionInfo"]);
  });

  test("truncated files start as a zip and have no end record", () => {
    const full = make("base");
    for (const id of ["truncated-middle", "truncated-central"]) {
      const cut = make(id);
      expect(text(cut.slice(0, 4))).toBe("PK\u0003\u0004");
      expect(findEocd(cut)).toBe(-1);
      expect(Buffer.compare(Buffer.from(cut), Buffer.from(full.slice(0, cut.length)))).toBe(0);
    }
    const cd = inspectZip(full).eocd.cdOffset;
    expect(make("truncated-middle").length).toBeLessThan(cd);
    expect(make("truncated-central").length).toBeGreaterThan(cd);
  });

  test("damaged data, wrong CRC, the encryption flag", () => {
    const bad = make("corrupt-deflate");
    expect(() => part(bad, "xl/worksheets/sheet1.xml")).toThrow();
    const crc = make("crc-mismatch");
    const sheet = entryByName(inspectZip(crc), "xl/worksheets/sheet1.xml");
    expect(sheet.crc).toBe(0x12345678);
    expect(zlibCrc32(entryBytes(crc, sheet))).not.toBe(sheet.crc);
    expect(entryByName(inspectZip(make("encrypted-entry")), "xl/worksheets/sheet1.xml").flags & 1).toBe(1);
  });

  test("ZIP64 and data-descriptor variants hold the base workbook's parts", () => {
    const base = make("base");
    const baseParts = inspectZip(base).entries.map((e) => [entryName(e), text(entryBytes(base, e))]);
    for (const id of ["zip64", "zip64-local", "data-descriptor"]) {
      const f = make(id);
      const info = inspectZip(f);
      expect(info.entries.map((e) => [entryName(e), text(entryBytes(f, e))])).toEqual(baseParts);
      for (const e of info.entries) {
        const local = localRecord(f, e);
        if (id === "data-descriptor") expect([e.flags & 8, local.size, local.crc]).toEqual([8, 0, 0]);
        else expect([local.size, local.zip64?.size]).toEqual([0xffffffff, e.size]);
        expect(e.extraIds.includes(1)).toBe(id === "zip64");
      }
      expect(info.zip64End).toBe(id === "zip64");
    }
  });

  test("too many entries, too large, duplicate entry", () => {
    const many = inspectZip(make("too-many-entries"));
    expect(many.zip64End).toBe(true);
    expect(many.entries.length).toBe(70007);
    expect(make("too-large").length).toBeGreaterThan(ASSUMED_LIMITS.fileBytes);
    const dup = make("duplicate-entry");
    const twins = inspectZip(dup).entries.filter((e) => entryName(e) === "xl/worksheets/sheet1.xml");
    expect(twins.length).toBe(2);
    expect(text(entryBytes(dup, twins[0]))).not.toBe(text(entryBytes(dup, twins[1])));
  });
});

test("the manifest's limits are the package layer's", () => {
  expect(ASSUMED_LIMITS).toEqual({
    fileBytes: LIMITS.maxFileBytes,
    partBytes: LIMITS.maxPartBytes,
    totalBytes: LIMITS.maxTotalBytes,
    cells: LIMITS.maxCells,
  });
});

describe("bombs inflate as described (streaming, never held whole)", () => {
  const SHEET = "xl/worksheets/sheet1.xml";
  test("honest bombs declare their true size and CRC, and it is past the limits", () => {
    for (const [id, name, atLeast] of [
      ["bomb-honest-60mb", SHEET, 60 * MB],
      ["bomb-1gb", SHEET, 1024 * MB],
      ["bomb-shared-strings", "xl/sharedStrings.xml", 60 * MB],
      ["bomb-unused-part", "xl/media/image1.png", 300 * MB],
    ] as const) {
      const s = scan(make(id), name);
      expect(s.size).toBeGreaterThanOrEqual(atLeast);
      // The 60 MB ones are accepted under the real limits (the manifest says why); the others are past them.
      if (atLeast > 60 * MB) expect(s.size).toBeGreaterThan(ASSUMED_LIMITS.partBytes);
      else expect(s.size).toBeLessThan(ASSUMED_LIMITS.partBytes);
      expect([s.entry.size, s.local.size, s.entry.crc, s.local.crc]).toEqual([s.size, s.size, s.crc, s.crc]);
    }
    const file = make("bomb-1gb");
    expect(file.length).toBeLessThan(ASSUMED_LIMITS.fileBytes);
  });

  test("many parts: each under the part limit, together past the total", () => {
    const f = make("bomb-many-parts");
    const sizes = [1, 2, 3].map((i) => scan(f, `xl/worksheets/sheet${i}.xml`).size);
    for (const s of sizes) expect(s).toBeLessThan(ASSUMED_LIMITS.partBytes);
    expect(sizes.reduce((a, b) => a + b)).toBeGreaterThan(ASSUMED_LIMITS.totalBytes);
  });

  test("lying sizes: declared small, declared huge, local ≠ central", () => {
    const small = scan(make("bomb-declared-small"), SHEET);
    expect([small.entry.size, small.local.size]).toEqual([2000, 2000]);
    expect(small.size).toBeGreaterThanOrEqual(120 * MB);
    expect(small.crc).toBe(small.entry.crc);
    const huge = scan(make("bomb-declared-huge"), SHEET);
    expect([huge.entry.size, huge.local.size]).toEqual([0xfffffff0, 0xfffffff0]);
    expect(huge.size).toBeLessThan(1000);
    const mismatch = scan(make("size-mismatch"), SHEET);
    expect(mismatch.local.size).toBe(100 * MB);
    expect(mismatch.entry.size).toBe(mismatch.size);
  });
});

describe("names and XML", () => {
  test("each unsafe name is in the central directory as raw bytes", () => {
    const extra = (id: string) =>
      inspectZip(make(id))
        .entries.map((e) => text(e.name))
        .at(-1) ?? "";
    expect(extra("name-traversal")).toBe("../../x.sh");
    expect(extra("name-absolute")).toBe("/etc/x");
    expect(extra("name-drive")).toBe("C:/Users/Public/x.bat");
    expect(extra("name-backslash")).toBe("xl\\..\\..\\x.sh");
    expect(extra("name-nul")).toContain("\u0000");
    expect(extra("name-escape")).toContain("\u001b[2J");
  });

  test("DTDs and entities are where the cases say", () => {
    for (const [id, name, entity] of [
      ["xxe-sheet", "xl/worksheets/sheet1.xml", 'SYSTEM "file:///etc/passwd"'],
      ["xxe-rels", "xl/_rels/workbook.xml.rels", "<!ENTITY % remote SYSTEM"],
      ["laughs-sheet", "xl/worksheets/sheet1.xml", "<!ENTITY lol9"],
      ["laughs-shared-strings", "xl/sharedStrings.xml", "<!ENTITY lol9"],
      ["laughs-workbook", "xl/workbook.xml", "<!ENTITY lol9"],
      ["doctype-only", "xl/worksheets/sheet1.xml", "<!DOCTYPE worksheet>"],
    ] as const) {
      expect(text(part(make(id), name))).toContain(entity);
    }
    expect(text(part(make("malformed-xml"), "xl/worksheets/sheet1.xml"))).not.toContain("</worksheet>");
  });

  test("declared encodings: Latin-1 bytes, UTF-16 with byte order marks", () => {
    const l = part(make("latin1"), "xl/sharedStrings.xml");
    expect(text(l)).toContain('encoding="ISO-8859-1"');
    expect(text(l)).toContain("Caf\u00e9 M\u00fcller"); // one byte each: é is 0xE9, ü 0xFC
    const u = make("utf16");
    expect(Buffer.from(part(u, "xl/sharedStrings.xml")).toString("utf16le")).toContain("\ufeff<?xml");
    const be = Buffer.from(part(u, "xl/worksheets/sheet1.xml"));
    expect([be[0], be[1]]).toEqual([0xfe, 0xff]);
    expect(text(part(make("char-refs"), "xl/sharedStrings.xml"))).toContain("&#x1F697;");
  });
});

describe("big accepted cases are honest and stay under the limits", () => {
  test("1,000,000 rows: 48.8 MB a sheet, every row present", () => {
    const one = scan(make("rows-1m"), "xl/worksheets/sheet1.xml", [
      "</row>",
      '<row r="500000"><c r="A500000"><v>0</v>',
    ]);
    expect(one.counts).toEqual([1_000_000, 1]);
    expect(one.size).toBeLessThan(ASSUMED_LIMITS.partBytes);
    expect(one.crc).toBe(one.entry.crc);
    // The two-sheet file holds the same part twice (same generator): its declared sizes and CRCs
    // match the one measured above, so it need not be inflated again.
    const two = make("rows-1m-two-sheets");
    expect(two.length).toBeLessThan(ASSUMED_LIMITS.fileBytes);
    const sheets = [1, 2].map((i) => entryByName(inspectZip(two), `xl/worksheets/sheet${i}.xml`));
    for (const e of sheets) expect([e.size, e.crc]).toEqual([one.size, one.crc]);
    expect(one.size * 2).toBeLessThan(ASSUMED_LIMITS.totalBytes);
  });

  test("100,000 shared strings", () => {
    const c = hostileCase("shared-strings-100k");
    if (!c.expect.accept) throw new Error("not an accepted case");
    const book = readWorkbook(c.make());
    expect(mismatches(book, c.expect)).toEqual([]);
    expect(book.Sheets.Strings["!ref"]).toBe("A1:A100000");
  });
});
