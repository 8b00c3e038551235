import { TOLERANCE } from "./tolerance";

/**
 * Relative tolerance under which a value counts as the integer it sits on: the core's one
 * TOLERANCE. Break-even arithmetic such as 460000 / (10000·64/120 − 1500) lands on
 * 120.00000000000001 in binary floating point; a plain Math.ceil would ask for a 121st attendee.
 */
export const CEIL_TOLERANCE = TOLERANCE;

/** Rounds up to a whole number, treating values within CEIL_TOLERANCE of an integer as that integer. */
export function ceilSafe(x: number): number {
  if (!Number.isFinite(x)) return x;
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= CEIL_TOLERANCE * Math.max(1, Math.abs(x))) return nearest === 0 ? 0 : nearest;
  const up = Math.ceil(x);
  return up === 0 ? 0 : up;
}
