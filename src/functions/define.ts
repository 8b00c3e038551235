/**
 * The shape of a function descriptor (src/functions/defs/<name>.ts): everything about one DEALER
 * function except its JSDoc, which stays in functions.ts as the contract the metadata plugin reads
 * (a test keeps the two in agreement). From the descriptors come the wrappers' semantics, the zh-CN
 * metadata, the error messages' argument labels, the help pages, the share planner's rewrites and
 * the tests' lists of functions.
 */
import type { Lang, Localized } from "../core/lang";
import { arg, guardAll, type Arg } from "../share/native";
import { Freeze, SCALAR, isScalar, type CallContext, type NativeSpec, type Shape } from "../share/planning";
import { elementwise, type Coercion, type ElementwiseSpec, type Result, type Value } from "./compute";

/**
 * What an argument holds. Each kind is read as a number or as TRUE/FALSE by the wrapper and guarded
 * the same way in the native formula; the domain checks (not negative, a rate in (0, 1]) are the
 * core's.
 */
export type ArgKind =
  | "amount" // money, not negative
  | "count" // people or vehicles, not negative
  | "rate" // above 0% and at most 100%
  | "margin" // above 0% and at most 100%
  | "value" // any number, negative too
  | "stage" // a stage number
  | "periods" // a whole number ≥ 1
  | "logical" // TRUE or FALSE
  | "counts" // a row, a column or a block of counts
  | "rates" // a row or a column of rates
  | "series"; // a row, a column or a block of values over periods

export interface ArgDef {
  /** The parameter name: the JSDoc's, the en-US label in messages. */
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** The zh-CN parameter name Excel shows, also the zh-CN label in messages. */
  readonly zh: string;
  /** What Excel shows for the parameter; en-US equals the JSDoc @param text. */
  readonly description: Localized;
}

export interface FunctionDef {
  readonly id: string;
  /** The exported name of its wrapper in functions.ts (the metadata plugin's association). */
  readonly fn: string;
  /** The zh-CN function name (DEALER.<name> in a Chinese Excel). */
  readonly zhName: string;
  /** What Excel shows for the function; en-US equals the JSDoc description. */
  readonly description: Localized;
  readonly args: readonly ArgDef[];
  /** What each result cell holds besides errors: numbers, or TRUE/FALSE (TREND_ALERT). */
  readonly returns?: "logical";
  /** The spreadsheet semantics on what Excel passes (ranges as 2-D arrays, omitted as undefined). */
  readonly compute: (...args: unknown[]) => Result;
  /**
   * The result's size from the arguments' (null where omitted), as the wrapper lays it out;
   * undefined when it cannot be known.
   */
  readonly shape: (args: readonly (Shape | null)[]) => Shape | undefined;
  readonly native: NativeSpec;
}

const LOGICAL_KINDS: readonly ArgKind[] = ["logical"];
const coercionOf = (a: ArgDef): Coercion => (LOGICAL_KINDS.includes(a.kind) ? "logical" : "number");

/** The label of an argument of this function in a language, for error messages. */
export function labelOf(def: FunctionDef, argument: string, lang: Lang): string | undefined {
  const a = def.args.find((x) => x.name === argument);
  return a === undefined ? undefined : lang === "zh-CN" ? a.zh : a.name;
}

/** Same-shape ranges combine element by element; single cells broadcast (else: not known). */
export function broadcastResult(args: readonly (Shape | null)[]): Shape | undefined {
  const ranges = args.filter((s): s is Shape => s !== null && !isScalar(s));
  if (ranges.length === 0) return SCALAR;
  const first = ranges[0];
  return ranges.every((s) => s.rows === first.rows && s.cols === first.cols) ? first : undefined;
}

export interface ElementwiseDef {
  readonly id: string;
  readonly fn: string;
  readonly zhName: string;
  readonly description: Localized;
  readonly args: readonly (ArgDef & { readonly fallback?: number })[];
  /** The validated core, arguments as numbers (a logical as 1 or 0). */
  readonly core: (...xs: number[]) => Value;
  /**
   * The native formula of one element from its arguments (type-checked already; an omitted one is
   * its fallback as a literal): the domain checks and the arithmetic.
   */
  readonly body: (args: readonly Arg[]) => string;
  /**
   * The body's first step reads every argument that is not a literal (its #NUM! checks): an error
   * there surfaces as itself, so the last argument, when it is a rewritten DEALER call (a number or
   * one of the four errors), needs no type guard of its own. That guard would repeat the whole
   * nested formula twice more, which is what pushes nested calls over Excel's 8,192 characters.
   */
  readonly checksEveryArgument?: boolean;
}

/** The native formula of one element: the type guards of each argument in order, then the body. */
function elementFormula(def: ElementwiseDef, args: readonly (Arg | undefined)[]): string {
  const full = def.args.map((a, k) => {
    const given = args[k];
    if (given) return given;
    if (a.fallback === undefined) throw new Error(`${def.id}: ${a.name} is required`);
    return arg(String(a.fallback), a.fallback);
  });
  const logical = def.args.map((a) => coercionOf(a) === "logical");
  const body = def.body(full);
  let last = full.length - 1;
  while (last >= 0 && full[last].literal !== undefined) last--;
  if (def.checksEveryArgument && last >= 0 && full[last].numberOrError) {
    return guardAll(full.slice(0, last), body, logical);
  }
  return guardAll(full, body, logical);
}

/** A function that applies its core element by element (EVENT_PROFIT, ROI, CONTROL_STATUS …). */
export function defineElementwise(def: ElementwiseDef): FunctionDef {
  const spec: ElementwiseSpec = {
    core: def.core as ElementwiseSpec["core"],
    names: def.args.map((a) => a.name),
    coercions: def.args.map(coercionOf),
    fallbacks: def.args.map((a) => a.fallback),
  };
  const n = def.args.length;
  const argsOf = (ctx: CallContext, pick: (k: number) => Arg): (Arg | undefined)[] =>
    def.args.map((a, k) => {
      if (ctx.given(k)) return pick(k);
      // A missing required argument: the custom function reports it; freezing keeps its value.
      if (a.fallback === undefined) throw new Freeze("unknownShape", `argument ${k + 1}`);
      return undefined;
    });
  return {
    id: def.id,
    fn: def.fn,
    zhName: def.zhName,
    description: def.description,
    args: def.args,
    compute: (a, b, c, d, e) => elementwise(spec, a, b, c, d, e),
    shape: (shapes) => broadcastResult(shapes.slice(0, n)),
    native: {
      scalar: (ctx) =>
        elementFormula(
          def,
          argsOf(ctx, (k) => ctx.scalar(k)),
        ),
      cells: (ctx, shape) =>
        Array.from({ length: shape.rows }, (_, i) =>
          Array.from({ length: shape.cols }, (_, j) =>
            elementFormula(
              def,
              argsOf(ctx, (k) => ctx.element(k, i + 1, j + 1)),
            ),
          ),
        ),
    },
  };
}
