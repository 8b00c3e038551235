import type { Formula, Node } from "./ast";
import { tokenize, type Token } from "./tokenize";

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

// Excel's precedence, loosest first. Unary minus binds tighter than ^ (-2^2 = 4) and % tighter still.
const BINARY: Readonly<Record<string, number>> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
  ":": 9,
};
const UNARY_POWER = 6;
const PERCENT_POWER = 7;
const INTERSECT_POWER = 8;

const OPERAND_START = new Set(["number", "string", "bool", "error", "ref", "name", "func", "open", "lbrace"]);

/** Parses a formula (with or without the leading "="); throws FormulaSyntaxError on bad syntax. */
export function parseFormula(text: string): Formula {
  const tokens = tokenize(text);
  let pos = 0;
  let offset = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    offset += t.ws.length + t.text.length;
    return t;
  };
  const fail = (message: string): never => {
    throw new FormulaSyntaxError(message, offset);
  };
  const expect = (type: Token["type"]): Token => (peek().type === type ? next() : fail(`expected ${type}`));

  let parenDepth = 0;

  function primary(): Node {
    const t = peek();
    switch (t.type) {
      case "number":
      case "string":
      case "bool":
      case "error":
      case "ref":
      case "name":
        return { kind: "leaf", token: next() };
      case "func": {
        const name = next();
        const open = expect("open");
        const args: Node[] = [];
        const seps: Token[] = [];
        const saved = parenDepth;
        parenDepth = 0; // commas inside a call separate arguments, not union operands
        if (peek().type === "close") {
          const close = next();
          parenDepth = saved;
          return { kind: "call", name, open, args, seps, close };
        }
        for (;;) {
          const k = peek().type;
          args.push(k === "comma" || k === "close" ? { kind: "missing" } : expression(0));
          if (peek().type === "comma") seps.push(next());
          else break;
        }
        const close = expect("close");
        parenDepth = saved;
        return { kind: "call", name, open, args, seps, close };
      }
      case "open": {
        const open = next();
        parenDepth++;
        const inner = expression(0);
        parenDepth--;
        const close = expect("close");
        return { kind: "paren", open, inner, close };
      }
      case "lbrace": {
        const open = next();
        const items: Node[] = [];
        const seps: Token[] = [];
        for (;;) {
          items.push(arrayItem());
          const k = peek().type;
          if (k === "comma" || k === "semicolon") seps.push(next());
          else break;
        }
        const close = expect("rbrace");
        return { kind: "array", open, items, seps, close };
      }
      case "op":
        if (t.text === "-" || t.text === "+") {
          const op = next();
          return { kind: "unary", op, operand: expression(UNARY_POWER) };
        }
        return fail(`unexpected operator ${t.text}`);
      default:
        return fail(`unexpected ${t.type} '${t.text}'`);
    }
  }

  function arrayItem(): Node {
    const t = peek();
    if (t.type === "op" && (t.text === "-" || t.text === "+")) {
      const op = next();
      const operand = arrayItem();
      return { kind: "unary", op, operand };
    }
    if (["number", "string", "bool", "error"].includes(t.type)) return { kind: "leaf", token: next() };
    return fail("array constants hold only numbers, text, booleans and errors");
  }

  function expression(minPower: number): Node {
    let left = primary();
    for (;;) {
      const t = peek();
      if (t.type === "percent" && PERCENT_POWER >= minPower) {
        left = { kind: "postfix", operand: left, op: next() };
        continue;
      }
      if (t.type === "op" && BINARY[t.text] !== undefined) {
        const power = BINARY[t.text];
        if (power <= minPower) break; // equal power: left-associative, the caller takes it
        const op = next();
        const right = expression(power);
        left = { kind: "binary", left, op, right };
        continue;
      }
      // Union: (A1,B2) inside parentheses that are not a function's.
      if (t.type === "comma" && parenDepth > 0 && minPower < 1) {
        const op = next();
        const right = expression(1);
        left = { kind: "binary", left, op, right };
        continue;
      }
      // Intersection: a space between two references.
      if (t.ws.length > 0 && OPERAND_START.has(t.type) && INTERSECT_POWER > minPower) {
        const right = expression(INTERSECT_POWER);
        left = { kind: "binary", left, op: null, right };
        continue;
      }
      break;
    }
    return left;
  }

  const eq = peek().type === "eq" ? next() : null;
  const body = expression(0);
  const eof = peek();
  if (eof.type !== "eof") fail(`unexpected ${eof.type} '${eof.text}'`);
  return { eq, body, eof };
}
