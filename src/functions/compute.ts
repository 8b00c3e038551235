import {
  breakevenAttendees,
  breakevenBuyers,
  costPerSale,
  cumulativeRate,
  domainError,
  funnelTargetsByStage,
  isDomainError,
  roi,
  stepRates,
  type DomainError,
} from "../core";
import { at, broadcastShape, coerceGrid, isOmitted, type Grid, type NamedGrid, type Num } from "./coerce";

/**
 * The spreadsheet semantics of each function (ranges, broadcasting, orientation, per-element
 * errors) on plain values and domain errors. A result is a grid whose elements may be errors,
 * or one DomainError for the whole call (e.g. mismatched shapes).
 */
export type Result = Grid<Num> | DomainError;

export interface Arg {
  readonly value: unknown;
  readonly argument: string;
  /** Used when the argument is omitted; without it an omitted argument is blank (#N/A). */
  readonly fallback?: number;
}

type Core = (a: number, b: number, c: number, d: number) => Num;

function elementwise(args: readonly Arg[], core: Core): Result {
  const named: NamedGrid[] = [];
  for (const arg of args) {
    const grid =
      arg.fallback !== undefined && isOmitted(arg.value)
        ? [[arg.fallback]]
        : coerceGrid(arg.value, arg.argument);
    if (isDomainError(grid)) return grid;
    named.push({ grid, argument: arg.argument });
  }
  const shape = broadcastShape(named);
  if (isDomainError(shape)) return shape;
  const n = named.length;
  const values: number[] = [0, 0, 0, 0];
  const out: Grid<Num> = new Array<Num[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: Num[] = new Array<Num>(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      let bad: DomainError | undefined;
      for (let i = 0; i < n; i++) {
        const x = at(named[i].grid, r, c);
        if (typeof x === "number") values[i] = x;
        else {
          bad = x;
          break;
        }
      }
      row[c] = bad ?? core(values[0], values[1], values[2], values[3]);
    }
    out[r] = row;
  }
  return out;
}

export function breakevenAttendeesGrid(F: unknown, v: unknown, m: unknown, r: unknown): Result {
  return elementwise(
    [
      { value: F, argument: "fixed_cost" },
      { value: v, argument: "variable_cost_per_attendee" },
      { value: m, argument: "margin_per_buyer" },
      { value: r, argument: "conversion_rate" },
    ],
    breakevenAttendees,
  );
}

export function breakevenBuyersGrid(F: unknown, v: unknown, m: unknown, a: unknown): Result {
  return elementwise(
    [
      { value: F, argument: "fixed_cost" },
      { value: v, argument: "variable_cost_per_attendee" },
      { value: m, argument: "margin_per_buyer" },
      { value: a, argument: "attendees" },
    ],
    breakevenBuyers,
  );
}

export function roiGrid(revenue: unknown, cost: unknown, margin: unknown): Result {
  return elementwise(
    [
      { value: revenue, argument: "revenue" },
      { value: cost, argument: "cost" },
      { value: margin, argument: "margin", fallback: 1 },
    ],
    (a, b, c) => roi(a, b, c),
  );
}

export function costPerSaleGrid(cost: unknown, vehicles: unknown): Result {
  return elementwise(
    [
      { value: cost, argument: "cost" },
      { value: vehicles, argument: "vehicles_sold" },
    ],
    (a, b) => costPerSale(a, b),
  );
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

export function funnelRateGrid(counts: unknown, fromStage?: unknown, toStage?: unknown): Result {
  const grid = coerceGrid(counts, "counts");
  if (isDomainError(grid)) return grid;
  const orientation = orientationOf(grid);
  if (grid.length * grid[0].length < 2) return domainError("tooFewStages", "counts");
  const series = seriesOf(grid, orientation);

  const noFrom = isOmitted(fromStage);
  const noTo = isOmitted(toStage);
  if (noFrom && noTo)
    return layOut(
      series.map((s) => stepRates(s)),
      orientation,
    );
  if (noFrom !== noTo) return domainError("missingStage", noFrom ? "from_stage" : "to_stage");

  // One rate per series: a single value for a row or column, a column of them for a block.
  const from = coerceGrid(fromStage, "from_stage");
  if (isDomainError(from)) return from;
  const to = coerceGrid(toStage, "to_stage");
  if (isDomainError(to)) return to;
  const shape = broadcastShape(
    [
      { grid: from, argument: "from_stage" },
      { grid: to, argument: "to_stage" },
    ],
    { rows: series.length, cols: 1 },
  );
  if (isDomainError(shape)) return shape;
  if (shape.rows !== series.length || shape.cols !== 1) return domainError("shapeMismatch", "from_stage");
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
  const shape = broadcastShape([{ grid: targets, argument: "target" }], { rows: series.length, cols: 1 });
  if (isDomainError(shape)) return shape;
  if (shape.rows !== series.length || shape.cols !== 1) return domainError("shapeMismatch", "target");
  return layOut(
    series.map((s, i) => funnelTargetsByStage(at(targets, i, 0), s)),
    orientation,
  );
}
