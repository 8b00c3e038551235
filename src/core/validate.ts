import { domainError, type DomainError } from "./errors";

/**
 * The one assert helper of the core: each returns the error for a bad value, or undefined.
 * Kept apart from the arithmetic so the unchecked formulas stay readable and benchmarkable.
 */
export function checkFinite(x: number, argument: string): DomainError | undefined {
  return Number.isFinite(x) ? undefined : domainError("notFinite", argument);
}

/** Counts and money amounts: finite and not negative. */
export function checkNonNegative(x: number, argument: string): DomainError | undefined {
  return checkFinite(x, argument) ?? (x < 0 ? domainError("negative", argument) : undefined);
}

/** Input rates (conversion, step rates): in (0, 1]. A rate typed as 15 instead of 15% lands here. */
export function checkRate(x: number, argument: string): DomainError | undefined {
  return checkFinite(x, argument) ?? (x > 0 && x <= 1 ? undefined : domainError("rateOutOfRange", argument));
}

export function checkMargin(x: number, argument: string): DomainError | undefined {
  return (
    checkFinite(x, argument) ?? (x > 0 && x <= 1 ? undefined : domainError("marginOutOfRange", argument))
  );
}
