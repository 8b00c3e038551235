// Evidence as a reader sees it: numbers read from cells are shown as their cells show them (the cell's
// number format, or the text the number was read from), so "集客率: 0.1" reads "集客率: 10%".
import { formatNumber } from "../core/number-format";
import type { Evidence, Lang } from "../core/rubric";

/** The evidence's value as the sheet shows it, in the reader's language; undefined when it has none. */
export function evidenceValue(e: Evidence, lang: Lang): string | undefined {
  if (e.parts)
    return e.parts
      .map((p) => (typeof p === "string" ? p : (p.text ?? formatNumber(p.number, p.format, lang))))
      .join("");
  if (e.value === undefined || e.value === "") return undefined;
  return typeof e.value === "number" ? formatNumber(e.value, undefined, lang) : e.value;
}
