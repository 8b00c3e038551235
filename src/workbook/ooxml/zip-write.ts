// Writing a zip container. Entries that did not change are copied with their compressed bytes as
// they were (no re-compression: fast, and byte for byte the same part); new or edited entries are
// deflated. Always writes sizes in the local headers (no data descriptors) and ZIP64 records only
// where a size or offset needs them.
import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import type { ZipEntry } from "./zip";

export type ZipOut =
  | { readonly name: string; readonly data: Uint8Array }
  | { readonly name: string; readonly raw: { readonly entry: ZipEntry; readonly bytes: Uint8Array } };

interface Prepared {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: Uint8Array;
  size: number;
  time: number;
  date: number;
  offset: number;
}

/** DOS time and date of a fixed moment, so the same content gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipOut[]): Uint8Array {
  const enc = new TextEncoder();
  const prepared: Prepared[] = entries.map((e) => {
    if ("raw" in e) {
      const x = e.raw.entry;
      return {
        name: enc.encode(e.name),
        method: x.method,
        crc: x.crc,
        compressed: e.raw.bytes,
        size: x.uncompressedSize,
        time: x.time,
        date: x.date,
        offset: 0,
      };
    }
    // Tiny parts are stored: deflate would only add its header.
    const deflated = e.data.length > 64 ? deflateSync(e.data, { level: 6 }) : e.data;
    const stored = deflated === e.data || deflated.length >= e.data.length;
    return {
      name: enc.encode(e.name),
      method: stored ? 0 : 8,
      crc: crc32(e.data),
      compressed: stored ? e.data : deflated,
      size: e.data.length,
      time: DOS_TIME,
      date: DOS_DATE,
      offset: 0,
    };
  });
  const Z64 = 0xffffffff;
  let total = 0;
  for (const p of prepared) total += 30 + p.name.length + 20 + p.compressed.length;
  const cdSize = prepared.reduce((n, p) => n + 46 + p.name.length + 28, 0);
  const out = new Uint8Array(total + cdSize + 56 + 20 + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of prepared) {
    p.offset = at;
    const big = p.size >= Z64 || p.compressed.length >= Z64;
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, big ? 45 : 20, true);
    view.setUint16(at + 6, 0x0800, true); // UTF-8 names
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, big ? Z64 : p.compressed.length, true);
    view.setUint32(at + 22, big ? Z64 : p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, big ? 20 : 0, true);
    out.set(p.name, at + 30);
    at += 30 + p.name.length;
    if (big) {
      view.setUint16(at, 0x0001, true);
      view.setUint16(at + 2, 16, true);
      setU64(view, at + 4, p.size);
      setU64(view, at + 12, p.compressed.length);
      at += 20;
    }
    out.set(p.compressed, at);
    at += p.compressed.length;
  }
  const cdStart = at;
  for (const p of prepared) {
    const big = p.size >= Z64 || p.compressed.length >= Z64 || p.offset >= Z64;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 45, true);
    view.setUint16(at + 6, big ? 45 : 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, big ? Z64 : p.compressed.length, true);
    view.setUint32(at + 24, big ? Z64 : p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint16(at + 30, big ? 28 : 0, true);
    view.setUint32(at + 42, big ? Z64 : p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
    if (big) {
      view.setUint16(at, 0x0001, true);
      view.setUint16(at + 2, 24, true);
      setU64(view, at + 4, p.size);
      setU64(view, at + 12, p.compressed.length);
      setU64(view, at + 20, p.offset);
      at += 28;
    }
  }
  const cdLen = at - cdStart;
  const needs64 = prepared.length >= 0xffff || cdStart >= Z64 || cdLen >= Z64;
  if (needs64) {
    const rec = at;
    view.setUint32(at, 0x06064b50, true);
    setU64(view, at + 4, 44);
    view.setUint16(at + 12, 45, true);
    view.setUint16(at + 14, 45, true);
    setU64(view, at + 24, prepared.length);
    setU64(view, at + 32, prepared.length);
    setU64(view, at + 40, cdLen);
    setU64(view, at + 48, cdStart);
    at += 56;
    view.setUint32(at, 0x07064b50, true);
    setU64(view, at + 8, rec);
    view.setUint32(at + 16, 1, true);
    at += 20;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, Math.min(prepared.length, 0xffff), true);
  view.setUint16(at + 10, Math.min(prepared.length, 0xffff), true);
  view.setUint32(at + 12, needs64 ? Z64 : cdLen, true);
  view.setUint32(at + 16, needs64 ? Z64 : cdStart, true);
  at += 22;
  return out.subarray(0, at);
}

function setU64(view: DataView, at: number, n: number): void {
  view.setUint32(at, n % 0x100000000, true);
  view.setUint32(at + 4, Math.floor(n / 0x100000000), true);
}
