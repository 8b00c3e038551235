/**
 * The planner's working half: the Planner class, which works out the shape of each part of a parsed
 * formula and rewrites its DEALER calls to native formulas through the descriptors' emitters (one
 * value, or one formula per cell of a spilled result), throwing Freeze where it cannot. planCell
 * (plan.ts) drives it.
 */
import { printNode, parseRef, formatCell, type Node, type RefInfo } from "../core/formula";
import { functionDef } from "../functions/registry";
import type { DealerId } from "./dealerNames";
import * as native from "./native";
import type { Arg } from "./native";
import { dealerCallId } from "./plan-calls";
import { elementArg, rangeArg, refShape, seriesArg, unwrap } from "./plan-args";
import {
  Freeze,
  SCALAR,
  isScalar,
  type CallContext,
  type CellFormula,
  type RangeRef,
  type Shape,
} from "./planning";

/** What a defined name refers to, when it is a plain reference; undefined when unknown. */
export type NameResolver = (name: string) => RefInfo | undefined;

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

function arrayShape(node: Extract<Node, { kind: "array" }>): Shape {
  const rows = node.seps.filter((s) => s.type === "semicolon").length + 1;
  return { rows, cols: node.items.length / rows };
}

export class Planner {
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
