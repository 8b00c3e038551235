import { domainError, type DomainError } from "./errors";
import { checkMargin, checkNonNegative } from "./validate";

/** (revenue × margin − cost) / cost; margin 1 (100%) is the source's plain ROI. */
export function roi(revenue: number, cost: number, margin = 1): number | DomainError {
  const bad =
    checkNonNegative(revenue, "revenue") ?? checkNonNegative(cost, "cost") ?? checkMargin(margin, "margin");
  if (bad) return bad;
  if (cost === 0) return domainError("divideByZero", "cost");
  return (revenue * margin - cost) / cost;
}
