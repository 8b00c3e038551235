import { unquoteSheet } from "../a1";
import { tokenize, type Token } from "./tokenize";

function normal(t: Token): string {
  switch (t.type) {
    case "number":
      return `n:${Number(t.text)}`;
    case "string":
      return `s:${t.text}`;
    case "ref":
    case "name": {
      // 'Sheet1'!A1 and Sheet1!A1 are the same reference; Excel drops quotes it does not need.
      const sheet = t.sheet ?? "";
      const bare = sheet.startsWith("'") ? unquoteSheet(sheet.slice(0, -1)) + "!" : sheet;
      return `${t.type}:${(bare + t.text.slice(sheet.length)).toUpperCase()}`;
    }
    case "eq":
      return "";
    default:
      return `${t.type}:${t.text.toUpperCase()}`;
  }
}

/**
 * Whether two formulas are the same up to what Excel changes when it stores or shows one:
 * whitespace, letter case, the leading "=", number spelling (1E-9 vs 0.000000001) and sheet quotes.
 */
export function sameFormula(a: string, b: string): boolean {
  const x = tokenize(a).map(normal).filter(Boolean);
  const y = tokenize(b).map(normal).filter(Boolean);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
