/**
 * The pure half of "Prepare for sharing": decides, for one formula cell, whether it calls a DEALER
 * function and, if so, the native formulas that replace it (for a spilled result: one formula per
 * spilled cell) or that it must be frozen to its current value, and why. Both the .xlsx path
 * (src/share/xlsx.ts) and the Office.js path (src/workbook/office-share.ts) call this, so they agree.
 */
import { parseFormula, printNode, parseRef, formatCell, type Node, type RefInfo } from "../core/formula";
import { dealerIdOf, type DealerId } from "./dealerNames";
import * as native from "./native";
import type { Arg } from "./native";

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

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
export type FreezeReason =
  | "rangeArgument"
  | "arrayResult"
  | "unknownShape"
  | "volatile"
  | "tooLong"
  | "unparsable"
  | "spillMismatch"
  | "arrayFormula"
  | "tooLarge";

export interface CellFormula {
  readonly row: number;
  readonly col: number;
  /** Native formula, without the leading "=". */
  readonly formula: string;
}

export type CellPlan =
  | { readonly kind: "none" }
  | { readonly kind: "rewrite"; readonly reason: RewriteReason; readonly cells: readonly CellFormula[] }
  | { readonly kind: "freeze"; readonly reason: FreezeReason; readonly detail?: string };

/** Excel's limits on a formula: 8,192 characters and 64 nested function levels. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;
/** Above this many cells a spilled result is frozen rather than rewritten cell by cell. */
export const MAX_SPILL_CELLS = 100000;

class Freeze extends Error {
  constructor(
    readonly reason: FreezeReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

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

function unwrap(node: Node): Node {
  return node.kind === "paren" ? unwrap(node.inner) : node;
}

function arrayShape(node: Extract<Node, { kind: "array" }>): Shape {
  const rows = node.seps.filter((s) => s.type === "semicolon").length + 1;
  return { rows, cols: node.items.length / rows };
}

const SCALAR: Shape = { rows: 1, cols: 1 };
const isScalar = (s: Shape | undefined): boolean => s !== undefined && s.rows === 1 && s.cols === 1;
const refShape = (r: RefInfo): Shape => ({ rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });

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

  private dealerShape(id: DealerId, args: readonly Node[]): Shape | undefined {
    const shapes = args.map((a) => (a.kind === "missing" ? SCALAR : this.shapeOf(a)));
    if (shapes.some((s) => s === undefined)) return undefined;
    const known = shapes as Shape[];
    switch (id) {
      case "FUNNEL_RATE": {
        const counts = known[0];
        if (!counts) return undefined;
        const staged = args.length >= 3 && args[1].kind !== "missing" && args[2].kind !== "missing";
        const multi = counts.rows > 1 && counts.cols > 1;
        if (staged) return multi ? { rows: counts.rows, cols: 1 } : SCALAR;
        if (multi) return { rows: counts.rows, cols: counts.cols - 1 };
        return counts.rows === 1 ? { rows: 1, cols: counts.cols - 1 } : { rows: counts.rows - 1, cols: 1 };
      }
      case "FUNNEL_TARGETS": {
        const rates = known[1];
        if (!rates) return undefined;
        // As the wrapper lays it out: a row (also a single cell) gives a row, a column a column,
        // a block one row of stages per series.
        return rates.cols === 1 && rates.rows > 1
          ? { rows: rates.rows + 1, cols: 1 }
          : { rows: rates.rows, cols: rates.cols + 1 };
      }
      default: {
        const ranges = known.filter((s) => !isScalar(s));
        if (ranges.length === 0) return SCALAR;
        const first = ranges[0];
        return ranges.every((s) => s.rows === first.rows && s.cols === first.cols) ? first : undefined;
      }
    }
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
    if (inner.kind === "call" && dealerCallId(inner)) return { text, numberOrError: true };
    if (inner.kind === "call" || node.kind === "paren") return native.arg(text);
    return native.arg(`(${text})`);
  }

  private scalarCall(id: DealerId, argNodes: readonly Node[]): string {
    const given = (i: number): Node | undefined => {
      const a = argNodes[i];
      return a === undefined || a.kind === "missing" ? undefined : a;
    };
    const req = (i: number): Arg => {
      const a = given(i);
      // A missing required argument: the custom function would report it; freezing keeps its value.
      if (!a) throw new Freeze("unknownShape", `argument ${i + 1}`);
      return this.scalarArg(a);
    };
    switch (id) {
      case "ROI": {
        const m = given(2);
        return native.roi(req(0), req(1), m ? this.scalarArg(m) : undefined);
      }
      case "COST_PER_SALE":
        return native.costPerSale(req(0), req(1));
      case "BREAKEVEN_ATTENDEES":
        return native.breakevenAttendees(req(0), req(1), req(2), req(3));
      case "BREAKEVEN_BUYERS":
        return native.breakevenBuyers(req(0), req(1), req(2), req(3));
      case "FUNNEL_RATE": {
        const counts = given(0);
        const shape = counts ? this.shapeOf(counts) : undefined;
        if (!counts || !shape) throw new Freeze("unknownShape", counts ? printNode(counts).trim() : "counts");
        if (!given(1) || !given(2) || (shape.rows > 1 && shape.cols > 1)) throw new Freeze("arrayResult");
        const series = this.series(counts, shape, 1);
        return native.cumulativeRate(series.n, req(1), req(2), series.at);
      }
      case "FUNNEL_TARGETS":
        throw new Freeze("arrayResult");
    }
  }

  /** Static element (i, j) (1-based) of a range-like argument. */
  element(node: Node, shape: Shape, i: number, j: number): Arg {
    if (isScalar(shape)) return this.scalarArg(node);
    const inner = unwrap(node);
    if (inner.kind === "leaf" && inner.token.type === "ref") {
      const r = parseRef(inner.token.text, inner.token.sheet ?? "");
      if (r) return native.arg(r.prefix + formatCell(r.top + i - 1, r.left + j - 1));
    }
    if (inner.kind === "leaf" && inner.token.type === "name") {
      return native.arg(`INDEX(${inner.token.text.trim()},${i},${j})`);
    }
    if (inner.kind === "array") {
      const item = inner.items[(i - 1) * shape.cols + (j - 1)];
      const text = printNode(item).trim();
      const lit = Number(text);
      return /^[-+]?[0-9.]/.test(text) && Number.isFinite(lit)
        ? native.arg(text.startsWith("-") ? `(${text})` : text, lit)
        : native.arg(text);
    }
    throw new Freeze("unknownShape", printNode(node).trim());
  }

  /**
   * Series `index` (1-based) of FUNNEL_RATE's counts: a row or column is one series, a block holds
   * one series per row with the stages across. `at(stage)` gives the count at a stage number that is
   * only known when the sheet computes (the stage arguments), through INDEX.
   */
  series(node: Node, shape: Shape, index: number): { n: number; at: (stage: string) => Arg } {
    const inner = unwrap(node);
    const multi = shape.rows > 1 && shape.cols > 1;
    const byColumn = !multi && shape.cols === 1 && shape.rows > 1;
    const n = multi || !byColumn ? shape.cols : shape.rows;
    let base: string;
    if (inner.kind === "leaf" && inner.token.type === "ref") {
      const r = parseRef(inner.token.text, inner.token.sheet ?? "");
      if (!r) throw new Freeze("unknownShape", inner.token.text);
      const row = r.top + index - 1;
      base = multi
        ? `${r.prefix}${formatCell(row, r.left)}:${formatCell(row, r.right)}`
        : inner.token.text.trim();
      return {
        n,
        // A stage given as a plain number names its cell outright; a computed one goes through INDEX.
        at: (s) =>
          /^[1-9][0-9]*$/.test(s)
            ? native.arg(
                r.prefix +
                  formatCell(
                    byColumn ? r.top + Number(s) - 1 : row,
                    byColumn ? r.left : r.left + Number(s) - 1,
                  ),
              )
            : native.arg(byColumn ? `INDEX(${base},${s},1)` : `INDEX(${base},1,${s})`),
      };
    }
    if ((inner.kind === "leaf" && inner.token.type === "name") || inner.kind === "array") {
      base = printNode(inner).trim();
      return {
        n,
        at: (s) =>
          native.arg(
            multi
              ? `INDEX(${base},${index},${s})`
              : byColumn
                ? `INDEX(${base},${s},1)`
                : `INDEX(${base},1,${s})`,
          ),
      };
    }
    throw new Freeze("unknownShape", printNode(node).trim());
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
    const given = (k: number): Node | undefined => {
      const a = argNodes[k];
      return a === undefined || a.kind === "missing" ? undefined : a;
    };
    const cells: CellFormula[] = [];
    const put = (i: number, j: number, formula: string): void => {
      cells.push({ row: anchorRow + i - 1, col: anchorCol + j - 1, formula });
    };
    switch (id) {
      case "FUNNEL_RATE": {
        const counts = given(0);
        const cShape = counts ? this.shapeOf(counts) : undefined;
        if (!counts || !cShape) throw new Freeze("unknownShape");
        const multi = cShape.rows > 1 && cShape.cols > 1;
        if (given(1) && given(2)) {
          const from = this.scalarArg(given(1) as Node);
          const to = this.scalarArg(given(2) as Node);
          for (let i = 1; i <= shape.rows; i++) {
            const s = this.series(counts, cShape, i);
            put(i, 1, native.cumulativeRate(s.n, from, to, s.at));
          }
          break;
        }
        if (given(1) || given(2)) throw new Freeze("unknownShape", "from_stage/to_stage");
        if (Math.max(cShape.rows, cShape.cols) < 2) throw new Freeze("unknownShape", "counts");
        for (let i = 1; i <= shape.rows; i++) {
          for (let j = 1; j <= shape.cols; j++) {
            // Element (i, j) divides count k+1 by count k of its series.
            const [a, b] =
              multi || cShape.rows === 1
                ? [this.element(counts, cShape, i, j), this.element(counts, cShape, i, j + 1)]
                : [this.element(counts, cShape, i, j), this.element(counts, cShape, i + 1, j)];
            put(i, j, native.ratio(a, b));
          }
        }
        break;
      }
      case "FUNNEL_TARGETS": {
        const targetNode = given(0);
        const ratesNode = given(1);
        if (!targetNode || !ratesNode) throw new Freeze("unknownShape");
        const target = this.scalarArg(targetNode);
        const rShape = this.shapeOf(ratesNode);
        if (!rShape) throw new Freeze("unknownShape");
        const down = rShape.cols === 1 && rShape.rows > 1;
        const n = down ? rShape.rows : rShape.cols;
        const seriesCount = down ? 1 : rShape.rows;
        // Stage k of series s sits at (s, k) across, or (k, 1) down the column.
        const pos = (s: number, k: number): [number, number] => (down ? [k, 1] : [s, k]);
        const rate = (s: number, k: number): Arg =>
          down ? this.element(ratesNode, rShape, k, 1) : this.element(ratesNode, rShape, s, k);
        for (let s = 1; s <= seriesCount; s++) {
          const last = pos(s, n + 1);
          put(last[0], last[1], native.funnelTargetLast(target));
          for (let k = n; k >= 1; k--) {
            const [ni, nj] = pos(s, k + 1);
            const next = formatCell(anchorRow + ni - 1, anchorCol + nj - 1);
            const [i, j] = pos(s, k);
            put(i, j, native.funnelTargetStep(next, rate(s, k)));
          }
        }
        cells.sort((x, y) => x.row - y.row || x.col - y.col);
        break;
      }
      default: {
        const shapes = argNodes.map((a) => (a.kind === "missing" ? SCALAR : (this.shapeOf(a) ?? SCALAR)));
        for (let i = 1; i <= shape.rows; i++) {
          for (let j = 1; j <= shape.cols; j++) {
            const el = (k: number): Arg | undefined => {
              const a = given(k);
              return a ? this.element(a, shapes[k], i, j) : undefined;
            };
            const need = (k: number): Arg => {
              const a = el(k);
              if (!a) throw new Freeze("unknownShape", `argument ${k + 1}`);
              return a;
            };
            const formula =
              id === "ROI"
                ? native.roi(need(0), need(1), el(2))
                : id === "COST_PER_SALE"
                  ? native.costPerSale(need(0), need(1))
                  : id === "BREAKEVEN_ATTENDEES"
                    ? native.breakevenAttendees(need(0), need(1), need(2), need(3))
                    : native.breakevenBuyers(need(0), need(1), need(2), need(3));
            put(i, j, formula);
          }
        }
      }
    }
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
