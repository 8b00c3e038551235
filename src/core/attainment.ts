import { domainError, type DomainError } from "./errors";
import { checkNonNegative } from "./validate";

/**
 * Attainment of a target (目标达成率): actual / target where higher is better (sales, leads), target /
 * actual where lower is better (spend, cost per vehicle), so that 100% is on target either way and
 * above 100% better than it: ¥1,080,000 spent against a budget of ¥1,000,000 attains 92.6%.
 */
export function attainment(actual: number, target: number, higherIsBetter = true): number | DomainError {
  const bad = checkNonNegative(actual, "actual") ?? checkNonNegative(target, "target");
  if (bad) return bad;
  if (higherIsBetter) return target === 0 ? domainError("divideByZero", "target") : actual / target;
  return actual === 0 ? domainError("divideByZero", "actual") : target / actual;
}
