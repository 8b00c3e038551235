// How each named style looks, shared by both adapters so Excel and the .xlsx file look alike.
// Input/output colours follow Excel's built-in "Input" and "Calculation" cell styles, which
// spreadsheet users already read as "type here" and "computed".
import type { StyleName } from "../templates/spec";

export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** RRGGBB */
  readonly fontColor?: string;
  /** RRGGBB */
  readonly fill?: string;
  readonly wrap?: boolean;
}

/** Excel's built-in Good / Neutral / Bad cell styles, used by the conditional formats. */
export const flagLooks: Readonly<Record<"good" | "warn" | "bad", { fill: string; fontColor: string }>> = {
  good: { fill: "C6EFCE", fontColor: "006100" },
  warn: { fill: "FFEB9C", fontColor: "9C5700" },
  bad: { fill: "FFC7CE", fontColor: "9C0006" },
};

export const looks: Readonly<Record<StyleName, Look>> = {
  title: { bold: true, size: 16, fontColor: "1F3864" },
  subtitle: { italic: true, fontColor: "595959" },
  section: { bold: true, size: 12, fill: "D9E1F2", fontColor: "1F3864" },
  header: { bold: true, fill: "DDEBF7", wrap: true },
  label: { wrap: true },
  input: { fill: "FFCC99", fontColor: "3F3F76" },
  output: { bold: true, fill: "F2F2F2", fontColor: "FA7D00" },
  note: { italic: true, fontColor: "7F7F7F", wrap: true },
};

/** A score's colour scale, low to high: red, yellow, green (Excel's own three-colour scale). */
export const SCALE_COLOURS = ["F8696B", "FFEB84", "63BE7B"] as const;
