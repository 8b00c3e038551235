import { domainError, isDomainError, type DomainError } from "./errors";
import type { CountInput } from "./funnel";

/** Min, median and max of each step rate across the rows (an error or #DIV/0! per step instead). */
export type Spread = readonly [number | DomainError, number | DomainError, number | DomainError];

const isBlank = (x: CountInput): boolean => isDomainError(x) && x.reason === "blank";

/**
 * The rate of step k of one row, undefined when the row is left out of that step: its count at
 * stage k is blank or 0 (there is nothing to convert), or its count at stage k+1 is still blank.
 */
function rowRate(from: CountInput, to: CountInput, argument: string): number | DomainError | undefined {
  if (isBlank(from)) return undefined;
  if (isDomainError(from)) return from;
  if (from < 0) return domainError("negative", argument);
  if (from === 0 || isBlank(to)) return undefined;
  if (isDomainError(to)) return to;
  if (to < 0) return domainError("negative", argument);
  return to / from;
}

/** The median of sorted numbers, the mean of the middle two for an even count (as MEDIAN does). */
function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The spread across salespeople (研究分布,平均会掩盖问题: study the distribution, the average hides
 * the problem): for each step k of a block with one row per salesperson and the stages across, the
 * minimum, median and maximum of count(k+1)/count(k) over the rows. A row whose count at stage k is
 * 0 or blank, or whose count at stage k+1 is blank, is left out of step k; the first row (top down)
 * with an error in a count it uses gives that error to the whole step; a step with no row left is
 * #DIV/0!. Fewer than 2 stages: #VALUE!. Result: one Spread per step.
 */
export function funnelSpread(
  rows: readonly (readonly CountInput[])[],
  argument = "counts",
): Spread[] | DomainError {
  const stages = rows.length > 0 ? rows[0].length : 0;
  if (stages < 2) return domainError("tooFewStages", argument);
  const out: Spread[] = new Array<Spread>(stages - 1);
  const rates: number[] = [];
  for (let k = 0; k + 1 < stages; k++) {
    rates.length = 0;
    let bad: DomainError | undefined;
    for (let i = 0; i < rows.length && !bad; i++) {
      const rate = rowRate(rows[i][k], rows[i][k + 1], argument);
      if (rate === undefined) continue;
      if (isDomainError(rate)) bad = rate;
      else rates.push(rate);
    }
    if (!bad && rates.length === 0) bad = domainError("divideByZero", argument);
    if (bad) {
      out[k] = [bad, bad, bad];
      continue;
    }
    rates.sort((a, b) => a - b);
    out[k] = [rates[0], median(rates), rates[rates.length - 1]];
  }
  return out;
}
