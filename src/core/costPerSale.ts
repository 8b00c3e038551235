import { domainError, type DomainError } from "./errors";
import { checkNonNegative } from "./validate";

/** Marketing cost per vehicle sold (单车营销成本). */
export function costPerSale(cost: number, vehicles: number): number | DomainError {
  const bad = checkNonNegative(cost, "cost") ?? checkNonNegative(vehicles, "vehicles_sold");
  if (bad) return bad;
  if (vehicles === 0) return domainError("divideByZero", "vehicles_sold");
  return cost / vehicles;
}
