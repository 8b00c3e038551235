// Checks an untrusted workbook (a mail attachment) BEFORE any zip library inflates it. exceljs and
// jszip inflate every entry fully into memory, so a small file whose sheet expands to gigabytes
// would take the process down; the central directory at the end of the zip declares each entry's
// sizes, and reading it costs nothing. Works on bytes only, in Node and in the browser.
import type { Localized } from "../core/rubric";

export const LIMITS = {
  /** The file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** One entry (a sheet, the shared strings) once inflated. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** All entries together once inflated. */
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 10000,
  /** Deflate cannot compress better than about 1:1032; more than that in a declared size is a lie. */
  maxRatio: 1100,
} as const;

export type OpenErrorCode =
  "too-large" | "not-a-workbook" | "truncated" | "encrypted" | "legacy-xls" | "expands-too-far" | "corrupt";

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the local file header. */
  readonly offset: number;
}

export type SafeOpenResult =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[] }
  | { readonly ok: false; readonly code: OpenErrorCode; readonly message: Localized };

const MB = 1024 * 1024;
const fmtMb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

function fail(code: OpenErrorCode, zh: string, en: string): SafeOpenResult {
  return { ok: false, code, message: { "zh-CN": zh, "en-US": en } };
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

/** UTF-16LE search, for stream names inside an OLE compound file. */
function containsUtf16(b: Uint8Array, s: string): boolean {
  const pat = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pat[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    if (b[i] !== pat[0]) continue;
    for (let k = 1; k < pat.length; k++) if (b[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

function findEocd(view: DataView): number {
  const end = view.byteLength - 22;
  const stop = Math.max(0, end - 0xffff);
  for (let i = end; i >= stop; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

function u64(view: DataView, at: number): number {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  return hi * 0x100000000 + lo;
}

/**
 * Decide whether a workbook may be loaded. Returns the zip's entries when it may, else a code and a
 * one-line reason in both languages.
 */
/** The refusal of a file over the size limit, or null: callers that know the size check it before reading. */
export function fileTooLarge(size: number): Extract<SafeOpenResult, { ok: false }> | null {
  if (size <= LIMITS.maxFileBytes) return null;
  return {
    ok: false,
    code: "too-large",
    message: {
      "zh-CN": `文件过大(${fmtMb(size)},上限 ${fmtMb(LIMITS.maxFileBytes)})`,
      "en-US": `file too large (${fmtMb(size)}, limit ${fmtMb(LIMITS.maxFileBytes)})`,
    },
  };
}

export function checkWorkbookBytes(bytes: Uint8Array): SafeOpenResult {
  const large = fileTooLarge(bytes.length);
  if (large) return large;
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, "EncryptedPackage"))
      return fail(
        "encrypted",
        "工作簿已加密(有打开密码),请去掉密码后再发送",
        "workbook is password-protected (encrypted); remove the password and send it again",
      );
    return fail("legacy-xls", "旧版 .xls 格式,请另存为 .xlsx", "legacy .xls format; save it as .xlsx");
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return fail("not-a-workbook", "不是 Excel 工作簿(.xlsx)", "not an Excel workbook (.xlsx)");

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0)
    return fail("truncated", "文件不完整(被截断),请重新获取", "file is truncated (incomplete); get it again");
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real figures are in the ZIP64 end record, found through the locator just before.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50)
      return fail("corrupt", "zip 结构损坏", "damaged zip structure");
    const rec = u64(view, loc + 8);
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== 0x06064b50)
      return fail(
        "truncated",
        "文件不完整(被截断),请重新获取",
        "file is truncated (incomplete); get it again",
      );
    count = u64(view, rec + 32);
    cdSize = u64(view, rec + 40);
    cdOffset = u64(view, rec + 48);
  }
  if (cdOffset + cdSize > bytes.length)
    return fail("truncated", "文件不完整(被截断),请重新获取", "file is truncated (incomplete); get it again");
  if (count > LIMITS.maxEntries)
    return fail("expands-too-far", `zip 中条目过多(${count} 个)`, `too many entries in the zip (${count})`);

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return fail("corrupt", "zip 目录损坏", "damaged zip directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length)
      return fail("corrupt", "zip 目录损坏", "damaged zip directory");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field: 8-byte sizes for the fields that hold 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const qEnd = e + 4 + len;
        if (uncompressedSize === 0xffffffff && q + 8 <= qEnd) {
          uncompressedSize = u64(view, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= qEnd) {
          compressedSize = u64(view, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= qEnd) offset = u64(view, q);
      }
      e += 4 + len;
    }
    if (flags & 0x0001)
      return fail(
        "encrypted",
        "工作簿中有加密内容,无法读取",
        "workbook holds encrypted parts and cannot be read",
      );
    if (offset + 30 + compressedSize > cdOffset || view.getUint32(offset, true) !== 0x04034b50)
      return fail("corrupt", "zip 数据损坏", "damaged zip data");
    if (uncompressedSize > LIMITS.maxEntryBytes)
      return fail(
        "expands-too-far",
        `“${name}”解压后过大(${fmtMb(uncompressedSize)},上限 ${fmtMb(LIMITS.maxEntryBytes)}),拒绝打开`,
        `"${name}" expands too far (${fmtMb(uncompressedSize)}, limit ${fmtMb(LIMITS.maxEntryBytes)}); refused`,
      );
    if (compressedSize > 0 && uncompressedSize / compressedSize > LIMITS.maxRatio)
      return fail(
        "expands-too-far",
        `“${name}”声明的大小超出压缩数据可能的范围,拒绝打开`,
        `"${name}" declares more data than its compressed size can hold; refused`,
      );
    total += uncompressedSize;
    entries.push({ name, method, compressedSize, uncompressedSize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > LIMITS.maxTotalBytes)
    return fail(
      "expands-too-far",
      `工作簿解压后过大(共 ${fmtMb(total)},上限 ${fmtMb(LIMITS.maxTotalBytes)}),拒绝打开`,
      `workbook expands too far (${fmtMb(total)} in all, limit ${fmtMb(LIMITS.maxTotalBytes)}); refused`,
    );
  if (!entries.some((x) => x.name === "xl/workbook.xml"))
    return fail(
      "not-a-workbook",
      "zip 文件,但不是 Excel 工作簿(.xlsx)",
      "a zip file, but not an Excel workbook (.xlsx)",
    );
  return { ok: true, entries };
}

/** Inflates raw deflate data; "too-big" once the output would pass maxBytes; throws on damaged data. */
export type BoundedInflate = (data: Uint8Array, maxBytes: number) => Uint8Array | "too-big";

/**
 * Declared sizes can lie. Where a bounded inflater is at hand (zlib's maxOutputLength in Node), each
 * entry is inflated once with its declared size as the ceiling, so a lying entry stops after at most
 * LIMITS.maxEntryBytes instead of filling memory. Entries are done one at a time and dropped.
 */
export function verifyDeclaredSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  inflate: BoundedInflate,
): SafeOpenResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.method !== 8 || e.uncompressedSize === 0) continue;
    const nameLen = view.getUint16(e.offset + 26, true);
    const extraLen = view.getUint16(e.offset + 28, true);
    const start = e.offset + 30 + nameLen + extraLen;
    let out: Uint8Array | "too-big";
    try {
      out = inflate(bytes.subarray(start, start + e.compressedSize), e.uncompressedSize + 1);
    } catch {
      return fail("corrupt", `“${e.name}”数据损坏`, `"${e.name}" is damaged`);
    }
    if (out === "too-big" || out.length !== e.uncompressedSize)
      return fail(
        "expands-too-far",
        `“${e.name}”的实际大小与声明不符,拒绝打开`,
        `"${e.name}" does not match its declared size; refused`,
      );
  }
  return { ok: true, entries };
}
