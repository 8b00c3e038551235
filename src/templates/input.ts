// The one reader of numbers people type: the pane's form fields and the command line's flags, so
// "53%", "0.53", "1,500", "1，500", "１５００" and "46万" mean the same wherever they are typed, with the
// same messages. What a dealer would type is accepted; what only a programmer would ("0x10", "1e3",
// "Infinity") is refused, never read as something else.
import { L, type Localized } from "../core/lang";

export type NumberInput =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "invalid"; readonly message: Localized };

export const INPUT_MESSAGES = {
  notNumber: L(
    "请输入数字，例如 1500、1,500、53% 或 46万。",
    "Enter a number, e.g. 1500, 1,500, 53% or 46万.",
  ),
  grouping: L(
    "逗号只能用作千位分隔符，例如 1,500 或 12,000。",
    "Use commas only between groups of three digits, e.g. 1,500 or 12,000.",
  ),
  empty: L("请输入数字。", "Enter a number."),
} as const;

/** Units a dealer writes after a number, as powers of ten: 53% = 0.53, 46万 = 460 000, 1.2亿 = 120 000 000. */
const SUFFIX_POWER: Readonly<Record<string, number>> = {
  "%": -2,
  万: 4,
  萬: 4,
  万元: 4,
  亿: 8,
  億: 8,
  亿元: 8,
  元: 0,
};

// After NFKC: an optional currency sign (before or after the sign), digits with an optional decimal
// part, an optional unit. Letters of any kind (x, e, b, o, "Infinity") never match.
const SHAPE =
  /^([¥$€£])?\s*([+-])?\s*([¥$€£])?\s*(\d[\d,]*(?:\.\d*)?|\.\d+)\s*(%|万元|亿元|万|萬|亿|億|元)?$/u;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Moves the decimal point of a plain digit string ("12.5", 4 → "125000"), so 0.07万 is exactly 700. */
function shiftDecimal(digits: string, places: number): string {
  const [whole, fraction = ""] = digits.split(".");
  const all = whole + fraction;
  const point = whole.length + places;
  if (point <= 0) return `0.${"0".repeat(-point)}${all}`;
  if (point >= all.length) return all + "0".repeat(point - all.length);
  return `${all.slice(0, point)}.${all.slice(point)}`;
}

/**
 * Reads a typed number. Empty (or only spaces) is "empty", for the caller to decide (an optional form
 * field stays unset; a command-line flag needs a value). Full-width digits and punctuation are read as
 * their ASCII forms; commas must group thousands; one currency sign (¥ $ € £) may lead and 元 may
 * follow; % divides by 100; 万 and 亿 multiply by 10⁴ and 10⁸.
 */
export function parseNumber(input: string | number | undefined | null): NumberInput {
  if (typeof input === "number")
    return Number.isFinite(input)
      ? { kind: "number", value: input }
      : { kind: "invalid", message: INPUT_MESSAGES.notNumber };
  // NFKC turns "１５００" into "1500", "，" into ",", "％" into "%", "￥" into "¥" and the ideographic
  // space into a plain one; the minus sign U+2212 has no compatibility form and is mapped by hand.
  const text = (input ?? "")
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  if (text === "") return { kind: "empty" };
  const m = SHAPE.exec(text);
  if (!m || (m[1] && m[3])) return { kind: "invalid", message: INPUT_MESSAGES.notNumber };
  const [, before, sign, after, body, suffix] = m;
  if ((before || after) && suffix === "%") return { kind: "invalid", message: INPUT_MESSAGES.notNumber };
  if (body.includes(",") && !GROUPED.test(body)) return { kind: "invalid", message: INPUT_MESSAGES.grouping };
  const digits = body.replace(/,/g, "");
  const magnitude = Number(shiftDecimal(digits, suffix ? SUFFIX_POWER[suffix] : 0));
  if (!Number.isFinite(magnitude)) return { kind: "invalid", message: INPUT_MESSAGES.notNumber };
  // -0 reads as 0: nobody means negative zero.
  return { kind: "number", value: sign === "-" && magnitude !== 0 ? -magnitude : magnitude };
}
