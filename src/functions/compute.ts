import { domainError, isDomainError, type DomainError } from "../core/errors";
import {
  at,
  broadcastShape,
  coerceCell,
  coerceGrid,
  coerceLogical,
  coerceLogicalGrid,
  isOmitted,
  type Grid,
  type NamedGrid,
  type Num,
} from "./coerce";

/**
 * The spreadsheet semantics the functions share (ranges, broadcasting, orientation, per-element
 * errors) on plain values and domain errors. A result is a grid whose elements may be errors, or
 * one DomainError for the whole call (e.g. mismatched shapes).
 */
export type Value = number | boolean | DomainError;
export type Result = Grid<Value> | DomainError;

/** How a spreadsheet argument is read: as a number, or as TRUE/FALSE (1 or 0). */
export type Coercion = "number" | "logical";

type Core = (a: number, b: number, c: number, d: number, e: number) => Value;

/** How an element-wise function reads its arguments; built once per function, not per call. */
export interface ElementwiseSpec {
  readonly core: Core;
  readonly names: readonly string[];
  readonly coercions: readonly Coercion[];
  /** Per argument: the value used when it is omitted; undefined means it is required. */
  readonly fallbacks: readonly (number | undefined)[];
}

/** The value in a 1×1 range, or undefined: the common single-cell call skips the grid machinery. */
function singleCell(value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const row: unknown = value[0];
  if (!Array.isArray(row) || row.length !== 1) return undefined;
  return row[0];
}

/** The argument's number when it is one plain cell (or omitted with a fallback), else undefined. */
function fastArg(spec: ElementwiseSpec, k: number, value: unknown): number | undefined {
  if (k >= spec.names.length) return 0;
  const fallback = spec.fallbacks[k];
  if (fallback !== undefined && isOmitted(value)) return fallback;
  const x = singleCell(value);
  if (typeof x === "number") return Number.isFinite(x) ? x : undefined;
  if (typeof x === "boolean" && spec.coercions[k] === "logical") return x ? 1 : 0;
  return undefined;
}

/** Element-wise over up to five arguments: same-shape ranges pair up, single cells broadcast. */
export function elementwise(
  spec: ElementwiseSpec,
  a: unknown,
  b: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
): Result {
  const x0 = fastArg(spec, 0, a);
  const x1 = x0 === undefined ? undefined : fastArg(spec, 1, b);
  const x2 = x1 === undefined ? undefined : fastArg(spec, 2, c);
  const x3 = x2 === undefined ? undefined : fastArg(spec, 3, d);
  const x4 = x3 === undefined ? undefined : fastArg(spec, 4, e);
  if (x0 !== undefined && x1 !== undefined && x2 !== undefined && x3 !== undefined && x4 !== undefined) {
    return [[spec.core(x0, x1, x2, x3, x4)]];
  }
  return elementwiseRanges(spec, [a, b, c, d, e]);
}

function coerceArgument(spec: ElementwiseSpec, k: number, value: unknown): Grid<Num> | DomainError {
  const fallback = spec.fallbacks[k];
  if (fallback !== undefined && isOmitted(value)) return [[fallback]];
  return spec.coercions[k] === "logical"
    ? coerceLogicalGrid(value, spec.names[k])
    : coerceGrid(value, spec.names[k]);
}

function elementwiseRanges(spec: ElementwiseSpec, values: readonly unknown[]): Result {
  const { core, names } = spec;
  const n = names.length;
  const xs = [0, 0, 0, 0, 0];
  const named: NamedGrid[] = [];
  for (let k = 0; k < n; k++) {
    const grid = coerceArgument(spec, k, values[k]);
    if (isDomainError(grid)) return grid;
    named.push({ grid, argument: names[k] });
  }
  const shape = broadcastShape(named);
  if (isDomainError(shape)) return shape;
  const out: Grid<Value> = new Array<Value[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: Value[] = new Array<Value>(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      let bad: DomainError | undefined;
      for (let k = 0; k < n; k++) {
        const x = at(named[k].grid, r, c);
        if (typeof x === "number") xs[k] = x;
        else {
          bad = x;
          break;
        }
      }
      row[c] = bad ?? core(xs[0], xs[1], xs[2], xs[3], xs[4]);
    }
    out[r] = row;
  }
  return out;
}

// ---- Series: a row or a column is one series, a block one series per row.

export type Orientation = "row" | "column" | "block";

export function orientationOf(grid: Grid<unknown>): Orientation {
  if (grid.length === 1) return "row";
  if (grid[0].length === 1) return "column";
  return "block";
}

/** The series of a range: a row, a column, or one series per row of a block. */
export function seriesOf<T>(grid: Grid<T>, orientation: Orientation): T[][] {
  if (orientation === "column") return [grid.map((row) => row[0])];
  return grid;
}

/** Lays per-series results out in the input's orientation: a column in gives a column out. */
export function layOut<T>(results: T[][], orientation: Orientation): Grid<T> {
  if (orientation === "column") return results[0].map((x) => [x]);
  return results;
}

/** A per-series argument: one cell for every series, or a column with one cell per series. */
export function fitsSeries(grid: Grid<unknown>, seriesCount: number): boolean {
  const single = grid.length === 1 && grid[0].length === 1;
  return single || (grid.length === seriesCount && grid[0].length === 1);
}

/**
 * A per-series argument read for `seriesCount` series: omitted → the fallback for all; otherwise a
 * single cell or a column of one per series (anything else → #VALUE! naming it).
 */
export function perSeriesArgument(
  value: unknown,
  argument: string,
  coercion: Coercion,
  seriesCount: number,
  fallback: number,
): Grid<Num> | DomainError {
  if (isOmitted(value)) return [[fallback]];
  const single = singleCell(value);
  if (single !== undefined) {
    return [[coercion === "logical" ? coerceLogical(single, argument) : coerceCell(single, argument)]];
  }
  const grid = coercion === "logical" ? coerceLogicalGrid(value, argument) : coerceGrid(value, argument);
  if (isDomainError(grid)) return grid;
  return fitsSeries(grid, seriesCount) ? grid : domainError("shapeMismatch", argument);
}
