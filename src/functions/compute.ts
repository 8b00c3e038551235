// Straight from the defining modules rather than the core's index: one module hop fewer per call.
import { breakevenAttendees, breakevenBuyers } from "../core/breakeven";
import { costPerSale } from "../core/costPerSale";
import { domainError, isDomainError, type DomainError } from "../core/errors";
import { cumulativeRate, funnelTargetsByStage, stepRates } from "../core/funnel";
import { roi } from "../core/roi";
import { at, broadcastShape, coerceGrid, isOmitted, type Grid, type NamedGrid, type Num } from "./coerce";

/**
 * The spreadsheet semantics of each function (ranges, broadcasting, orientation, per-element
 * errors) on plain values and domain errors. A result is a grid whose elements may be errors,
 * or one DomainError for the whole call (e.g. mismatched shapes).
 */
export type Result = Grid<Num> | DomainError;

type Core = (a: number, b: number, c: number, d: number) => Num;

/** How an element-wise function reads its arguments; built once per function, not per call. */
interface Spec {
  readonly core: Core;
  readonly names: readonly string[];
  /** Per argument: the value used when it is omitted; undefined means it is required. */
  readonly fallbacks: readonly (number | undefined)[];
}

/** The number in a 1×1 range, or undefined: the common single-cell call skips the grid machinery. */
function singleNumber(value: unknown): number | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const row: unknown = value[0];
  if (!Array.isArray(row) || row.length !== 1) return undefined;
  const x: unknown = row[0];
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
}

/** The argument's number when it is one plain cell (or omitted with a fallback), else undefined. */
function fastArg(spec: Spec, k: number, value: unknown): number | undefined {
  if (k >= spec.names.length) return 0;
  const fallback = spec.fallbacks[k];
  return fallback !== undefined && isOmitted(value) ? fallback : singleNumber(value);
}

function elementwise(spec: Spec, a: unknown, b: unknown, c?: unknown, d?: unknown): Result {
  const x0 = fastArg(spec, 0, a);
  const x1 = x0 === undefined ? undefined : fastArg(spec, 1, b);
  const x2 = x1 === undefined ? undefined : fastArg(spec, 2, c);
  const x3 = x2 === undefined ? undefined : fastArg(spec, 3, d);
  if (x0 !== undefined && x1 !== undefined && x2 !== undefined && x3 !== undefined) {
    return [[spec.core(x0, x1, x2, x3)]];
  }
  return elementwiseRanges(spec, [a, b, c, d]);
}

function elementwiseRanges(spec: Spec, values: readonly unknown[]): Result {
  const { core, names, fallbacks } = spec;
  const n = names.length;
  const xs = [0, 0, 0, 0];
  const named: NamedGrid[] = [];
  for (let k = 0; k < n; k++) {
    const fallback = fallbacks[k];
    const grid =
      fallback !== undefined && isOmitted(values[k]) ? [[fallback]] : coerceGrid(values[k], names[k]);
    if (isDomainError(grid)) return grid;
    named.push({ grid, argument: names[k] });
  }
  const shape = broadcastShape(named);
  if (isDomainError(shape)) return shape;
  const out: Grid<Num> = new Array<Num[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: Num[] = new Array<Num>(shape.cols);
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
      row[c] = bad ?? core(xs[0], xs[1], xs[2], xs[3]);
    }
    out[r] = row;
  }
  return out;
}

const EVENT_COSTS = ["fixed_cost", "variable_cost_per_attendee", "margin_per_buyer"];
const BREAKEVEN_ATTENDEES: Spec = {
  core: breakevenAttendees,
  names: [...EVENT_COSTS, "conversion_rate"],
  fallbacks: [undefined, undefined, undefined, undefined],
};
const BREAKEVEN_BUYERS: Spec = {
  core: breakevenBuyers,
  names: [...EVENT_COSTS, "attendees"],
  fallbacks: [undefined, undefined, undefined, undefined],
};
const ROI: Spec = {
  core: (a, b, c) => roi(a, b, c),
  names: ["revenue", "cost", "margin"],
  // An omitted margin is 100%, the source's plain ROI.
  fallbacks: [undefined, undefined, 1],
};
const COST_PER_SALE: Spec = {
  core: (a, b) => costPerSale(a, b),
  names: ["cost", "vehicles_sold"],
  fallbacks: [undefined, undefined],
};

export function breakevenAttendeesGrid(F: unknown, v: unknown, m: unknown, r: unknown): Result {
  return elementwise(BREAKEVEN_ATTENDEES, F, v, m, r);
}

export function breakevenBuyersGrid(F: unknown, v: unknown, m: unknown, a: unknown): Result {
  return elementwise(BREAKEVEN_BUYERS, F, v, m, a);
}

export function roiGrid(revenue: unknown, cost: unknown, margin: unknown): Result {
  return elementwise(ROI, revenue, cost, margin);
}

export function costPerSaleGrid(cost: unknown, vehicles: unknown): Result {
  return elementwise(COST_PER_SALE, cost, vehicles);
}

type Orientation = "row" | "column" | "block";

function orientationOf(grid: Grid<unknown>): Orientation {
  if (grid.length === 1) return "row";
  if (grid[0].length === 1) return "column";
  return "block";
}

/** The series of a range: a row, a column, or one series per row of a block. */
function seriesOf(grid: Grid<Num>, orientation: Orientation): Num[][] {
  if (orientation === "column") return [grid.map((row) => row[0])];
  return grid;
}

/** Lays per-series results out in the input's orientation: a column in gives a column out. */
function layOut(results: Num[][], orientation: Orientation): Grid<Num> {
  if (orientation === "column") return results[0].map((x) => [x]);
  return results;
}

/** A per-series argument: one cell for every series, or a column with one cell per series. */
function fitsSeries(grid: Grid<Num>, seriesCount: number): boolean {
  const single = grid.length === 1 && grid[0].length === 1;
  return single || (grid.length === seriesCount && grid[0].length === 1);
}

export function funnelRateGrid(counts: unknown, fromStage?: unknown, toStage?: unknown): Result {
  const grid = coerceGrid(counts, "counts");
  if (isDomainError(grid)) return grid;
  const orientation = orientationOf(grid);
  if (grid.length * grid[0].length < 2) return domainError("tooFewStages", "counts");
  const series = seriesOf(grid, orientation);

  const noFrom = isOmitted(fromStage);
  const noTo = isOmitted(toStage);
  if (noFrom && noTo) {
    const rates: Num[][] = new Array<Num[]>(series.length);
    for (let i = 0; i < series.length; i++) rates[i] = stepRates(series[i]);
    return layOut(rates, orientation);
  }
  if (noFrom !== noTo) return domainError("missingStage", noFrom ? "from_stage" : "to_stage");

  // One rate per series: a single value for a row or column, a column of them for a block.
  const from = coerceGrid(fromStage, "from_stage");
  if (isDomainError(from)) return from;
  const to = coerceGrid(toStage, "to_stage");
  if (isDomainError(to)) return to;
  if (!fitsSeries(from, series.length)) return domainError("shapeMismatch", "from_stage");
  if (!fitsSeries(to, series.length)) return domainError("shapeMismatch", "to_stage");
  const out: Grid<Num> = new Array<Num[]>(series.length);
  for (let i = 0; i < series.length; i++) {
    const f = at(from, i, 0);
    const t = at(to, i, 0);
    if (typeof f !== "number") out[i] = [f];
    else if (typeof t !== "number") out[i] = [t];
    else out[i] = [cumulativeRate(series[i], f, t)];
  }
  return out;
}

export function funnelTargetsGrid(target: unknown, stepRatesValue: unknown): Result {
  const rates = coerceGrid(stepRatesValue, "step_rates");
  if (isDomainError(rates)) return rates;
  const targets = coerceGrid(target, "target");
  if (isDomainError(targets)) return targets;
  const orientation = orientationOf(rates);
  const series = seriesOf(rates, orientation);
  if (!fitsSeries(targets, series.length)) return domainError("shapeMismatch", "target");
  const stages: Num[][] = new Array<Num[]>(series.length);
  for (let i = 0; i < series.length; i++) stages[i] = funnelTargetsByStage(at(targets, i, 0), series[i]);
  return layOut(stages, orientation);
}
