/**
 * An Excel formula tokenizer that loses nothing: every character of the input lands in exactly one
 * token (whitespace is kept as the `ws` prefix of the token after it), so joining the tokens gives
 * the input back byte for byte. Formulas come as stored in files (no leading "=") or as typed
 * ("=..."); both work.
 */
export type TokenType =
  | "eq" // the leading "=" of a typed formula
  | "number"
  | "string"
  | "bool"
  | "error"
  | "ref" // a cell, an area, whole columns or rows, optionally sheet-qualified
  | "name" // a defined name, table reference or other identifier (optionally sheet-qualified)
  | "func" // a function name; the "(" is the next token
  | "open"
  | "close"
  | "comma"
  | "semicolon" // row separator inside array constants
  | "lbrace"
  | "rbrace"
  | "op" // + - * / ^ & = <> < > <= >= :
  | "percent"
  | "unknown"
  | "eof";

export interface Token {
  readonly type: TokenType;
  /** The token's own text, exactly as in the input. */
  readonly text: string;
  /** Whitespace that came right before the token, exactly as in the input. */
  readonly ws: string;
  /** For refs and names: the sheet prefix including the "!" (e.g. "'My sheet'!"), else "". */
  readonly sheet?: string;
}

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const WS = /[ \t\r\n\u00a0]/;
// Characters that may appear in an unquoted identifier (names, functions, unquoted sheet names).
const IDENT_START = /[A-Za-z_\\\u0080-\uffff]/;
const IDENT_CHAR = /[A-Za-z0-9_.\\?\u0080-\uffff]/;

// Sticky patterns (matched at lastIndex) so tokenizing never copies the rest of the formula.
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]{1,7}`;
const REF_PATTERNS: readonly RegExp[] = [
  new RegExp(`${CELL}:${CELL}`, "y"),
  new RegExp(String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`, "y"),
  new RegExp(String.raw`\$?[0-9]{1,7}:\$?[0-9]{1,7}`, "y"),
  new RegExp(CELL, "y"),
];
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;

function matchAt(re: RegExp, s: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(s)?.[0];
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && IDENT_CHAR.test(c);
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let ws = "";
  const n = formula.length;
  const push = (type: TokenType, text: string, sheet?: string): void => {
    tokens.push(sheet === undefined ? { type, text, ws } : { type, text, ws, sheet });
    i += text.length;
    ws = "";
  };

  if (formula.startsWith("=")) push("eq", "=");

  while (i < n) {
    const c = formula[i];
    if (WS.test(c)) {
      ws += c;
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else {
            j++;
            break;
          }
        } else j++;
      }
      push("string", formula.slice(i, j));
      continue;
    }
    if (c === "#") {
      const err = ERROR_LITERALS.find((e) => formula.substr(i, e.length).toUpperCase() === e);
      if (err) {
        push("error", formula.substr(i, err.length));
        continue;
      }
      push("unknown", c);
      continue;
    }
    if (c === "'" || c === "[" || IDENT_START.test(c) || c === "$" || /[0-9.]/.test(c)) {
      const ref = readReference(formula, i);
      if (ref) {
        push(ref.type, ref.text, ref.sheet);
        continue;
      }
      const num = /[0-9.]/.test(c) ? matchAt(NUMBER, formula, i) : undefined;
      if (num) {
        push("number", num);
        continue;
      }
      if (c === "'") {
        push("unknown", c);
        continue;
      }
    }
    switch (c) {
      case "(":
        push("open", c);
        continue;
      case ")":
        push("close", c);
        continue;
      case ",":
        push("comma", c);
        continue;
      case ";":
        push("semicolon", c);
        continue;
      case "{":
        push("lbrace", c);
        continue;
      case "}":
        push("rbrace", c);
        continue;
      case "%":
        push("percent", c);
        continue;
      case "<":
        push("op", formula.startsWith("<>", i) ? "<>" : formula.startsWith("<=", i) ? "<=" : "<");
        continue;
      case ">":
        push("op", formula.startsWith(">=", i) ? ">=" : ">");
        continue;
      case "+":
      case "-":
      case "*":
      case "/":
      case "^":
      case "&":
      case "=":
      case ":":
        push("op", c);
        continue;
      default:
        push("unknown", c);
    }
  }
  tokens.push({ type: "eof", text: "", ws });
  return tokens;
}

interface RefMatch {
  type: "ref" | "name" | "func" | "bool" | "error";
  text: string;
  sheet?: string;
}

/** Reads an optional sheet prefix and a reference, name, function name or boolean at `start`. */
function readReference(s: string, start: number): RefMatch | undefined {
  let i = start;
  let sheet = "";
  // Sheet prefix: 'quoted name'! , [1]Sheet! , Sheet1! , Sheet1:Sheet3!
  if (s[i] === "'") {
    let j = i + 1;
    for (;;) {
      if (j >= s.length) return undefined;
      if (s[j] === "'") {
        if (s[j + 1] === "'") j += 2;
        else break;
      } else j++;
    }
    if (s[j + 1] !== "!") return undefined;
    sheet = s.slice(i, j + 2);
    i = j + 2;
  } else {
    let j = i;
    if (s[j] === "[") {
      const close = s.indexOf("]", j);
      if (close < 0) return undefined;
      j = close + 1;
    }
    while (j < s.length && (isIdentChar(s[j]) || s[j] === ":")) j++;
    if (s[j] === "!" && j > i) {
      sheet = s.slice(i, j + 1);
      i = j + 1;
    }
  }
  if (sheet && s.startsWith("#REF!", i)) return { type: "error", text: sheet + "#REF!", sheet };
  for (const pattern of REF_PATTERNS) {
    const m = matchAt(pattern, s, i);
    if (m !== undefined) {
      const after = s[i + m.length];
      if (!isIdentChar(after) && after !== "(" && after !== "[")
        return { type: "ref", text: sheet + m, sheet };
    }
  }
  if (!IDENT_START.test(s[i] ?? "") && !(sheet === "" && s[i] === "[")) return undefined;
  let j = i;
  while (j < s.length && isIdentChar(s[j])) j++;
  // Structured references: Table1[Column], Table1[[#This Row],[Column]]
  if (s[j] === "[") {
    let depth = 0;
    for (; j < s.length; j++) {
      if (s[j] === "[") depth++;
      else if (s[j] === "]") {
        depth--;
        if (depth === 0) {
          j++;
          break;
        }
      }
    }
  }
  if (j === i) return undefined;
  const word = s.slice(i, j);
  if (!sheet && s[j] === "(") return { type: "func", text: word };
  if (!sheet && /^(TRUE|FALSE)$/i.test(word)) return { type: "bool", text: word };
  return { type: "name", text: sheet + word, sheet };
}
