import type { DomainError } from "./errors";
import { checkNonNegative, checkRate } from "./validate";

/**
 * Expected profit of a marketing event at a attendees: buyers' margin a·r·m less the fixed cost F
 * and the attendees' variable cost v·a (the event template's Event_Profit). Negative is a loss.
 */
export function eventProfit(F: number, v: number, m: number, r: number, a: number): number | DomainError {
  const bad =
    checkNonNegative(F, "fixed_cost") ??
    checkNonNegative(v, "variable_cost_per_attendee") ??
    checkNonNegative(m, "margin_per_buyer") ??
    checkRate(r, "conversion_rate") ??
    checkNonNegative(a, "attendees");
  if (bad) return bad;
  // In this order of operations, so the native formula (a*r*m-F-v*a) gives the very same double.
  return a * r * m - F - v * a;
}
