// Shows a number as a cell with an Excel number format code shows it ("0.0%" → 53.0%, '"¥"#,##0' →
// ¥460,000, "yyyy-mm-dd" → 2026-03-01), so evidence read from a plan reads as the sheet does. The
// common codes are covered: digit placeholders 0 # ?, thousands separators and scaling commas, %,
// decimals, quoted and escaped literals, [$¥-804] currency tags, colours, up to four sections, E+
// exponents and dates. Anything else (conditions, fractions, elapsed time, AM/PM) falls back to
// General rather than to a wrong reading.
import type { Lang } from "./lang";
import { serialToMs } from "./dates";

type Token = { readonly literal: string } | { readonly code: string };

/** Splits a format code at the semicolons that are not inside quotes or escaped. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      cur += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" && i + 1 < code.length) {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const COLOUR = /^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i;

/** Literals ("…", \x, [$¥-804]) apart from the code characters; colours and padding dropped; null when unsupported. */
function tokens(section: string): Token[] | null {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return null;
      out.push({ literal: section.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      out.push({ literal: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_" || ch === "*") {
      i++; // padding to the width of the next character, or a fill: nothing to show in text
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      if (end < 0) return null;
      const inner = section.slice(i + 1, end);
      const currency = /^\$([^-]*)(?:-[0-9A-Fa-f]+)?$/.exec(inner);
      if (currency) out.push({ literal: currency[1] });
      else if (!COLOUR.test(inner)) return null; // conditions ([>=100]) and elapsed time ([h])
      i = end;
    } else if (ch === "/" && /[0#?]/.test(section.slice(0, i))) {
      return null; // a fraction (# ?/?)
    } else out.push({ code: ch });
  }
  return out;
}

const codeOf = (t: Token | undefined): string => (t && "code" in t ? t.code : "");
const textOf = (ts: readonly Token[]): string =>
  ts.map((t) => ("literal" in t ? t.literal : t.code)).join("");

/** Rounds half away from zero at `digits` decimals, on the decimal the number prints as (1.005 → 1.01). */
function roundTo(x: number, digits: number): number {
  const r = Math.round(Number(`${Math.abs(x)}e${digits}`));
  return Math.sign(x) * Number(`${r}e-${digits}`);
}

function separators(lang: Lang): { readonly group: string; readonly decimal: string } {
  const parts = new Intl.NumberFormat(lang).formatToParts(1234.5);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

/** Excel's General, near enough: whole numbers as they are, ten significant digits, E+ beyond 11 digits. */
function general(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const text =
    abs >= 1e11 || (abs !== 0 && abs < 1e-9)
      ? value.toExponential(5).replace(/\.?0+e/, "e")
      : Number.isInteger(value)
        ? String(value)
        : String(Number(value.toPrecision(10)));
  // Excel writes the exponent with at least two digits: 1.5E+11, 1E-10.
  const excel = text.replace(
    /e([+-])(\d+)$/,
    (_, sign: string, digits: string) => `E${sign}${digits.padStart(2, "0")}`,
  );
  return excel.replace(".", separators(lang).decimal);
}

function formatDigits(value: number, toks: readonly Token[], lang: Lang): string | null {
  const first = toks.findIndex((t) => /^[0#?]$/.test(codeOf(t)));
  if (first < 0) return null;
  let end = first;
  while (end < toks.length && /^[0#?.,]$/.test(codeOf(toks[end]))) end++;
  const bodyEnd = end;
  let exponent: { readonly sign: string; readonly digits: number } | null = null;
  if (/^[eE]$/.test(codeOf(toks[end])) && /^[+-]$/.test(codeOf(toks[end + 1]))) {
    let k = end + 2;
    while (/^[0#?]$/.test(codeOf(toks[k]))) k++;
    exponent = { sign: codeOf(toks[end + 1]), digits: k - end - 2 };
    end = k;
  }
  // Placeholders split by literals ('0" "000') are beyond what is supported.
  if (toks.slice(end).some((t) => /^[0#?]$/.test(codeOf(t)))) return null;

  const body = toks.slice(first, bodyEnd).map(codeOf).join("");
  const scaling = /,+$/.exec(body)?.[0].length ?? 0;
  const [intCode, fracCode] = body.slice(0, body.length - scaling).split(".");
  const decimals = (fracCode ?? "").replace(/[^0#?]/g, "").length;
  const minDecimals = (fracCode ?? "").replace(/[^0]/g, "").length;
  const minInt = intCode.replace(/[^0]/g, "").length;
  const percent = toks.filter((t) => codeOf(t) === "%").length;

  let x = (Math.abs(value) * 100 ** percent) / 1000 ** scaling;
  let power = 0;
  if (exponent && x !== 0) {
    power = Math.floor(Math.log10(x));
    x = roundTo(x / 10 ** power, decimals);
    if (x >= 10) {
      x = roundTo(x / 10, decimals);
      power++;
    }
  } else x = roundTo(x, decimals);

  const sep = separators(lang);
  const fixed = x.toFixed(decimals).split(".");
  let whole = fixed[0];
  let fraction = fixed[1] ?? "";
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  if (whole === "0" && minInt === 0) whole = "";
  whole = whole.padStart(minInt, "0");
  if (intCode.includes(",")) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  let number = fracCode === undefined ? whole : `${whole}${sep.decimal}${fraction}`;
  if (exponent) {
    const digits = String(Math.abs(power)).padStart(exponent.digits, "0");
    number += `E${power < 0 ? "-" : exponent.sign === "+" ? "+" : ""}${digits}`;
  }
  return `${textOf(toks.slice(0, first))}${number}${textOf(toks.slice(end))}`;
}

function formatDate(value: number, toks: readonly Token[]): string | null {
  const d = new Date(serialToMs(value));
  if (Number.isNaN(d.getTime()) || /AM\/PM|A\/P/i.test(textOf(toks))) return null;
  // Runs of the same date letter (yyyy, mm, d), literals between them.
  const runs: { code?: string; literal?: string }[] = [];
  for (const t of toks) {
    const prev = runs[runs.length - 1];
    if ("literal" in t) runs.push({ literal: t.literal });
    else if (prev?.code && /[ymdhs]/i.test(t.code) && prev.code[0].toLowerCase() === t.code.toLowerCase())
      prev.code += t.code;
    else runs.push({ code: t.code });
  }
  const pad = (n: number, wide: boolean) => (wide ? String(n).padStart(2, "0") : String(n));
  const letters = runs.map((r) => (r.code ?? "")[0]?.toLowerCase() ?? "");
  return runs
    .map((r, i) => {
      if (r.literal !== undefined) return r.literal;
      const code = r.code ?? "";
      const wide = code.length >= 2;
      switch (letters[i]) {
        case "y":
          return code.length <= 2 ? pad(d.getUTCFullYear() % 100, true) : String(d.getUTCFullYear());
        case "m": {
          // "m" right after hours or right before seconds is minutes, the way Excel reads it.
          const before = letters
            .slice(0, i)
            .reverse()
            .find((l) => /[ymdhs]/.test(l));
          const after = letters.slice(i + 1).find((l) => /[ymdhs]/.test(l));
          const minutes = before === "h" || after === "s";
          return minutes ? pad(d.getUTCMinutes(), wide) : pad(d.getUTCMonth() + 1, wide);
        }
        case "d":
          return pad(d.getUTCDate(), wide);
        case "h":
          return pad(d.getUTCHours(), wide);
        case "s":
          return pad(d.getUTCSeconds(), wide);
        default:
          return code;
      }
    })
    .join("");
}

/**
 * The text a cell with this number format shows for `value`: General when there is no format or the
 * code is beyond what is supported. Thousands and decimal separators are the language's.
 */
export function formatNumber(value: number, format: string | undefined, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  const code = (format ?? "").trim();
  if (code === "" || /^general$/i.test(code) || code === "@") return general(value, lang);
  const parts = sections(code);
  // Sections: positive; negative; zero; text. A negative section shows the absolute value (its own
  // "-" or parentheses are literals in it); with one section, negatives get a minus sign in front.
  const index = value < 0 && parts.length >= 2 ? 1 : value === 0 && parts.length >= 3 ? 2 : 0;
  const toks = tokens(parts[index]);
  if (!toks) return general(value, lang);
  const letters = toks.map(codeOf).join("");
  const isDate = /[yd]/i.test(letters) || (/[mhs]/i.test(letters) && !/[0#?]/.test(letters));
  // A section of literals only (the zero section of '#,##0;-#,##0;"-"') shows them as they are.
  const literalOnly = !isDate && !/[0#?]/.test(letters);
  const text = literalOnly
    ? textOf(toks)
    : isDate
      ? formatDate(value, toks)
      : formatDigits(value, toks, lang);
  if (text === null) return general(value, lang);
  return value < 0 && index === 0 && !isDate && /[1-9]/.test(text) ? `-${text}` : text;
}
