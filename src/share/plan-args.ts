/**
 * How the share planner reads the arguments of a DEALER call for a rewrite: single elements of a
 * range, the range itself as references (for COLUMN, INDEX, COUNTIFS), and FUNNEL_RATE's series.
 */
import { formatCell, parseRef, printNode, type Node, type RefInfo } from "../core/formula";
import * as native from "./native";
import type { Arg } from "./native";
import { Freeze, type RangeRef, type Shape } from "./planning";

export function unwrap(node: Node): Node {
  return node.kind === "paren" ? unwrap(node.inner) : node;
}

export const refShape = (r: RefInfo): Shape => ({ rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });

/** A reference token as a RangeRef: rows and columns of it stay references, cells are addresses. */
function refRange(r: RefInfo, text: string): RangeRef {
  const at = (top: number, left: number, bottom: number, right: number): RangeRef => {
    const single = top === bottom && left === right;
    const part: RefInfo = { ...r, top, left, bottom, right, kind: single ? "cell" : "area" };
    return refRange(part, r.prefix + formatCell(top, left) + (single ? "" : ":" + formatCell(bottom, right)));
  };
  return {
    shape: refShape(r),
    text,
    cell: (i, j) => r.prefix + formatCell(r.top + i - 1, r.left + j - 1),
    row: (i) => at(r.top + i - 1, r.left, r.top + i - 1, r.right),
    column: (j) => at(r.top, r.left + j - 1, r.bottom, r.left + j - 1),
  };
}

/** A defined name as a RangeRef: its rows, columns and cells through INDEX (references everywhere). */
function nameRange(name: string, shape: Shape, row = 0, col = 0): RangeRef {
  const rows = row ? 1 : shape.rows;
  const cols = col ? 1 : shape.cols;
  return {
    shape: { rows, cols },
    text: row || col ? `INDEX(${name},${row},${col})` : name,
    cell: (i, j) => `INDEX(${name},${row || i},${col || j})`,
    row: (i) => nameRange(name, shape, row || i, col),
    column: (j) => nameRange(name, shape, row, col || j),
  };
}

/** Static element (i, j) (1-based) of a range-like argument that is not a single value. */
export function elementArg(node: Node, shape: Shape, i: number, j: number): Arg {
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

/** A range argument as references: a cell range or a defined name, never an array or a computed range. */
export function rangeArg(node: Node, shape: Shape): RangeRef {
  const inner = unwrap(node);
  if (inner.kind === "leaf" && inner.token.type === "ref") {
    const r = parseRef(inner.token.text, inner.token.sheet ?? "");
    if (r) return refRange(r, inner.token.text.trim());
  }
  if (inner.kind === "leaf" && inner.token.type === "name") return nameRange(inner.token.text.trim(), shape);
  throw new Freeze("needsRange", printNode(node).trim());
}

/**
 * Series `index` (1-based) of FUNNEL_RATE's counts: a row or column is one series, a block holds
 * one series per row with the stages across. `at(stage)` gives the count at a stage number that is
 * only known when the sheet computes (the stage arguments), through INDEX.
 */
export function seriesArg(
  node: Node,
  shape: Shape,
  index: number,
): { n: number; at: (stage: string) => Arg } {
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
