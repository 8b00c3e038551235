/**
 * The building blocks of the native, classic-function equivalents of the DEALER functions (each
 * function's own formula is in its descriptor, src/functions/defs/*). Every builder takes formula
 * text (a cell, a constant or an already rewritten expression) and returns formula text that gives
 * the core's value for valid input and the core's Excel error for invalid input, in the core's order
 * of checks: first each argument's type (an error in the cell passes through, a blank gives #N/A,
 * text or a boolean #VALUE!), then the domain rules. Only functions of Excel 2007 (IF, IFERROR,
 * ISNUMBER, ISERROR, ERROR.TYPE, CHOOSE, NA, OR, AND, ROUND, INT, MAX, MIN, MEDIAN, INDEX,
 * SUMPRODUCT, COUNTIFS …) are used, so the result computes in Excel 2007+, WPS and LibreOffice
 * alike, without dynamic arrays. IF is lazy in all of them, which keeps INDEX from being evaluated
 * with a stage number that failed its check.
 */
import { TOLERANCE_TEXT } from "../core/tolerance";

/** One argument: its formula text, and its numeric value when it is a plain number literal. */
export interface Arg {
  readonly text: string;
  readonly literal?: number;

  /** Set for the result of a rewritten DEALER call: always a number or one of the four errors. */
  readonly numberOrError?: boolean;
}

export const arg = (text: string, literal?: number): Arg =>
  literal === undefined ? { text } : { text, literal };

/**
 * An argument from formula text as a template writes it ("B5", "$C$25", "15%", "0.5", "-3"):
 * plain number literals are recognised, so their checks are made once, here, not in the sheet.
 */
export function argFromText(text: string): Arg {
  const t = text.trim();
  const m = /^([-+]?)([0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)(%?)$/.exec(t);
  if (!m) return arg(t);
  const value = Number(m[1] + m[2]) / (m[3] ? 100 : 1);
  return arg(m[1] === "-" ? `(${t})` : t, value);
}

export const ERR_NUM = "#NUM!";
export const ERR_VALUE = "#VALUE!";
export const ERR_DIV = "#DIV/0!";

/**
 * The error the custom function passes on for an error in its input: #DIV/0!, #VALUE!, #NUM! and
 * #N/A stay as they are, any other (#REF!, #NAME?, …) becomes #VALUE! (src/functions/coerce.ts).
 * ERROR.TYPE gives 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A; CHOOSE gives
 * #VALUE! itself for anything past 7. LibreOffice's own errors (Err:502 from VALUE("x"), Err:504 …)
 * have no ERROR.TYPE there (it answers #N/A); IFERROR turns that into 3, #VALUE!, which is what
 * Excel's VALUE("x") gives and what LibreOffice writes for Err:502 when it saves an .xlsx.
 */
export function passError(x: string): string {
  return `CHOOSE(IFERROR(ERROR.TYPE(${x}),3),#VALUE!,#DIV/0!,#VALUE!,#VALUE!,#VALUE!,#NUM!,NA())`;
}

/**
 * Falls through to `then` when x is a number; otherwise the error the custom function gives:
 * an error passes on, a blank (or "", which Excel hands a custom function like a blank) gives #N/A,
 * text and logical values #VALUE!. `x=""` is TRUE for an empty cell too, so no ISBLANK is needed.
 */
export function guardNumber(x: Arg, then: string): string {
  if (x.literal !== undefined) return then;
  const t = x.text;
  if (x.numberOrError) return `IF(ISERROR(${t}),${t},${then})`;
  // LibreOffice keeps TRUE/FALSE as numbers (ISNUMBER(TRUE) is TRUE there, FALSE in Excel);
  // ISNUMBER(t)>ISLOGICAL(t) is TRUE for a real number in both and FALSE for a logical in both.
  return `IF(ISNUMBER(${t})>ISLOGICAL(${t}),${then},IF(ISERROR(${t}),${passError(t)},IF(${t}="",NA(),${ERR_VALUE})))`;
}

/**
 * A TRUE/FALSE argument: a logical or a number (0 is FALSE) falls through to `then`, which can use
 * the argument in IF; an error passes on, a blank gives #N/A, text #VALUE! (coerceLogical).
 */
export function guardLogical(x: Arg, then: string): string {
  if (x.literal !== undefined) return then;
  const t = x.text;
  if (x.numberOrError) return `IF(ISERROR(${t}),${t},${then})`;
  return `IF(ISLOGICAL(${t})+ISNUMBER(${t}),${then},IF(ISERROR(${t}),${passError(t)},IF(${t}="",NA(),${ERR_VALUE})))`;
}

/** Type guards of several arguments, in order: the first bad one decides, as in the core. */
export function guardAll(args: readonly Arg[], then: string, logical: readonly boolean[] = []): string {
  return args.reduceRight(
    (inner, a, k) => (logical[k] ? guardLogical(a, inner) : guardNumber(a, inner)),
    then,
  );
}

/** Conditions that give #NUM!, skipping those a literal already satisfies. */
export function numIf(conditions: readonly (string | false)[], then: string): string {
  const live = conditions.filter((c): c is string => c !== false);
  if (live.length === 0) return then;
  return `IF(${live.length === 1 ? live[0] : `OR(${live.join(",")})`},${ERR_NUM},${then})`;
}

export const negative = (x: Arg): string | false =>
  x.literal !== undefined && x.literal >= 0 ? false : `${x.text}<0`;
export const outsideUnit = (x: Arg): string | false =>
  x.literal !== undefined && x.literal > 0 && x.literal <= 1 ? false : `OR(${x.text}<=0,${x.text}>1)`;

/** A logical argument's value in IF: a literal folds to TRUE/FALSE text, anything else stays as written. */
export function logicalText(x: Arg): string {
  return x.literal === undefined ? x.text : x.literal !== 0 ? "TRUE" : "FALSE";
}

/**
 * The core's ceilSafe for x ≥ 0 (every use here: the inputs were checked not negative and the
 * divisors positive): the nearest integer n when |x − n| ≤ TOLERANCE·max(1, x), else ⌈x⌉. Written as
 * n + (x − n > tol) — beyond the tolerance above n the ceiling is n + 1, below it n itself — so x
 * appears four times, not five, which keeps nested rewrites within Excel's 8,192 characters.
 */
export function ceilSafe(x: string): string {
  return `(ROUND(${x},0)+(${x}-ROUND(${x},0)>${TOLERANCE_TEXT}*MAX(1,${x})))`;
}

/**
 * a > b beyond the core's tolerance (clearlyGreater), for a, b ≥ 0: the inverse, a − b ≤
 * TOLERANCE·max(a, b), is "a equals or falls short of b", e.g. r·m against v.
 */
export function notClearlyGreater(a: string, b: string): string {
  return `${a}-${b}<=${TOLERANCE_TEXT}*MAX(${a},${b})`;
}
