// What the package layer accepts from an untrusted file (a mail attachment), and the one clear line
// it gives for each refusal, in both languages. Every command and the pane open files through here.
import { L, type Localized } from "../../core/lang";
import { printable as printableText } from "../../core/printable";

export const LIMITS = {
  /** The file itself. */
  maxFileBytes: 30 * 1024 * 1024,
  /** One part (a sheet, the shared strings) once inflated; counted while inflating, never trusted. */
  maxPartBytes: 256 * 1024 * 1024,
  /** All parts together once inflated. */
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 10000,
  /** Deflate cannot compress better than about 1:1032; more than that in a declared size is a lie. */
  maxRatio: 1100,
  /** Present cells across the workbook: what bounds the memory of a snapshot. */
  maxCells: 3_000_000,
  /** A small part parsed into a tree (workbook, relationships, styles) may not exceed this. */
  maxTreeBytes: 16 * 1024 * 1024,
} as const;

export type OpenErrorCode =
  | "too-large"
  | "expands-too-far"
  | "too-many-cells"
  | "truncated"
  | "encrypted"
  | "legacy-xls"
  | "not-a-workbook"
  | "empty"
  | "corrupt"
  | "unsafe-xml"
  | "unsafe-name"
  | "folder"
  | "unreadable";

const MB = 1024 * 1024;
export const fmtMb = (n: number): string => `${Math.round((n / MB) * 10) / 10} MB`;

/** A refusal: a stable code, and one line in both languages saying what is wrong. */
export class OpenError extends Error {
  constructor(
    readonly code: OpenErrorCode,
    readonly text: Localized,
  ) {
    super(text["en-US"]);
    this.name = "OpenError";
  }
}

export const isOpenError = (e: unknown): e is OpenError => e instanceof OpenError;

/** Part names and other file text go into messages: printable and short. */
const printable = (s: string, max = 80): string => printableText(s, max);

export const refuse = {
  tooLarge: (size: number) =>
    new OpenError(
      "too-large",
      L(
        `文件过大（${fmtMb(size)}，上限 ${fmtMb(LIMITS.maxFileBytes)}）`,
        `file too large (${fmtMb(size)}, limit ${fmtMb(LIMITS.maxFileBytes)})`,
      ),
    ),
  empty: () => new OpenError("empty", L("文件是空的（0 字节）", "the file is empty (0 bytes)")),
  notFound: () => new OpenError("unreadable", L("找不到文件", "file not found")),
  folder: () => new OpenError("folder", L("这是一个文件夹，不是工作簿", "this is a folder, not a workbook")),
  unreadable: (why: string) =>
    new OpenError(
      "unreadable",
      L(`无法读取文件：${printable(why)}`, `cannot read the file: ${printable(why)}`),
    ),
  encrypted: () =>
    new OpenError(
      "encrypted",
      L(
        "工作簿已加密（有打开密码），请去掉密码后再发送",
        "workbook is password-protected (encrypted); remove the password and send it again",
      ),
    ),
  legacy: () =>
    new OpenError("legacy-xls", L("旧版 .xls 格式，请另存为 .xlsx", "legacy .xls format; save it as .xlsx")),
  notWorkbook: () =>
    new OpenError("not-a-workbook", L("不是 Excel 工作簿（.xlsx）", "not an Excel workbook (.xlsx)")),
  zipNotWorkbook: () =>
    new OpenError(
      "not-a-workbook",
      L("是 zip 文件，但不是 Excel 工作簿（.xlsx）", "a zip file, but not an Excel workbook (.xlsx)"),
    ),
  truncated: () =>
    new OpenError(
      "truncated",
      L("文件不完整（被截断），请重新获取", "file is truncated (incomplete); get it again"),
    ),
  corrupt: (what: string) =>
    new OpenError(
      "corrupt",
      L(`文件已损坏（${printable(what)}）`, `the file is damaged (${printable(what)})`),
    ),
  tooManyEntries: (n: number) =>
    new OpenError("expands-too-far", L(`zip 中条目过多（${n} 个）`, `too many entries in the zip (${n})`)),
  partTooLarge: (name: string, limit: number) =>
    new OpenError(
      "expands-too-far",
      L(
        `“${printable(name)}”解压后超过 ${fmtMb(limit)}，拒绝打开`,
        `"${printable(name)}" expands past ${fmtMb(limit)}; refused`,
      ),
    ),
  totalTooLarge: () =>
    new OpenError(
      "expands-too-far",
      L(
        `工作簿解压后超过 ${fmtMb(LIMITS.maxTotalBytes)}，拒绝打开`,
        `the workbook expands past ${fmtMb(LIMITS.maxTotalBytes)} in all; refused`,
      ),
    ),
  sizeLies: (name: string) =>
    new OpenError(
      "expands-too-far",
      L(
        `“${printable(name)}”的实际大小与声明不符，拒绝打开`,
        `"${printable(name)}" does not match its declared size; refused`,
      ),
    ),
  tooManyCells: () =>
    new OpenError(
      "too-many-cells",
      L(
        `工作簿中的单元格超过 ${LIMITS.maxCells.toLocaleString("en-US")} 个，拒绝打开`,
        `the workbook holds more than ${LIMITS.maxCells.toLocaleString("en-US")} cells; refused`,
      ),
    ),
  unsafeXml: (name: string) =>
    new OpenError(
      "unsafe-xml",
      L(
        `“${printable(name)}”含有 DTD 或实体声明（可能是恶意文件），拒绝打开`,
        `"${printable(name)}" declares a DTD or entities (a possibly hostile file); refused`,
      ),
    ),
  badXml: (name: string, why: string) =>
    new OpenError(
      "corrupt",
      L(
        `“${printable(name)}”不是有效的 XML（${printable(why, 60)}）`,
        `"${printable(name)}" is not valid XML (${printable(why, 60)})`,
      ),
    ),
  unsafeName: (name: string) =>
    new OpenError(
      "unsafe-name",
      L(
        `zip 中有不安全的条目名“${printable(name)}”（可能是恶意文件），拒绝打开`,
        `the zip holds an unsafe entry name "${printable(name)}" (a possibly hostile file); refused`,
      ),
    ),
  encoding: (name: string, enc: string) =>
    new OpenError(
      "corrupt",
      L(
        `“${printable(name)}”使用了不支持的编码 ${printable(enc, 30)}`,
        `"${printable(name)}" uses an unsupported encoding ${printable(enc, 30)}`,
      ),
    ),
};
