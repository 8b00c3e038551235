/**
 * The pure half of "Prepare for sharing": decides, for one formula cell, whether it calls a DEALER
 * function and, if so, the native formulas that replace it (for a spilled result: one formula per
 * spilled cell) or that it must be frozen to its current value, and why. Both the .xlsx path
 * (src/share/xlsx.ts) and the Office.js path (src/workbook/office-share.ts) call this, so they agree.
 */
import { parseFormula, printNode, parseRef, formatCell, type Node, type RefInfo } from "../core/formula";
import { functionDef } from "../functions/registry";
import { dealerIdOf, type DealerId } from "./dealerNames";
import * as native from "./native";
import type { Arg } from "./native";
import { elementArg, rangeArg, refShape, seriesArg, unwrap } from "./plan-args";
import {
  Freeze,
  SCALAR,
  isScalar,
  type CallContext,
  type CellFormula,
  type FreezeReason,
  type RangeRef,
  type Shape,
} from "./planning";

export type { CellFormula, FreezeReason, Shape } from "./planning";

export interface FormulaCellInput {
  readonly sheet: string;
  /** 1-based row and column of the cell (the anchor, for a spilled or array formula). */
  readonly row: number;
  readonly col: number;
  /** The formula as stored in a file: no leading "=" (a leading "=" is tolerated). */
  readonly formula: string;
  /** For the anchor of an array formula or a spilled result: the size of the whole range. */
  readonly spill?: Shape;
}

/** What a defined name refers to, when it is a plain reference; undefined when unknown. */
export type NameResolver = (name: string) => RefInfo | undefined;

export type RewriteReason = "scalar" | "spillPerCell";

export type CellPlan =
  | { readonly kind: "none" }
  | { readonly kind: "rewrite"; readonly reason: RewriteReason; readonly cells: readonly CellFormula[] }
  | { readonly kind: "freeze"; readonly reason: FreezeReason; readonly detail?: string };

/** Excel's limits on a formula: 8,192 characters and 64 nested function levels. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;
/** Above this many cells a spilled result is frozen rather than rewritten cell by cell. */
export const MAX_SPILL_CELLS = 100000;

const AGGREGATES = new Set(
  (
    "SUM SUMPRODUCT SUMSQ AVERAGE AVERAGEA MIN MINA MAX MAXA COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS SUMIF " +
    "SUMIFS AVERAGEIF AVERAGEIFS PRODUCT MEDIAN LARGE SMALL MATCH VLOOKUP HLOOKUP ROWS COLUMNS STDEV STDEVP " +
    "VAR VARP NPV AND OR MODE PERCENTILE QUARTILE RANK CORREL"
  ).split(" "),
);
// Functions that can return a range or an array even from single-value arguments.
const MAY_RETURN_RANGE = new Set(
  (
    "OFFSET INDIRECT SEQUENCE RANDARRAY MUNIT ANCHORARRAY FILTER SORT SORTBY UNIQUE VSTACK HSTACK TOCOL TOROW " +
    "EXPAND WRAPROWS WRAPCOLS TAKE DROP CHOOSECOLS CHOOSEROWS TEXTSPLIT MAKEARRAY"
  ).split(" "),
);
const VOLATILE = /^(_xlfn\.)?(RAND|RANDBETWEEN|RANDARRAY)$/i;

/** Quick test before parsing: every spelling of our calls contains "dealer". */
export function mayCallDealer(formula: string): boolean {
  return /dealer/i.test(formula);
}

function dealerCallId(node: Node): DealerId | undefined {
  return node.kind === "call" ? dealerIdOf(node.name.text) : undefined;
}

export function containsDealerCall(node: Node): boolean {
  switch (node.kind) {
    case "call":
      return dealerCallId(node) !== undefined || node.args.some(containsDealerCall);
    case "paren":
      return containsDealerCall(node.inner);
    case "unary":
    case "postfix":
      return containsDealerCall(node.operand);
    case "binary":
      return containsDealerCall(node.left) || containsDealerCall(node.right);
    default:
      return false;
  }
}

/** Lists the DEALER function ids a formula calls (empty when none, or when it does not parse). */
export function dealerCallsIn(formula: string): DealerId[] {
  if (!mayCallDealer(formula)) return [];
  const out: DealerId[] = [];
  const walk = (node: Node): void => {
    if (node.kind === "call") {
      const id = dealerIdOf(node.name.text);
      if (id) out.push(id);
      node.args.forEach(walk);
    } else if (node.kind === "paren") walk(node.inner);
    else if (node.kind === "unary" || node.kind === "postfix") walk(node.operand);
    else if (node.kind === "binary") {
      walk(node.left);
      walk(node.right);
    }
  };
  try {
    walk(parseFormula(formula).body);
  } catch {
    return [];
  }
  return out;
}

function arrayShape(node: Extract<Node, { kind: "array" }>): Shape {
  const rows = node.seps.filter((s) => s.type === "semicolon").length + 1;
  return { rows, cols: node.items.length / rows };
}

class Planner {
  constructor(private readonly resolveName: NameResolver) {}

  shapeOf(node: Node): Shape | undefined {
    switch (node.kind) {
      case "leaf": {
        const t = node.token;
        if (t.type === "ref") {
          const r = parseRef(t.text, t.sheet ?? "");
          return r ? refShape(r) : undefined;
        }
        if (t.type === "name") {
          const r = this.resolveName(t.text);
          return r ? refShape(r) : undefined;
        }
        return SCALAR;
      }
      case "array":
        return arrayShape(node);
      case "paren":
        return this.shapeOf(node.inner);
      case "unary":
      case "postfix":
        return isScalar(this.shapeOf(node.operand)) ? SCALAR : undefined;
      case "binary":
        if (node.op === null || node.op.text === ":") return undefined;
        return isScalar(this.shapeOf(node.left)) && isScalar(this.shapeOf(node.right)) ? SCALAR : undefined;
      case "call": {
        const id = dealerCallId(node);
        if (id) return this.dealerShape(id, node.args);
        const name = node.name.text.replace(/^_xlfn\.(_xlws\.)?/i, "").toUpperCase();
        if (AGGREGATES.has(name)) return SCALAR;
        if (MAY_RETURN_RANGE.has(name)) return undefined;
        // INDEX gives a whole row or column for a 0 or omitted index: one cell only for literal indexes.
        if (name === "INDEX") {
          const literalIndexes =
            node.args.length >= 2 && node.args.slice(1).every((a) => isNonZeroLiteral(a));
          return literalIndexes ? SCALAR : undefined;
        }
        return node.args.every((a) => a.kind === "missing" || isScalar(this.shapeOf(a))) ? SCALAR : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The arguments' shapes as the descriptor sees them: null where omitted, undefined if unknown. */
  private argShapes(id: DealerId, args: readonly Node[]): (Shape | null | undefined)[] {
    const n = Math.max(functionDef(id).args.length, args.length);
    return Array.from({ length: n }, (_, k) => {
      const a = args[k];
      return a === undefined || a.kind === "missing" ? null : this.shapeOf(a);
    });
  }

  private dealerShape(id: DealerId, args: readonly Node[]): Shape | undefined {
    const shapes = this.argShapes(id, args);
    if (shapes.some((s) => s === undefined) || args.length > functionDef(id).args.length) return undefined;
    return functionDef(id).shape(shapes as (Shape | null)[]);
  }

  /** Rewrites every DEALER call of a formula that must give one value; throws Freeze otherwise. */
  rewriteScalar(node: Node): string {
    switch (node.kind) {
      case "leaf":
      case "missing":
      case "raw":
        return printNode(node);
      case "call": {
        const id = dealerCallId(node);
        if (id) return node.name.ws + this.scalarCall(id, node.args);
        let out = node.name.ws + node.name.text + tokText(node.open);
        node.args.forEach((a, i) => {
          out += this.rewriteScalar(a);
          if (i < node.seps.length) out += tokText(node.seps[i]);
        });
        return out + tokText(node.close);
      }
      case "paren":
        return tokText(node.open) + this.rewriteScalar(node.inner) + tokText(node.close);
      case "unary":
        return tokText(node.op) + this.rewriteScalar(node.operand);
      case "postfix":
        return this.rewriteScalar(node.operand) + tokText(node.op);
      case "binary":
        return (
          this.rewriteScalar(node.left) + (node.op ? tokText(node.op) : "") + this.rewriteScalar(node.right)
        );
      case "array":
        return printNode(node);
    }
  }

  /** An argument that must be a single value, as native text. */
  private scalarArg(node: Node): Arg {
    const shape = this.shapeOf(node);
    if (shape === undefined) throw new Freeze("unknownShape", printNode(node).trim());
    if (!isScalar(shape)) throw new Freeze("rangeArgument", printNode(node).trim());
    return this.toArg(node, this.rewriteScalar(node).trim());
  }

  private toArg(node: Node, text: string): Arg {
    if (hasVolatile(node)) throw new Freeze("volatile", text);
    const inner = unwrap(node);
    if (inner.kind === "leaf") {
      const t = inner.token;
      return t.type === "number" ? native.arg(text, Number(t.text)) : native.arg(text);
    }
    if (inner.kind === "unary" && unwrap(inner.operand).kind === "leaf") {
      const leaf = unwrap(inner.operand);
      if (leaf.kind === "leaf" && leaf.token.type === "number") {
        const v = Number(leaf.token.text);
        return native.arg(`(${text})`, inner.op.text === "-" ? -v : v);
      }
    }
    const id = inner.kind === "call" ? dealerCallId(inner) : undefined;
    // A rewritten DEALER call gives a number or one of the four errors (TRUE/FALSE for TREND_ALERT).
    if (id && functionDef(id).returns !== "logical") return { text, numberOrError: true };
    if (inner.kind === "call" || node.kind === "paren") return native.arg(text);
    return native.arg(`(${text})`);
  }

  /** The view of one call the descriptor's emitter works from; `anchor` for a spilled result. */
  private context(
    id: DealerId,
    argNodes: readonly Node[],
    anchor?: { row: number; col: number },
  ): CallContext {
    const shapes = this.argShapes(id, argNodes).map((s) => s ?? undefined);
    const node = (k: number): Node => {
      const a = argNodes[k];
      // A missing required argument: the custom function would report it; freezing keeps its value.
      if (a === undefined || a.kind === "missing") throw new Freeze("unknownShape", `argument ${k + 1}`);
      return a;
    };
    const shape = (k: number): Shape => {
      const s = shapes[k];
      if (!s) throw new Freeze("unknownShape", printNode(node(k)).trim());
      return s;
    };
    return {
      shapes,
      given: (k) => argNodes[k] !== undefined && argNodes[k].kind !== "missing",
      scalar: (k) => this.scalarArg(node(k)),
      element: (k, i, j) => this.element(node(k), shape(k), i, j),
      range: (k) => this.range(node(k), shape(k)),
      series: (k, index) => this.series(node(k), shape(k), index),
      cell: (i, j) => {
        if (!anchor) throw new Freeze("arrayResult");
        return formatCell(anchor.row + i - 1, anchor.col + j - 1);
      },
    };
  }

  private scalarCall(id: DealerId, argNodes: readonly Node[]): string {
    if (argNodes.length > functionDef(id).args.length) throw new Freeze("unknownShape", "arguments");
    const scalar = functionDef(id).native.scalar;
    // Several values inside a larger formula: no classic equivalent without dynamic arrays.
    if (!scalar) throw new Freeze("arrayResult");
    return scalar(this.context(id, argNodes));
  }

  element(node: Node, shape: Shape, i: number, j: number): Arg {
    return isScalar(shape) ? this.scalarArg(node) : elementArg(node, shape, i, j);
  }

  range(node: Node, shape: Shape): RangeRef {
    return rangeArg(node, shape);
  }

  series(node: Node, shape: Shape, index: number): { n: number; at: (stage: string) => Arg } {
    return seriesArg(node, shape, index);
  }

  /** One formula per cell of a spilled DEALER result. */
  perCell(
    id: DealerId,
    argNodes: readonly Node[],
    anchorRow: number,
    anchorCol: number,
    spill: Shape,
  ): CellFormula[] {
    const shape = this.dealerShape(id, argNodes);
    if (!shape) throw new Freeze("unknownShape");
    if (shape.rows !== spill.rows || shape.cols !== spill.cols) {
      throw new Freeze("spillMismatch", `${shape.rows}×${shape.cols} ≠ ${spill.rows}×${spill.cols}`);
    }
    if (shape.rows * shape.cols > MAX_SPILL_CELLS) throw new Freeze("tooLarge");
    const cellsOf = functionDef(id).native.cells;
    if (!cellsOf) throw new Freeze("arrayResult");
    const grid = cellsOf(this.context(id, argNodes, { row: anchorRow, col: anchorCol }), shape);
    const cells: CellFormula[] = [];
    grid.forEach((row, i) =>
      row.forEach((formula, j) => cells.push({ row: anchorRow + i, col: anchorCol + j, formula })),
    );
    if (cells.length !== shape.rows * shape.cols)
      throw new Error(`${id}: ${cells.length} cells for ${shape.rows}×${shape.cols}`);
    return cells;
  }
}

function isNonZeroLiteral(node: Node): boolean {
  const n = unwrap(node);
  return n.kind === "leaf" && n.token.type === "number" && Number(n.token.text) !== 0;
}

function tokText(t: { ws: string; text: string }): string {
  return t.ws + t.text;
}

function hasVolatile(node: Node): boolean {
  switch (node.kind) {
    case "call":
      return VOLATILE.test(node.name.text) || node.args.some(hasVolatile);
    case "paren":
      return hasVolatile(node.inner);
    case "unary":
    case "postfix":
      return hasVolatile(node.operand);
    case "binary":
      return hasVolatile(node.left) || hasVolatile(node.right);
    default:
      return false;
  }
}

/** Deepest nesting of parentheses (function levels) in a formula, outside text and sheet names. */
export function nestingDepth(formula: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      const close = formula.indexOf(c, i + 1);
      i = close < 0 ? formula.length : close; // a doubled quote just reopens: same effect on depth
    } else if (c === "(") max = Math.max(max, ++depth);
    else if (c === ")") depth--;
  }
  return max;
}

function checkLimits(formula: string): void {
  if (formula.length + 1 > MAX_FORMULA_LENGTH) throw new Freeze("tooLong", `${formula.length + 1}`);
  const depth = nestingDepth(formula);
  if (depth > MAX_NESTING) throw new Freeze("tooLong", `nesting ${depth}`);
}

/** Decides what "Prepare for sharing" does with one formula cell. */
export function planCell(input: FormulaCellInput, resolveName: NameResolver = () => undefined): CellPlan {
  if (!mayCallDealer(input.formula)) return { kind: "none" };
  const text = input.formula.startsWith("=") ? input.formula.slice(1) : input.formula;
  let body: Node;
  try {
    body = parseFormula(text).body;
  } catch {
    // Not understood: freeze only what plainly names one of our functions, leave the rest alone.
    return /(_xldudf_)?dealer[._][^(]*\(/i.test(text)
      ? { kind: "freeze", reason: "unparsable" }
      : { kind: "none" };
  }
  if (!containsDealerCall(body)) return { kind: "none" };
  const planner = new Planner(resolveName);
  try {
    const spill = input.spill;
    if (spill && (spill.rows > 1 || spill.cols > 1)) {
      const top = unwrap(body);
      const id = dealerCallId(top);
      if (!id || top.kind !== "call") return { kind: "freeze", reason: "arrayFormula" };
      const cells = planner.perCell(id, top.args, input.row, input.col, spill);
      cells.forEach((c) => checkLimits(c.formula));
      return { kind: "rewrite", reason: "spillPerCell", cells };
    }
    const formula = planner.rewriteScalar(body).replace(/^[ \t\r\n]+/, "");
    checkLimits(formula);
    return { kind: "rewrite", reason: "scalar", cells: [{ row: input.row, col: input.col, formula }] };
  } catch (e) {
    if (e instanceof Freeze) {
      return e.detail === undefined
        ? { kind: "freeze", reason: e.reason }
        : { kind: "freeze", reason: e.reason, detail: e.detail };
    }
    throw e;
  }
}
