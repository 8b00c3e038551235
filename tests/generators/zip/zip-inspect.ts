// Reads back what a ZIP declares, field by field (end records, central directory, local headers,
// ZIP64 extras), without trusting or repairing anything: the tests use it to prove that a hostile
// generator wrote the lie it claims. Written from APPNOTE separately from zip-writer.ts.
import { Inflate } from "fflate";

export interface CentralRecord {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly extraIds: readonly number[];
}

export interface LocalRecord {
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataOffset: number;
  readonly zip64?: { readonly size: number; readonly compressedSize: number };
}

export interface ZipInfo {
  readonly entries: readonly CentralRecord[];
  readonly zip64End: boolean;
  readonly eocd: { readonly count: number; readonly cdSize: number; readonly cdOffset: number };
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

export function findEocd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (u32(b, i) === 0x06054b50) return i;
  return -1;
}

function extras(b: Uint8Array, start: number, len: number): Map<number, number> {
  const out = new Map<number, number>(); // id → data offset
  for (let o = start; o + 4 <= start + len; o += 4 + u16(b, o + 2)) out.set(u16(b, o), o + 4);
  return out;
}

export function inspectZip(b: Uint8Array): ZipInfo {
  const e = findEocd(b);
  if (e < 0) throw new Error("no end of central directory record");
  let count = u16(b, e + 10);
  let cdSize = u32(b, e + 12);
  let cdOffset = u32(b, e + 16);
  const zip64End = e >= 20 && u32(b, e - 20) === 0x07064b50;
  if (zip64End) {
    const rec = u64(b, e - 20 + 8);
    if (u32(b, rec) !== 0x06064b50) throw new Error("ZIP64 locator points at no ZIP64 end record");
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  const entries: CentralRecord[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(b, o) !== 0x02014b50) throw new Error(`central record ${i} has no signature`);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let size = u32(b, o + 24);
    let compressedSize = u32(b, o + 20);
    let localOffset = u32(b, o + 42);
    const ex = extras(b, o + 46 + nameLen, extraLen);
    const z = ex.get(0x0001);
    if (z !== undefined) {
      let p = z;
      if (size === 0xffffffff) {
        size = u64(b, p);
        p += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(b, p);
        p += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(b, p);
    }
    entries.push({
      name: b.slice(o + 46, o + 46 + nameLen),
      flags: u16(b, o + 8),
      method: u16(b, o + 10),
      crc: u32(b, o + 16),
      compressedSize,
      size,
      localOffset,
      extraIds: [...ex.keys()],
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, zip64End, eocd: { count, cdSize, cdOffset } };
}

export function localRecord(b: Uint8Array, c: CentralRecord): LocalRecord {
  const o = c.localOffset;
  if (u32(b, o) !== 0x04034b50) throw new Error("no local header where the central directory points");
  const nameLen = u16(b, o + 26);
  const extraLen = u16(b, o + 28);
  const z = extras(b, o + 30 + nameLen, extraLen).get(0x0001);
  return {
    flags: u16(b, o + 6),
    crc: u32(b, o + 14),
    compressedSize: u32(b, o + 18),
    size: u32(b, o + 22),
    dataOffset: o + 30 + nameLen + extraLen,
    ...(z !== undefined ? { zip64: { size: u64(b, z), compressedSize: u64(b, z + 8) } } : {}),
  };
}

export function entryName(c: CentralRecord): string {
  return new TextDecoder().decode(c.name);
}

export function entryByName(info: ZipInfo, name: string): CentralRecord {
  const c = info.entries.find((x) => entryName(x) === name);
  if (!c) throw new Error(`no entry ${name}`);
  return c;
}

/** The compressed bytes of an entry, by the central directory's compressed size. */
export function compressedBytes(b: Uint8Array, c: CentralRecord): Uint8Array {
  const start = localRecord(b, c).dataOffset;
  return b.subarray(start, start + c.compressedSize);
}

/**
 * Inflates an entry chunk by chunk, handing each piece to `onChunk` and keeping none: the way to
 * measure a gigabyte without holding it.
 */
export function streamInflate(
  b: Uint8Array,
  c: CentralRecord,
  onChunk: (chunk: Uint8Array) => void = () => {},
): number {
  const data = compressedBytes(b, c);
  if (c.method === 0) {
    onChunk(data);
    return data.length;
  }
  let n = 0;
  const inf = new Inflate((chunk) => {
    n += chunk.length;
    onChunk(chunk);
  });
  const step = 1 << 12; // small input pushes keep a bomb's output chunks at a few MB
  for (let i = 0; i < data.length; i += step) inf.push(data.subarray(i, Math.min(data.length, i + step)));
  inf.push(new Uint8Array(0), true);
  return n;
}

/** An entry's whole content (only for small entries). */
export function entryBytes(b: Uint8Array, c: CentralRecord): Uint8Array {
  const parts: Uint8Array[] = [];
  const n = streamInflate(b, c, (chunk) => parts.push(chunk.slice()));
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
