import { ceilSafe } from "./ceil";
import { domainError, type DomainError } from "./errors";
import { clearlyGreater } from "./tolerance";
import { checkNonNegative, checkRate } from "./validate";

/**
 * Fewest attendees at which an event's income covers its cost: ⌈F / (r·m − v)⌉.
 * F fixed cost, v variable cost per attendee, m margin per buyer, r conversion attendee → buyer.
 */
export function breakevenAttendees(F: number, v: number, m: number, r: number): number | DomainError {
  const bad =
    checkNonNegative(F, "fixed_cost") ??
    checkNonNegative(v, "variable_cost_per_attendee") ??
    checkNonNegative(m, "margin_per_buyer") ??
    checkRate(r, "conversion_rate");
  if (bad) return bad;
  // r·m ≤ v: every extra attendee loses money, so no attendance ever breaks even. "≤" within the
  // tolerance: 7% × 10,000 is 700.0000000000001 in binary, and 700 of variable cost still never
  // breaks even.
  if (!clearlyGreater(r * m, v)) return domainError("neverBreaksEven", "conversion_rate");
  return ceilSafe(F / (r * m - v));
}

/** Buyers needed at a attendees: ⌈(F + v·a) / m⌉. */
export function breakevenBuyers(F: number, v: number, m: number, a: number): number | DomainError {
  const bad =
    checkNonNegative(F, "fixed_cost") ??
    checkNonNegative(v, "variable_cost_per_attendee") ??
    checkNonNegative(m, "margin_per_buyer") ??
    checkNonNegative(a, "attendees");
  if (bad) return bad;
  if (m === 0) return domainError("divideByZero", "margin_per_buyer");
  return ceilSafe((F + v * a) / m);
}
