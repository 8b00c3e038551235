import { domainError, isDomainError, type DomainError } from "./errors";

/** One period's value as it reaches the core: a number, or the error its cell carries (a blank too). */
export type SeriesValue = number | DomainError;

const isBlank = (x: SeriesValue): boolean => isDomainError(x) && x.reason === "blank";
const isText = (x: SeriesValue): boolean => isDomainError(x) && x.reason === "notNumber";

/** Periods for a trend: a whole number of at least 1. */
export function checkPeriods(periods: number, argument = "periods"): DomainError | undefined {
  return Number.isInteger(periods) && periods >= 1 ? undefined : domainError("periodsNotWhole", argument);
}

/**
 * Trend monitoring (趋向监控): TRUE when each of the last `periods` values moved toward the lines —
 * fell where higher is better, rose where lower is better — so 3 periods need 4 values. Equal
 * values do not move. Trailing blanks are ignored (a year's row with months still empty); the
 * window is the last periods + 1 values up to the last one filled in, and inside it an error gives
 * that error (the latest), text or a logical #VALUE!, and a blank (a gap) FALSE: a trend is only
 * claimed on data that is there. Fewer values than the window needs: FALSE.
 */
export function seriesTrend(
  values: readonly SeriesValue[],
  periods = 3,
  higherIsBetter = true,
): boolean | DomainError {
  const bad = checkPeriods(periods);
  if (bad) return bad;
  let last = values.length - 1;
  while (last >= 0 && isBlank(values[last])) last--;
  if (last < periods) return false;
  const first = last - periods;
  let text: DomainError | undefined;
  let gap = false;
  for (let i = last; i >= first; i--) {
    const x = values[i];
    if (!isDomainError(x)) continue;
    if (isBlank(x)) gap = true;
    else if (isText(x)) text = text ?? x;
    else return x; // an error value, the latest in the window
  }
  if (text) return text;
  if (gap) return false;
  for (let i = first + 1; i <= last; i++) {
    const [before, now] = [values[i - 1] as number, values[i] as number];
    if (higherIsBetter ? !(now < before) : !(now > before)) return false;
  }
  return true;
}
