/**
 * The pure half of "Prepare for sharing": decides, for one formula cell, whether it calls a DEALER
 * function and, if so, the native formulas that replace it (for a spilled result: one formula per
 * spilled cell) or that it must be frozen to its current value, and why. Both the .xlsx path
 * (src/share/xlsx.ts) and the Office.js path (src/workbook/office-share.ts) call this, so they agree.
 * Finding DEALER calls is in plan-calls.ts, the shapes and the rewriting in plan-rewrite.ts.
 */
import { parseFormula, type Node } from "../core/formula";
import { containsDealerCall, dealerCallId, mayCallDealer } from "./plan-calls";
import { unwrap } from "./plan-args";
import { Planner, type NameResolver } from "./plan-rewrite";
import { Freeze, type CellFormula, type FreezeReason, type Shape } from "./planning";

export type { CellFormula, FreezeReason, Shape } from "./planning";
export { containsDealerCall, dealerCallsIn, mayCallDealer } from "./plan-calls";
export { MAX_SPILL_CELLS, type NameResolver } from "./plan-rewrite";

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

export type RewriteReason = "scalar" | "spillPerCell";

export type CellPlan =
  | { readonly kind: "none" }
  | { readonly kind: "rewrite"; readonly reason: RewriteReason; readonly cells: readonly CellFormula[] }
  | { readonly kind: "freeze"; readonly reason: FreezeReason; readonly detail?: string };

/** Excel's limits on a formula: 8,192 characters and 64 nested function levels. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;

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
