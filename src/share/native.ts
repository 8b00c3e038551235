/**
 * Native, classic-function equivalents of the DEALER functions for ONE result element. Each builder
 * takes its arguments as formula text (a cell, a constant or an already rewritten expression) and
 * returns formula text that gives the core's value for valid input and the core's Excel error for
 * invalid input, in the core's order of checks: first each argument's type (an error in the cell
 * passes through, a blank gives #N/A, text or a boolean #VALUE!), then the domain rules.
 * Only IF, ISNUMBER, ISERROR, ERROR.TYPE, CHOOSE, NA, OR, ABS, ROUND, INT, MAX and INDEX are used, so the result
 * computes in Excel 2007+, WPS and LibreOffice alike. IF is lazy in all of them, which keeps
 * INDEX from being evaluated with a stage number that failed its check.
 */

/** One argument: its formula text, and its numeric value when it is a plain number literal. */
export interface Arg {
  readonly text: string;
  readonly literal?: number;

  /** Set for the result of a rewritten DEALER call: always a number or one of the four errors. */
  readonly numberOrError?: boolean;
}

export const arg = (text: string, literal?: number): Arg =>
  literal === undefined ? { text } : { text, literal };

const ERR_NUM = "#NUM!";
const ERR_VALUE = "#VALUE!";
const ERR_DIV = "#DIV/0!";

/**
 * The error the custom function passes on for an error in its input: #DIV/0!, #VALUE!, #NUM! and
 * #N/A stay as they are, any other (#REF!, #NAME?, …) becomes #VALUE! (src/functions/coerce.ts).
 * ERROR.TYPE gives 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A; CHOOSE gives
 * #VALUE! itself for anything past 7.
 */
export function passError(x: string): string {
  return `CHOOSE(ERROR.TYPE(${x}),#VALUE!,#DIV/0!,#VALUE!,#VALUE!,#VALUE!,#NUM!,NA())`;
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

function guardAll(args: readonly Arg[], then: string): string {
  return args.reduceRight((inner, a) => guardNumber(a, inner), then);
}

/** Conditions that give #NUM!, skipping those a literal already satisfies. */
function numIf(conditions: readonly (string | false)[], then: string): string {
  const live = conditions.filter((c): c is string => c !== false);
  if (live.length === 0) return then;
  return `IF(${live.length === 1 ? live[0] : `OR(${live.join(",")})`},${ERR_NUM},${then})`;
}

const negative = (x: Arg): string | false =>
  x.literal !== undefined && x.literal >= 0 ? false : `${x.text}<0`;
const outsideUnit = (x: Arg): string | false =>
  x.literal !== undefined && x.literal > 0 && x.literal <= 1 ? false : `OR(${x.text}<=0,${x.text}>1)`;

/**
 * The core's ceilSafe for x ≥ 0 (every use here: the inputs were checked not negative and the
 * divisors positive): the nearest integer n when |x − n| ≤ 1e-9·max(1, x), else ⌈x⌉. Written as
 * n + (x − n > tol) — beyond the tolerance above n the ceiling is n + 1, below it n itself — so x
 * appears four times, not five, which keeps nested rewrites within Excel's 8,192 characters.
 */
export function ceilSafe(x: string): string {
  return `(ROUND(${x},0)+(${x}-ROUND(${x},0)>1E-9*MAX(1,${x})))`;
}

export function roi(revenue: Arg, cost: Arg, margin?: Arg): string {
  const m = margin ?? arg("1", 1);
  const R = revenue.text;
  const C = cost.text;
  const value = m.literal === 1 ? `(${R}-${C})/${C}` : `(${R}*${m.text}-${C})/${C}`;
  return guardAll(
    [revenue, cost, m],
    numIf([negative(revenue), negative(cost), outsideUnit(m)], `IF(${C}=0,${ERR_DIV},${value})`),
  );
}

export function costPerSale(cost: Arg, vehicles: Arg): string {
  const V = vehicles.text;
  return guardAll(
    [cost, vehicles],
    numIf([negative(cost), negative(vehicles)], `IF(${V}=0,${ERR_DIV},${cost.text}/${V})`),
  );
}

export function breakevenAttendees(F: Arg, v: Arg, m: Arg, r: Arg): string {
  const perAttendee = `(${r.text}*${m.text}-${v.text})`;
  return guardAll(
    [F, v, m, r],
    numIf(
      [negative(F), negative(v), negative(m), outsideUnit(r), `${perAttendee}<=0`],
      ceilSafe(`${F.text}/${perAttendee}`),
    ),
  );
}

export function breakevenBuyers(F: Arg, v: Arg, m: Arg, a: Arg): string {
  return guardAll(
    [F, v, m, a],
    numIf(
      [negative(F), negative(v), negative(m), negative(a)],
      `IF(${m.text}=0,${ERR_DIV},${ceilSafe(`(${F.text}+${v.text}*${a.text})/${m.text}`)})`,
    ),
  );
}

/** A stage count as the core checks it: its own error, blank → #N/A, text → #VALUE!, negative → #NUM!. */
function checkCount(k: Arg, then: string): string {
  return guardNumber(k, numIf([negative(k)], then));
}

/** count(to) / count(from), with the core's checks of both counts and the zero denominator. */
export function ratio(from: Arg, to: Arg): string {
  return checkCount(from, checkCount(to, `IF(${from.text}=0,${ERR_DIV},${to.text}/${from.text})`));
}

/**
 * Cumulative rate of one series of n counts between stage numbers given as formula text;
 * `element(stageText)` yields the text of that series' count at a (dynamic) stage.
 */
export function cumulativeRate(
  n: number,
  fromStage: Arg,
  toStage: Arg,
  element: (stage: string) => Arg,
): string {
  if (n < 2) return ERR_VALUE;
  const f = fromStage.text;
  const t = toStage.text;
  // Stages typed as numbers are checked here, once, instead of in every recalculation.
  const [lf, lt] = [fromStage.literal, toStage.literal];
  if (lf !== undefined && lt !== undefined) {
    const ok = (x: number): boolean => Number.isInteger(x) && x >= 1 && x <= n;
    return ok(lf) && ok(lt) && lf < lt ? ratio(element(String(lf)), element(String(lt))) : ERR_VALUE;
  }
  const stageBad = `OR(${f}<>INT(${f}),${f}<1,${f}>${n},${t}<>INT(${t}),${t}<1,${t}>${n},${f}>=${t})`;
  return guardAll([fromStage, toStage], `IF(${stageBad},${ERR_VALUE},${ratio(element(f), element(t))})`);
}

/** The last stage of backward planning: the target, rounded up. */
export function funnelTargetLast(target: Arg): string {
  return guardNumber(target, numIf([negative(target)], ceilSafe(target.text)));
}

/** Stage k of backward planning from the (already computed) stage after it and step rate k. */
export function funnelTargetStep(next: string, rate: Arg): string {
  return `IF(ISERROR(${next}),${next},${guardNumber(rate, numIf([outsideUnit(rate)], ceilSafe(`${next}/${rate.text}`)))})`;
}
