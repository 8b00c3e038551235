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

/**
 * Filler: words that stand where content should be and say nothing (详见附件, 同去年, 按厂家要求执行,
 * see attachment). They earn nothing anywhere, and the evidence names them.
 */
const FILLER = new Set([
  "详见附件",
  "见附表",
  "详见附表",
  "另附",
  "同去年",
  "同上年",
  "同往年",
  "同上季度",
  "按厂家要求执行",
  "按厂家要求",
  "按厂家规定执行",
  "按公司要求执行",
  "按要求执行",
  "后续补充",
  "待确定",
  "seeattachment",
  "seeattached",
  "seeappendix",
  "sameaslastyear",
  "asperoemrequirements",
  "tobeconfirmed",
  "tbc",
]);

function squeeze(t: string): string {
  return t.replace(/[\s.。,，;；:：!！、“”"'‘’()（）-]+/gu, "");
}

/** The filler a whole text consists of ("详见附件。", "TBD"), or null when it says something. */
export function fillerOf(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (t === "") return null;
  const s = squeeze(t);
  if (PLACEHOLDERS.has(t) || PLACEHOLDERS.has(s) || FILLER.has(s)) return text.trim();
  return null;
}

/** True when a text says something: not empty, not a placeholder such as 待定 / TBD, not filler. */
export function hasContent(text: string | undefined | null): boolean {
  if (text === undefined || text === null) return false;
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (PLACEHOLDERS.has(t)) return false;
  return fillerOf(text) === null;
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
  // "4/18", "4/1-6/30": month/day; a year or a third part ("2026/4/18") is matched above.
  /(?<![\d/.])(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9])(?![\d/.%])/gu,
  /\d{4}年第?[一二三四1-4]季度/gu,
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
