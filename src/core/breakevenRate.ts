import { breakevenBuyers } from "./breakeven";
import { domainError, isDomainError, type DomainError } from "./errors";

/**
 * The conversion an event needs at a attendees to break even: the break-even buyers ⌈(F + v·a) / m⌉
 * over the attendees (the event template's Event_RequiredConversion). Above 100% is returned as it
 * is: the attendance is too low for the event to pay off at any conversion.
 */
export function breakevenRate(F: number, v: number, m: number, a: number): number | DomainError {
  const buyers = breakevenBuyers(F, v, m, a);
  if (isDomainError(buyers)) return buyers;
  if (a === 0) return domainError("divideByZero", "attendees");
  return buyers / a;
}
