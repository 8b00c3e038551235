// A ZIP writer (APPNOTE 6.3.x) built byte by byte so a test can make it lie: every field a reader might
// trust (sizes and CRC in the local header and in the central directory, flags, names given as raw
// bytes) can be overridden per entry, and ZIP64 extra fields and end records can be forced. Dates are
// fixed so the same input always gives the same bytes (the committed fixtures are compared with a
// fresh build).
import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import type { Deflated } from "./deflate-repeat";

export interface Declared {
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

export interface ZipEntry {
  /** The entry name; bytes are written as they are (NUL, escapes, invalid UTF-8 …). */
  readonly name: string | Uint8Array;
  /** The content, deflated here (method 8) or stored (method 0). */
  readonly data?: Uint8Array;
  /** A deflate stream made elsewhere, with its true size and CRC (for content never held whole). */
  readonly deflated?: Deflated;
  readonly method?: 0 | 8;
  /** General purpose flags to add (bit 0: encrypted). Bit 11 (UTF-8 name) is set for non-ASCII names. */
  readonly flags?: number;
  /**
   * Sizes as 0xFFFFFFFF with the real ones in a ZIP64 extra field: in both headers (true), or only in
   * the local header, the central directory keeping 32-bit values that fit (as Python's
   * zipfile force_zip64 and streaming writers do).
   */
  readonly zip64?: boolean | "local";
  /** Sizes and CRC after the data (flag bit 3), zero in the local header, as streaming writers do. */
  readonly dataDescriptor?: boolean;
  /** Lies: declared values in the local header and in the central directory. */
  readonly local?: Partial<Declared>;
  readonly central?: Partial<Declared>;
  /** Replaces the compressed bytes (damaged data) while keeping the declared values of the real ones. */
  readonly replaceCompressed?: Uint8Array;
}

export interface ZipOptions {
  /** Writes the ZIP64 end of central directory record and locator, with 0xFFFF/0xFFFFFFFF in the EOCD. */
  readonly zip64End?: boolean;
  readonly comment?: string;
}

const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01
const enc = new TextEncoder();

class Bytes {
  readonly parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}

/** Little-endian fields: [value, byte width]; widths 2, 4 or 8. */
export function le(...fields: readonly (readonly [number, 2 | 4 | 8])[]): Uint8Array {
  const size = fields.reduce((n, [, w]) => n + w, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let off = 0;
  for (const [v, w] of fields) {
    if (w === 2) view.setUint16(off, v, true);
    else if (w === 4) view.setUint32(off, v >>> 0, true);
    else view.setBigUint64(off, BigInt(v), true);
    off += w;
  }
  return out;
}

function nameBytes(name: string | Uint8Array): Uint8Array {
  return typeof name === "string" ? enc.encode(name) : name;
}

function isAscii(b: Uint8Array): boolean {
  return b.every((x) => x < 0x80);
}

interface Prepared {
  readonly entry: ZipEntry;
  readonly name: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly body: Uint8Array;
  readonly real: Declared;
}

function prepare(e: ZipEntry): Prepared {
  const name = nameBytes(e.name);
  let method: number = e.method ?? 8;
  let body: Uint8Array;
  let real: Declared;
  if (e.deflated) {
    method = 8;
    body = e.deflated.compressed;
    real = { crc: e.deflated.crc, size: e.deflated.size, compressedSize: body.length };
  } else {
    const data = e.data ?? new Uint8Array(0);
    body = method === 8 ? deflateSync(data, { level: 6 }) : data;
    real = { crc: crc32(data), size: data.length, compressedSize: body.length };
  }
  if (e.replaceCompressed) body = e.replaceCompressed;
  const flags = (e.flags ?? 0) | (isAscii(name) ? 0 : 0x800) | (e.dataDescriptor ? 0x8 : 0);
  return { entry: e, name, method, flags, body, real };
}

function zip64Extra(size: number, compressedSize: number, offset?: number): Uint8Array {
  const fields: [number, 8][] = [
    [size, 8],
    [compressedSize, 8],
  ];
  if (offset !== undefined) fields.push([offset, 8]);
  return new Uint8Array([...le([0x0001, 2], [fields.length * 8, 2]), ...le(...fields)]);
}

export function zip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  for (const p of entries.map(prepare)) {
    const e = p.entry;
    const offset = out.length;
    const loc: Declared = e.dataDescriptor
      ? { crc: 0, size: 0, compressedSize: 0, ...e.local }
      : { ...p.real, ...e.local };
    const cen: Declared = { ...p.real, ...e.central };
    const version = e.zip64 ? 45 : 20;
    const central64 = e.zip64 === true;
    const localExtra = e.zip64 ? zip64Extra(loc.size, loc.compressedSize) : new Uint8Array(0);
    out.push(
      le(
        [0x04034b50, 4],
        [version, 2],
        [p.flags, 2],
        [p.method, 2],
        [DOS_TIME, 2],
        [DOS_DATE, 2],
        [loc.crc, 4],
        [e.zip64 ? 0xffffffff : loc.compressedSize, 4],
        [e.zip64 ? 0xffffffff : loc.size, 4],
        [p.name.length, 2],
        [localExtra.length, 2],
      ),
    );
    out.push(p.name);
    out.push(localExtra);
    out.push(p.body);
    if (e.dataDescriptor) {
      out.push(le([0x08074b50, 4], [p.real.crc, 4], [p.real.compressedSize, 4], [p.real.size, 4]));
    }
    const centralExtra = central64 ? zip64Extra(cen.size, cen.compressedSize, offset) : new Uint8Array(0);
    central.push(
      le(
        [0x02014b50, 4],
        [version, 2],
        [version, 2],
        [p.flags, 2],
        [p.method, 2],
        [DOS_TIME, 2],
        [DOS_DATE, 2],
        [cen.crc, 4],
        [central64 ? 0xffffffff : cen.compressedSize, 4],
        [central64 ? 0xffffffff : cen.size, 4],
        [p.name.length, 2],
        [centralExtra.length, 2],
        [0, 2], // comment length
        [0, 2], // disk number start
        [0, 2], // internal attributes
        [0, 4], // external attributes
        [central64 ? 0xffffffff : offset, 4],
      ),
    );
    central.push(p.name);
    central.push(centralExtra);
  }
  const cdOffset = out.length;
  const cd = central.concat();
  out.push(cd);
  const count = entries.length;
  const big = options.zip64End || count > 0xffff;
  if (big) {
    const eocd64Offset = out.length;
    out.push(
      le(
        [0x06064b50, 4],
        [44, 8], // size of the rest of this record
        [45, 2],
        [45, 2],
        [0, 4],
        [0, 4],
        [count, 8],
        [count, 8],
        [cd.length, 8],
        [cdOffset, 8],
      ),
    );
    out.push(le([0x07064b50, 4], [0, 4], [eocd64Offset, 8], [1, 4]));
  }
  const comment = enc.encode(options.comment ?? "");
  out.push(
    le(
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [big ? 0xffff : count, 2],
      [big ? 0xffff : count, 2],
      [big ? 0xffffffff : cd.length, 4],
      [big ? 0xffffffff : cdOffset, 4],
      [comment.length, 2],
    ),
  );
  out.push(comment);
  return out.concat();
}
