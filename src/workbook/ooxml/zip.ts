// Reading a zip container without trusting it. The central directory at the end of the file declares
// every entry; reading it costs nothing, and whatever it declares is checked again while inflating:
// an entry is inflated in slices and abandoned the moment its output passes the entry's limit, so a
// small file that lies about its sizes costs at most the limit, never the lie. Works on bytes only,
// in Node and in the browser (fflate).
import { Inflate } from "fflate";
import { LIMITS, refuse } from "./limits";
import { crc32 } from "./crc32";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the local file header. */
  readonly headerOffset: number;
  /** Offset of the entry's data, after the local header. */
  readonly dataOffset: number;
  readonly time: number;
  readonly date: number;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

/** UTF-16LE search, for stream names inside an OLE compound file. */
function containsUtf16(b: Uint8Array, s: string): boolean {
  const first = s.charCodeAt(0);
  outer: for (let i = 0; i + s.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < s.length; k++)
      if (b[i + 2 * k] !== s.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const u64 = (v: DataView, at: number): number =>
  v.getUint32(at + 4, true) * 0x100000000 + v.getUint32(at, true);

function findEocd(view: DataView): number {
  const end = view.byteLength - 22;
  const stop = Math.max(0, end - 0xffff);
  for (let i = end; i >= stop; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/**
 * A part name a package may hold: relative, forward slashes, no "." or ".." segments, no control
 * characters. Anything else would be written back into a file by a careless writer, or shown raw on
 * a terminal; Excel itself refuses such packages.
 */
export function isSafePartName(name: string): boolean {
  if (name === "" || name.length > 1024) return false;
  if (name.startsWith("/") || name.includes("\\")) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  const segs = name.replace(/\/$/, "").split("/");
  return segs.every((s) => s !== "" && s !== "." && s !== "..");
}

export class ZipReader {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private inflated = 0;

  private constructor(
    readonly bytes: Uint8Array,
    entries: Map<string, ZipEntry>,
  ) {
    this.entries = entries;
  }

  /** Checks the container and reads its directory; throws OpenError with the reason otherwise. */
  static open(bytes: Uint8Array): ZipReader {
    if (bytes.length === 0) throw refuse.empty();
    if (bytes.length > LIMITS.maxFileBytes) throw refuse.tooLarge(bytes.length);
    if (startsWith(bytes, OLE)) {
      if (containsUtf16(bytes, "EncryptedPackage")) throw refuse.encrypted();
      throw refuse.legacy();
    }
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
      throw refuse.notWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEocd(view);
    if (eocd < 0) throw refuse.truncated();
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the real figures are in the ZIP64 end record, found through the locator just before.
      const loc = eocd - 20;
      if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) throw refuse.corrupt("zip64 locator");
      const rec = u64(view, loc + 8);
      if (rec + 56 > bytes.length || view.getUint32(rec, true) !== 0x06064b50) throw refuse.truncated();
      count = u64(view, rec + 32);
      cdSize = u64(view, rec + 40);
      cdOffset = u64(view, rec + 48);
    }
    if (cdOffset + cdSize > bytes.length) throw refuse.truncated();
    if (count > LIMITS.maxEntries) throw refuse.tooManyEntries(count);

    const entries = new Map<string, ZipEntry>();
    const lower = new Set<string>();
    const decoder = new TextDecoder("utf-8", { fatal: false });
    let p = cdOffset;
    let declared = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
        throw refuse.corrupt("zip directory");
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const time = view.getUint16(p + 12, true);
      const date = view.getUint16(p + 14, true);
      const crc = view.getUint32(p + 16, true);
      let compressedSize = view.getUint32(p + 20, true);
      let uncompressedSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let headerOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLen + extraLen > bytes.length) throw refuse.corrupt("zip directory");
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // ZIP64 extra field: 8-byte sizes for the fields that hold 0xFFFFFFFF, in this order.
      for (let e = p + 46 + nameLen, end = e + extraLen; e + 4 <= end;) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          const qEnd = q + len;
          if (uncompressedSize === 0xffffffff && q + 8 <= qEnd) {
            uncompressedSize = u64(view, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= qEnd) {
            compressedSize = u64(view, q);
            q += 8;
          }
          if (headerOffset === 0xffffffff && q + 8 <= qEnd) headerOffset = u64(view, q);
        }
        e += 4 + len;
      }
      p += 46 + nameLen + extraLen + commentLen;
      if (name.endsWith("/") && uncompressedSize === 0) continue; // a folder entry: nothing to read
      if (!isSafePartName(name)) throw refuse.unsafeName(name);
      if (flags & 0x0001) throw refuse.encrypted();
      if (method !== 0 && method !== 8) throw refuse.corrupt(`compression method ${method}`);
      if (headerOffset + 30 > cdOffset || view.getUint32(headerOffset, true) !== 0x04034b50)
        throw refuse.corrupt("zip data");
      const dataOffset =
        headerOffset + 30 + view.getUint16(headerOffset + 26, true) + view.getUint16(headerOffset + 28, true);
      if (dataOffset + compressedSize > cdOffset) throw refuse.corrupt("zip data");
      // The local header must tell the same sizes as the directory (readers going by one or the
      // other would see different files), unless it defers them: a data descriptor (bit 3) or ZIP64.
      const localSize = view.getUint32(headerOffset + 22, true);
      if (!(flags & 0x0008) && localSize !== 0xffffffff && localSize !== uncompressedSize)
        throw refuse.sizeLies(name);
      if (uncompressedSize > LIMITS.maxPartBytes) throw refuse.partTooLarge(name, LIMITS.maxPartBytes);
      if (method === 8 && compressedSize > 0 && uncompressedSize / compressedSize > LIMITS.maxRatio)
        throw refuse.sizeLies(name);
      if (method === 0 && compressedSize !== uncompressedSize) throw refuse.sizeLies(name);
      declared += uncompressedSize;
      // Part names compare case-insensitively (OPC): two spellings of one part make it ambiguous.
      if (lower.has(name.toLowerCase())) throw refuse.corrupt(`duplicate entry ${name}`);
      lower.add(name.toLowerCase());
      entries.set(name, {
        name,
        method,
        flags,
        crc,
        compressedSize,
        uncompressedSize,
        headerOffset,
        dataOffset,
        time,
        date,
      });
    }
    if (declared > LIMITS.maxTotalBytes) throw refuse.totalTooLarge();
    return new ZipReader(bytes, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's raw (still compressed) bytes, for copying it unchanged into a new file. */
  raw(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    return e ? this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize) : undefined;
  }

  /**
   * Inflates an entry in slices, handing each piece of output to `onChunk`. Stops with OpenError as
   * soon as the output passes `limit` or the declared size, or the total read from this file passes
   * LIMITS.maxTotalBytes, whatever the entry declared.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void, limit: number = LIMITS.maxPartBytes): void {
    const e = this.entries.get(name);
    if (!e) throw refuse.corrupt(`missing part ${name}`);
    const data = this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const ceiling = Math.min(limit, e.uncompressedSize);
    let out = 0;
    // CRC-32 checked as the part inflates: a damaged entry is refused, not half-read.
    let crc = 0;
    const take = (chunk: Uint8Array): void => {
      out += chunk.length;
      crc = crc32(chunk, crc);
      this.inflated += chunk.length;
      if (out > ceiling) {
        if (out > e.uncompressedSize) throw refuse.sizeLies(name);
        throw refuse.partTooLarge(name, limit);
      }
      if (this.inflated > LIMITS.maxTotalBytes) throw refuse.totalTooLarge();
      onChunk(chunk);
    };
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += 1 << 20)
        take(data.subarray(i, Math.min(data.length, i + (1 << 20))));
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      // 16 KB of input inflates to at most ~16 MB, so the check above runs often enough to stay bounded.
      const SLICE = 16 * 1024;
      try {
        for (let i = 0; i < data.length; i += SLICE) {
          const end = Math.min(data.length, i + SLICE);
          inflater.push(data.subarray(i, end), end === data.length);
        }
        if (data.length === 0) inflater.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof Error && err.name === "OpenError") throw err;
        throw refuse.corrupt(`deflate data of ${name}`);
      }
    }
    if (out !== e.uncompressedSize) throw refuse.sizeLies(name);
    if (crc !== e.crc) throw refuse.corrupt(`CRC of ${name}`);
  }

  /** The whole entry, inflated (bounded as in stream). */
  read(name: string, limit: number = LIMITS.maxPartBytes): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    this.stream(
      name,
      (c) => {
        chunks.push(c);
        size += c.length;
      },
      limit,
    );
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
