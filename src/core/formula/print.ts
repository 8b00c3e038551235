import type { Formula, Node } from "./ast";
import type { Token } from "./tokenize";

const tok = (t: Token): string => t.ws + t.text;

export function printNode(node: Node): string {
  switch (node.kind) {
    case "leaf":
      return tok(node.token);
    case "missing":
      return "";
    case "raw":
      return node.text;
    case "call": {
      let out = tok(node.name) + tok(node.open);
      node.args.forEach((arg, i) => {
        out += printNode(arg);
        if (i < node.seps.length) out += tok(node.seps[i]);
      });
      return out + tok(node.close);
    }
    case "paren":
      return tok(node.open) + printNode(node.inner) + tok(node.close);
    case "unary":
      return tok(node.op) + printNode(node.operand);
    case "postfix":
      return printNode(node.operand) + tok(node.op);
    case "binary":
      return printNode(node.left) + (node.op ? tok(node.op) : "") + printNode(node.right);
    case "array": {
      let out = tok(node.open);
      node.items.forEach((item, i) => {
        out += printNode(item);
        if (i < node.seps.length) out += tok(node.seps[i]);
      });
      return out + tok(node.close);
    }
  }
}

export function printFormula(f: Formula): string {
  return (f.eq ? tok(f.eq) : "") + printNode(f.body) + tok(f.eof);
}

/** Text of a node without the whitespace in front of its first token (for splicing into new formulas). */
export function printTrimmed(node: Node): string {
  return printNode(node).replace(/^[ \t\r\n\u00a0]+/, "");
}
