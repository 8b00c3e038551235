import type { Token } from "./tokenize";

/**
 * A concrete syntax tree: every node keeps its tokens (with the whitespace before them), so
 * printing a parsed formula gives back the input byte for byte, and a rewrite that replaces one
 * node leaves the rest of the formula exactly as the user wrote it.
 */
export type Node =
  | { readonly kind: "leaf"; readonly token: Token } // number, string, bool, error, ref, name
  | { readonly kind: "missing" } // an omitted argument: F(1,,2)
  | {
      readonly kind: "call";
      readonly name: Token;
      readonly open: Token;
      readonly args: readonly Node[];
      readonly seps: readonly Token[];
      readonly close: Token;
    }
  | { readonly kind: "paren"; readonly open: Token; readonly inner: Node; readonly close: Token }
  | { readonly kind: "unary"; readonly op: Token; readonly operand: Node }
  | { readonly kind: "postfix"; readonly operand: Node; readonly op: Token }
  | { readonly kind: "binary"; readonly left: Node; readonly op: Token | null; readonly right: Node }
  | {
      readonly kind: "array";
      readonly open: Token;
      readonly items: readonly Node[];
      readonly seps: readonly Token[];
      readonly close: Token;
    }
  // Text spliced in by a rewrite, printed as is.
  | { readonly kind: "raw"; readonly text: string };

export interface Formula {
  readonly eq: Token | null;
  readonly body: Node;
  readonly eof: Token;
}
