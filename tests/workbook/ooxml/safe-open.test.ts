// Opening untrusted files: every refusal of the package layer, before and while inflating.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";
import { isOpenError, LIMITS, type OpenErrorCode } from "../../../src/workbook/ooxml/limits";
import { Package } from "../../../src/workbook/ooxml/package";
import { ZipReader } from "../../../src/workbook/ooxml/zip";
import { scoreWorkbookBytes } from "../../../src/scoring/score-workbook";

type Checked =
  | { ok: true; entries: { name: string }[] }
  | { ok: false; code: OpenErrorCode; message: { "en-US": string; "zh-CN": string } };

/** The container's checks (directory, declared sizes, signatures), nothing inflated. */
function checkWorkbookBytes(bytes: Uint8Array): Checked {
  try {
    const zip = ZipReader.open(bytes);
    if (!zip.has("xl/workbook.xml")) Package.open(bytes);
    return { ok: true, entries: [...zip.entries.values()] };
  } catch (e) {
    if (isOpenError(e)) return { ok: false, code: e.code, message: e.text };
    throw e;
  }
}

/** Every entry inflated under its declared size. */
function inflateAll(bytes: Uint8Array): Checked {
  try {
    const zip = ZipReader.open(bytes);
    for (const name of zip.entries.keys()) zip.read(name);
    return { ok: true, entries: [...zip.entries.values()] };
  } catch (e) {
    if (isOpenError(e)) return { ok: false, code: e.code, message: e.text };
    throw e;
  }
}

async function tinyWorkbook(sheet = "<worksheet/>"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/worksheets/sheet1.xml", sheet);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Overwrite the declared uncompressed size of one entry in both its local header and the directory. */
function declareSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  const matches = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A zip whose single sheet really inflates to `real` bytes but declares only `declared`. */
function lyingZip(real: number, declared: number): Uint8Array {
  const enc = new TextEncoder();
  const entries = [
    {
      name: enc.encode("xl/workbook.xml"),
      data: deflateRawSync(Buffer.from("<workbook/>")),
      size: 11,
      crc: crc32(Buffer.from("<workbook/>")),
    },
    {
      name: enc.encode("xl/worksheets/sheet1.xml"),
      data: deflateRawSync(Buffer.alloc(real, 0x61)),
      size: declared,
      // The true CRC of what it holds: only the size lies (the reader checks CRCs too).
      crc: crc32(Buffer.alloc(real, 0x61)),
    },
  ];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = new Uint8Array(30 + e.name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, e.name.length, true);
    local.set(e.name, 30);
    const cd = new Uint8Array(46 + e.name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, e.name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(e.name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function ole(streamName: string): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) b[1024 + i * 2] = streamName.charCodeAt(i);
  return b;
}

describe("checkWorkbookBytes", () => {
  test("accepts a small workbook and lists its entries", async () => {
    const r = checkWorkbookBytes(await tinyWorkbook());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
  });

  test("refuses a sheet declaring 300 MB from its central directory, without loading it", async () => {
    const bomb = declareSize(
      await tinyWorkbook("a".repeat(100000)),
      "xl/worksheets/sheet1.xml",
      300 * 1024 * 1024,
    );
    const r = checkWorkbookBytes(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("expands-too-far");
      expect(r.message["en-US"]).toContain("sheet1.xml");
      expect(r.message["zh-CN"]).toContain("拒绝");
    }
    const scored = await scoreWorkbookBytes(bomb);
    expect(scored).toMatchObject({ ok: false, code: "expands-too-far" });
  });

  test("refuses when the entries together pass the total limit", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    // Random text, so that 200 MB stays within what deflate could really have packed into it.
    const noise = () => randomBytes(250000).toString("base64");
    for (let i = 1; i <= 3; i++) zip.file(`xl/worksheets/sheet${i}.xml`, noise());
    let bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    for (let i = 1; i <= 3; i++) bytes = declareSize(bytes, `xl/worksheets/sheet${i}.xml`, 200 * 1024 * 1024);
    const r = checkWorkbookBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message["en-US"]).toContain("in all");
  });

  test("refuses a file over the size limit before looking inside", () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = checkWorkbookBytes(big);
    expect(r).toMatchObject({ ok: false, code: "too-large" });
  });

  test("a size its compressed data could never inflate to", async () => {
    const bytes = declareSize(
      await tinyWorkbook("d".repeat(1000)),
      "xl/worksheets/sheet1.xml",
      40 * 1024 * 1024,
    );
    const r = checkWorkbookBytes(bytes);
    expect(r).toMatchObject({ ok: false, code: "expands-too-far" });
    if (!r.ok) expect(r.message["en-US"]).toContain("does not match its declared size");
  });

  test("a truncated workbook", async () => {
    const full = await tinyWorkbook("c".repeat(5000));
    const r = checkWorkbookBytes(full.subarray(0, full.length - 30));
    expect(r).toMatchObject({ ok: false, code: "truncated" });
  });

  test("not a zip at all", () => {
    const r = checkWorkbookBytes(new TextEncoder().encode("name,total\n"));
    expect(r).toMatchObject({ ok: false, code: "not-a-workbook" });
  });

  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    const r = checkWorkbookBytes(await zip.generateAsync({ type: "uint8array" }));
    expect(r).toMatchObject({ ok: false, code: "not-a-workbook" });
  });

  test("an encrypted workbook (OLE file with an EncryptedPackage stream)", () => {
    const r = checkWorkbookBytes(ole("EncryptedPackage"));
    expect(r).toMatchObject({ ok: false, code: "encrypted" });
    if (!r.ok) expect(r.message["en-US"]).toMatch(/password/);
  });

  test("a legacy .xls (OLE file without encryption)", () => {
    expect(checkWorkbookBytes(ole("Workbook"))).toMatchObject({ ok: false, code: "legacy-xls" });
  });

  test("a zip entry with the encryption flag", async () => {
    const bytes = (await tinyWorkbook()).slice();
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 < bytes.length; i++)
      if (view.getUint32(i, true) === 0x02014b50)
        view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    expect(checkWorkbookBytes(bytes)).toMatchObject({ ok: false, code: "encrypted" });
  });
});

describe("sizes checked while inflating", () => {
  test("an entry that declares 1 KB but inflates to 60 MB is stopped at its declared size", () => {
    const bytes = lyingZip(60 * 1024 * 1024, 1024);
    const declared = checkWorkbookBytes(bytes);
    expect(declared.ok).toBe(true); // the directory alone cannot see this lie
    expect(inflateAll(bytes)).toMatchObject({ ok: false, code: "expands-too-far" });
    // Stopped within one slice's output of the declared size, far below the 60 MB the entry holds.
    const zip = ZipReader.open(bytes);
    let delivered = 0;
    expect(() => zip.stream("xl/worksheets/sheet1.xml", (c) => (delivered += c.length))).toThrow(
      /does not match its declared size/,
    );
    expect(delivered).toBeLessThanOrEqual(1024);
  });

  test("zips written by streaming writers (sizes in data descriptors) pass both checks", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "stream-")), "s.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Executive Summary", "We sell 360 cars in Q2."]).commit();
    ws.commit();
    await wb.commit();
    const bytes = new Uint8Array(readFileSync(file));
    expect(new DataView(bytes.buffer).getUint16(6, true) & 8).toBe(8); // really uses a data descriptor
    const r = checkWorkbookBytes(bytes);
    expect(r.ok).toBe(true);
    expect(inflateAll(bytes).ok).toBe(true);
  });

  test("honest entries pass", () => {
    const bytes = lyingZip(5000, 5000);
    const declared = checkWorkbookBytes(bytes);
    expect(declared.ok).toBe(true);
    expect(inflateAll(bytes).ok).toBe(true);
  });
});
