// Text measures the criteria share. Chinese and English plans must be judged alike, so lengths are
// counted in "units": one CJK character, or half an English word (an English word carries about as
// much as two Chinese characters).

const PLACEHOLDERS = new Set([
  "",
  "-",
  "--",
  "—",
  "/",
  "略",
  "无",
  "暂无",
  "待定",
  "待补充",
  "待填写",
  "见附件",
  "同上",
  "xxx",
  "tbd",
  "tba",
  "todo",
  "n/a",
  "na",
  "none",
  "see attachment",
  "to be defined",
  "...",
  "…",
]);

/** True when a text says something: not empty and not a placeholder such as 待定 / TBD. */
export function hasContent(text: string | undefined | null): boolean {
  if (text === undefined || text === null) return false;
  const t = text.normalize("NFKC").trim().toLowerCase();
  return !PLACEHOLDERS.has(t);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const WORD = /[a-z0-9]+(?:['’.-][a-z0-9]+)*/giu;

export function textUnits(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(WORD)?.length ?? 0;
  return cjk + words * 2;
}

export type QuantityKind = "vehicles" | "money" | "percent" | "people" | "count";

export interface Quantity {
  readonly text: string;
  readonly value: number;
  readonly kind: QuantityKind;
}

// A number with a unit that makes it measurable. Money may come before (¥, RMB) or after (元, 万元).
// English units must end at a word boundary, or "600 kept" would read as 600 k(ilo-yuan).
const QUANTITY =
  /([¥￥$]|rmb|cny)?\s*(\d+(?:[.,]\d+)*)\s*(万元|千元|元|万|%|％|台|辆|人次|人|组|批|次|场|条|个|家|(?:units?|vehicles?|cars?|leads?|visits?|visitors?|attendees?|people|persons?|customers?|events?|times?|k|m|rmb|yuan|cny)(?![a-z]))?/giu;

function unitKind(pre: string | undefined, unit: string | undefined): QuantityKind | null {
  const u = (unit ?? "").toLowerCase();
  if (pre) return "money";
  if (u === "") return null;
  if (["万元", "千元", "元", "万", "rmb", "yuan", "cny", "k", "m"].includes(u)) return "money";
  if (u === "%" || u === "％") return "percent";
  if (["台", "辆"].includes(u) || /^(units?|vehicles?|cars?)$/.test(u)) return "vehicles";
  if (["人", "人次"].includes(u) || /^(visitors?|attendees?|people|persons?|customers?)$/.test(u))
    return "people";
  return "count";
}

/** Numbers with a unit in a text: "120台", "15%", "¥460,000", "30 leads". Bare numbers are not measures. */
export function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.normalize("NFKC").matchAll(QUANTITY)) {
    const kind = unitKind(m[1], m[3]);
    if (kind === null) continue;
    const value = Number(m[2].replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    out.push({ text: m[0].trim(), value, kind });
  }
  return out;
}

const DATE_PATTERNS: readonly RegExp[] = [
  /\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?/gu,
  /(?<![\d年])\d{1,2}月\d{1,2}[日号]/gu,
  /(?<![\d年])\d{1,2}月(上旬|中旬|下旬|底|初)/gu,
  /第[0-9一二三四五六七八九十]+周/gu,
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/giu,
  /\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/giu,
  /\bweek\s+\d{1,2}\b/giu,
];

/** Dates and date-like points in time mentioned in a text ("3月5日", "2026-03-05", "Mar 5", "week 2"). */
export function dateMentions(text: string): string[] {
  const t = text.normalize("NFKC");
  const out: string[] = [];
  for (const re of DATE_PATTERNS) for (const m of t.matchAll(re)) out.push(m[0]);
  return out;
}

/** How many items a text enumerates: lines, or parts separated by ；; or "1." / "(2)" numbering. */
export function countItems(text: string): number {
  const t = text.normalize("NFKC").trim();
  if (t === "") return 0;
  const parts = t
    .split(/\r?\n|[;；、]|(?:^|\s)(?:\d{1,2}[.)、]|\(\d{1,2}\))\s*|[①②③④⑤⑥⑦⑧⑨⑩]/u)
    .map((p) => p.trim())
    .filter((p) => textUnits(p) >= 2);
  return parts.length;
}

export function containsAny(text: string, words: readonly string[]): string | null {
  const t = text.normalize("NFKC").toLowerCase();
  for (const w of words) if (t.includes(w)) return w;
  return null;
}
