import { ceilSafe } from "./ceil";
import { domainError, isDomainError, type DomainError } from "./errors";
import { checkNonNegative, checkRate } from "./validate";

/** A count as it reaches the core: a number, or the error its cell already carries (blank, text...). */
export type CountInput = number | DomainError;

function checkCount(count: CountInput, argument: string): DomainError | undefined {
  return isDomainError(count) ? count : checkNonNegative(count, argument);
}

function ratio(from: CountInput, to: CountInput, argument: string): number | DomainError {
  const bad = checkCount(from, argument) ?? checkCount(to, argument);
  if (bad) return bad;
  const denominator = from as number;
  if (denominator === 0) return domainError("divideByZero", argument);
  // Above 1 is legitimate in period data (customers carried over from an earlier period): no clamp.
  return (to as number) / denominator;
}

/**
 * Step rates count(k+1)/count(k), n−1 of them. An error in one count only spoils the rates that
 * use it, so one bad month in a range does not blank out the rest.
 */
export function stepRates(counts: readonly CountInput[], argument = "counts"): (number | DomainError)[] {
  if (counts.length < 2) return [domainError("tooFewStages", argument)];
  const rates: (number | DomainError)[] = new Array<number | DomainError>(counts.length - 1);
  for (let k = 0; k + 1 < counts.length; k++) rates[k] = ratio(counts[k], counts[k + 1], argument);
  return rates;
}

function checkStage(stage: number, n: number, argument: string): DomainError | undefined {
  if (!Number.isInteger(stage)) return domainError("stageNotWhole", argument);
  if (stage < 1 || stage > n) return domainError("stageOutOfRange", argument);
  return undefined;
}

/** Cumulative rate count(to)/count(from) with 1-based stage numbers, from < to. */
export function cumulativeRate(
  counts: readonly CountInput[],
  from: number,
  to: number,
  argument = "counts",
): number | DomainError {
  if (counts.length < 2) return domainError("tooFewStages", argument);
  const bad = checkStage(from, counts.length, "from_stage") ?? checkStage(to, counts.length, "to_stage");
  if (bad) return bad;
  if (from >= to) return domainError("stageOrder", "to_stage");
  return ratio(counts[from - 1], counts[to - 1], argument);
}

/**
 * Backward planning, stage by stage: what each stage must reach, earliest first, each rounded up
 * to whole people from the (rounded) stage after it, so the whole people of one stage are always
 * enough to feed the next. Stage k depends on the target and rates k..n−1 only; an error there
 * stays in the stages that depend on it.
 */
export function funnelTargetsByStage(
  target: number | DomainError,
  rates: readonly (number | DomainError)[],
): (number | DomainError)[] {
  const out: (number | DomainError)[] = new Array<number | DomainError>(rates.length + 1);
  const targetError = isDomainError(target) ? target : checkNonNegative(target, "target");
  let next: number | DomainError = targetError ?? ceilSafe(target as number);
  out[rates.length] = next;
  for (let k = rates.length - 1; k >= 0; k--) {
    const rate = rates[k];
    const rateError = isDomainError(rate) ? rate : checkRate(rate, "step_rates");
    if (!isDomainError(next)) next = rateError ?? ceilSafe(next / (rate as number));
    out[k] = next;
  }
  return out;
}

/** One more value than rates, earliest stage first; the first error if any stage has one. */
export function funnelTargets(
  target: number | DomainError,
  rates: readonly (number | DomainError)[],
): number[] | DomainError {
  const stages = funnelTargetsByStage(target, rates);
  const first = stages[0];
  if (isDomainError(first)) return first;
  return stages as number[];
}
