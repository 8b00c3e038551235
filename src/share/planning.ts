/**
 * What the share planner (plan.ts) and the functions' native emitters (src/functions/defs/*) share:
 * the shapes, the reasons a call is frozen, and the view of one DEALER call an emitter works from.
 * Kept apart from plan.ts so the descriptors can import it without importing the planner, which
 * imports them.
 */
import type { Arg } from "./native";

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export const SCALAR: Shape = { rows: 1, cols: 1 };

export const isScalar = (s: Shape | null | undefined): boolean =>
  s !== undefined && s !== null && s.rows === 1 && s.cols === 1;

export type FreezeReason =
  | "rangeArgument"
  | "arrayResult"
  | "unknownShape"
  | "volatile"
  | "tooLong"
  | "unparsable"
  | "spillMismatch"
  | "arrayFormula"
  | "tooLarge"
  | "needsRange";

/** Thrown by the planner and the emitters: this call keeps its current value instead. */
export class Freeze extends Error {
  constructor(
    readonly reason: FreezeReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

export interface CellFormula {
  readonly row: number;
  readonly col: number;
  /** Native formula, without the leading "=". */
  readonly formula: string;
}

/**
 * A range argument as cells a classic formula can name: the reference itself (for COLUMN, INDEX,
 * COUNTIFS), its rows and columns as references, and single cells. For a defined name the parts
 * go through INDEX, which returns references in Excel and LibreOffice alike.
 */
export interface RangeRef {
  readonly shape: Shape;
  readonly text: string;
  /** Cell (i, j), 1-based, as a reference. */
  cell(i: number, j: number): string;
  row(i: number): RangeRef;
  column(j: number): RangeRef;
}

/**
 * One DEALER call as an emitter sees it. Argument k is undefined where it was omitted; shapes are
 * known (the planner freezes calls with an argument of unknown size before asking).
 */
export interface CallContext {
  readonly shapes: readonly (Shape | undefined)[];
  given(k: number): boolean;
  /** Argument k as a single value (throws Freeze for a range or a computed array). */
  scalar(k: number): Arg;
  /** Element (i, j) (1-based) of argument k; a single value stands for every element. */
  element(k: number, i: number, j: number): Arg;
  /** Argument k as a cell range (throws Freeze "needsRange" for an array constant or computed range). */
  range(k: number): RangeRef;
  /** Series `index` of FUNNEL_RATE-like counts: its count at a stage known only when the sheet computes. */
  series(k: number, index: number): { n: number; at: (stage: string) => Arg };
  /** Address of result cell (i, j) (1-based, relative to the anchor), for cells that chain. */
  cell(i: number, j: number): string;
}

/** The part of a descriptor that rewrites its calls as classic formulas for sharing. */
export interface NativeSpec {
  /** The formula of a call that gives one value; absent: such a call is frozen (arrayResult). */
  readonly scalar?: (ctx: CallContext) => string;
  /** The formula of each cell of a spilled result of the given shape; absent: frozen. */
  readonly cells?: (ctx: CallContext, shape: Shape) => string[][];
}
