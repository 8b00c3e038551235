// File names people can save anywhere: characters Windows, macOS or a mail client refuse are
// replaced, CJK is kept, and Windows' reserved device names cannot come out.

const ILLEGAL = '\\/:*?"<>|';
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Leaves room for a folder path within the 255 characters most file systems allow a name. */
const MAX_BASE = 120;

/** Text with the refused characters replaced by spaces, runs of spaces collapsed, ends trimmed. */
export function fileNamePart(text: string): string {
  return [...text]
    .map((ch) => (ch.charCodeAt(0) < 32 || ILLEGAL.includes(ch) ? " " : ch))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** A file-system-safe file name (keeps CJK), e.g. "营销计划-杭州西湖丰田4S店-2026.xlsx". */
export function safeFileName(base: string, ext = ".xlsx"): string {
  let cleaned = fileNamePart(base);
  cleaned = [...cleaned].slice(0, MAX_BASE).join("");
  // Windows drops trailing dots and spaces, which would then merge "a." and "a".
  cleaned = cleaned.replace(/[. ]+$/, "");
  if (RESERVED.test(cleaned.split(".")[0])) cleaned = `_${cleaned}`;
  return `${cleaned || "workbook"}${ext}`;
}
