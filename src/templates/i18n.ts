// Strings and formats shared by the four templates. Each template keeps its own labels beside its
// layout; what several templates say the same way lives here.
import { L } from "../core/lang";
import type { Lang, Localized } from "../core/lang";

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

export const currencies = ["¥", "$", "€", "£"] as const;
export type Currency = (typeof currencies)[number];

/** ISO codes people type on the command line, mapped to the symbol the formats show. */
export const currencyCodes: Readonly<Record<string, Currency>> = {
  CNY: "¥",
  RMB: "¥",
  USD: "$",
  EUR: "€",
  GBP: "£",
};

/** Money without decimals (marketing budgets), the symbol quoted so every engine keeps it literal. */
export function moneyFormat(c: Currency): string {
  return `"${c}"#,##0`;
}

export const formats = {
  count: "#,##0",
  percent: "0.0%",
  percentWhole: "0%",
  date: "yyyy-mm-dd",
  text: "@",
  decimal: "0.00",
} as const;

export const common = {
  invalid: L("输入无效", "invalid input"),
  never: L("不保本", "never breaks even"),
  subtitle: (dealer: string, brand: string, year: number): Localized =>
    L(
      [dealer || "经销商名称", brand || "品牌", `${year}年`].join(" · "),
      [dealer || "Dealer name", brand || "Brand", String(year)].join(" · "),
    ),
  nonNegative: L("请输入不小于 0 的数。", "Enter a number of 0 or more."),
  wholeNonNegative: L("请输入不小于 0 的整数。", "Enter a whole number of 0 or more."),
  rate: L("请输入 0% 到 100% 之间的比率。", "Enter a rate between 0% and 100%."),
  date: L("请输入日期，例如 2026-03-31。", "Enter a date, e.g. 2026-03-31."),
  list: L("请从列表中选择。", "Pick a value from the list."),
  inputsNote: L(
    "橙色单元格为输入项；其余为公式，请勿覆盖。",
    "Orange cells are inputs; the others are formulas, please do not overwrite them.",
  ),
};

const monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Labels of twelve months from a first month (1–12) of a year, wrapping into the next year. */
export function monthLabels(year: number, firstMonth: number, lang: Lang): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const k = firstMonth - 1 + i;
    const y = year + Math.floor(k / 12);
    const m = (k % 12) + 1;
    return lang === "zh-CN" ? `${y}年${m}月` : `${monthsEn[m - 1]} ${y}`;
  });
}

/** A text literal for a formula, with inner quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
