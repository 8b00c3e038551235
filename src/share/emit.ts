/**
 * The native formulas of the DEALER functions for code that writes sheets (the templates): argument
 * texts in, classic formula text out, through the very planner "Prepare for sharing" uses, so a
 * template's status, trend, spread, profit or attainment cell computes by the same rule as a shared
 * workbook's rewrite and the custom function itself.
 *
 *   nativeFormula("CONTROL_STATUS", ["M9", "$C$25", "$D$25", "$E$25"])
 *   nativeFormula("TREND_ALERT", ["H9:H20"])              // a row or a column: one value
 *   nativeFormula("EVENT_PROFIT", ["B5", "B6", "B7", "B8", "B9"])
 *   nativeSpill("FUNNEL_SPREAD", ["$B$41:$G$48"], "H52")  // 3 rows × 5 steps, anchored at H52
 *
 * Formulas come without the leading "=". Arguments are what the call would hold: cell references,
 * ranges, constants ("15%", "FALSE"), defined names (pass `resolveName` so their size is known), or
 * undefined to omit an optional one. A call that has no native form throws NoNativeForm with the
 * planner's reason (e.g. "needsRange" for an array constant given to TREND_ALERT).
 */
import { parseRef, type RefInfo } from "../core/formula";
import { functionDef, type DealerId } from "../functions/registry";
import { planCell, type NameResolver } from "./plan";
import { SCALAR, type FreezeReason, type Shape } from "./planning";

export class NoNativeForm extends Error {
  constructor(
    readonly id: DealerId,
    readonly reason: FreezeReason,
    readonly detail?: string,
  ) {
    super(`DEALER.${id} has no native form here: ${reason}${detail ? ` (${detail})` : ""}`);
    this.name = "NoNativeForm";
  }
}

function callText(id: DealerId, args: readonly (string | undefined)[]): string {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return `DEALER.${id}(${given.map((a) => a ?? "").join(",")})`;
}

const shapeOfRef = (r: RefInfo): Shape => ({ rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });

/** The size of an argument text: a reference's, a name's, else one value. */
function argShape(text: string | undefined, resolveName: NameResolver): Shape | null {
  if (text === undefined) return null;
  const t = text.trim();
  const bang = t.lastIndexOf("!");
  const ref = bang >= 0 ? parseRef(t, t.slice(0, bang + 1)) : parseRef(t);
  if (ref) return shapeOfRef(ref);
  const named = /^[A-Za-z_\\][\w.]*$/.test(t) && !/^(TRUE|FALSE)$/i.test(t) ? resolveName(t) : undefined;
  return named ? shapeOfRef(named) : SCALAR;
}

function plan(
  id: DealerId,
  args: readonly (string | undefined)[],
  row: number,
  col: number,
  resolveName: NameResolver,
  spill?: Shape,
): string[] {
  const result = planCell(
    { sheet: "", row, col, formula: callText(id, args), ...(spill ? { spill } : {}) },
    resolveName,
  );
  if (result.kind === "freeze") throw new NoNativeForm(id, result.reason, result.detail);
  if (result.kind === "none") throw new Error(`DEALER.${id} was not recognised`);
  return result.cells.map((c) => c.formula);
}

/** The classic formula of a call that gives one value. */
export function nativeFormula(
  id: DealerId,
  args: readonly (string | undefined)[],
  resolveName: NameResolver = () => undefined,
): string {
  return plan(id, args, 1, 1, resolveName)[0];
}

/**
 * The classic formulas of each cell of a spilled result anchored at `anchor` (e.g. "H52"), row by
 * row: cells of one result may read each other (FUNNEL_SPREAD's min and median read its max cell),
 * so they must be written where the anchor says.
 */
export function nativeSpill(
  id: DealerId,
  args: readonly (string | undefined)[],
  anchor: string,
  resolveName: NameResolver = () => undefined,
): string[][] {
  const at = parseRef(anchor);
  if (!at || at.kind !== "cell") throw new Error(`not a cell: ${anchor}`);
  const shape = functionDef(id).shape(args.map((a) => argShape(a, resolveName)));
  if (!shape) throw new NoNativeForm(id, "unknownShape");
  const flat = plan(id, args, at.top, at.left, resolveName, shape);
  return Array.from({ length: shape.rows }, (_, i) => flat.slice(i * shape.cols, (i + 1) * shape.cols));
}

export { TOLERANCE_TEXT } from "../core/tolerance";
/** The core's float-safe ceiling as formula text, for x ≥ 0 (the templates' break-even cells). */
export { ceilSafe as ceilSafeFormula } from "./native";
