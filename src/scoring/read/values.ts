// Values as dealers write them: numbers in cells or in text with their units (480台, 130万, 1.05亿,
// ≤2,710元, 35%), dates as serials or as text (4月18日, 4/18, 2026年第二季度). Numbers go through the
// one parser of typed numbers (src/templates/input.ts); this file only takes the unit off first.
import { dateMentions, hasContent, type CellLook } from "../../core/rubric";
import { serialToIso } from "../../core/dates";
import { parseNumber } from "../../templates/input";
import type { CellValue } from "../../workbook/port";

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

/** Words before a number that bound it ("≤2,710元", "不低于135台"): the number is still the target. */
const BOUND =
  /^(约|大约|不低于|不少于|不超过|不高于|至少|最多|控制在|≥|≤|>=|<=|>|<|~|≈|about|approx\.?|at least|at most|up to|max\.?|min\.?)\s*/iu;
/** Counting units after a number; money and percent units are the number parser's own. */
const COUNT_UNIT =
  /\s*(台|辆|人次|人|批|条|组|次|场|个|家|分|天|周|units?|vehicles?|cars?|leads?|visits?|visitors?|people|points?|pts)$/iu;

export interface Amount {
  readonly value: number;
  /** The counting unit taken off ("台", "批"), "" when none. */
  readonly unit: string;
}

/** A number in a cell, with the unit it was written with. Text that is more than a number is null. */
export function readAmount(v: CellValue | undefined): Amount | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, unit: "" } : null;
  if (typeof v !== "string") return null;
  let t = v.normalize("NFKC").trim().replace(BOUND, "");
  let unit = "";
  const u = COUNT_UNIT.exec(t);
  if (u && u.index > 0) {
    unit = u[1];
    t = t.slice(0, u.index);
  }
  const n = parseNumber(t.replace(/^(rmb|cny)\s*/iu, "").replace(/\s*(rmb|cny|yuan)$/iu, ""));
  return n.kind === "number" ? { value: n.value, unit } : null;
}

export function cellNumber(v: CellValue | undefined): number | null {
  return readAmount(v)?.value ?? null;
}

/** Serial numbers between 1954 and 2119 are taken for dates in date columns. */
export function serialDate(n: number): string | null {
  if (n < 20000 || n > 80000) return null;
  return serialToIso(Math.round(n));
}

/** A date cell as ISO (a serial) or as written (text naming a date); "" when it names none. */
export function cellDate(v: CellValue | undefined): string {
  if (typeof v === "number") return serialDate(v) ?? "";
  const t = cellText(v);
  return hasContent(t) && dateMentions(t).length > 0 ? t : "";
}

export function isDateLike(v: CellValue | undefined): boolean {
  return cellDate(v) !== "";
}

/** How a number read from a cell looked: its number format, or the text it was read from. */
export function lookOf(v: CellValue | undefined, format: string | undefined): CellLook | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : { text: v.trim() };
  return typeof v === "number" && format ? { format } : undefined;
}
