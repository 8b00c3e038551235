/**
 * Typed domain errors. The core returns these instead of throwing, so a caller (a custom
 * function, a template check, the CLI) can decide how to show them; the texts live in
 * messages.ts, keyed by `reason`, in both languages.
 */
export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

/** Why a value was rejected; each key has an en-US and a zh-CN text in messages.ts. */
export type Reason =
  | "notNumber"
  | "blank"
  | "notFinite"
  | "negative"
  | "rateOutOfRange"
  | "marginOutOfRange"
  | "neverBreaksEven"
  | "divideByZero"
  | "tooFewStages"
  | "stageNotWhole"
  | "stageOutOfRange"
  | "stageOrder"
  | "missingStage"
  | "shapeMismatch"
  | "notRectangular"
  | "inputError"
  | "controlLineOrder"
  | "periodsNotWhole"
  | "notLogical";

export interface DomainError {
  readonly kind: "domain-error";
  readonly code: ErrorCode;
  /** The argument at fault, by its spreadsheet parameter name (e.g. "fixed_cost"). */
  readonly argument?: string;
  readonly reason: Reason | string;
}

/** The code each reason carries, so a reason can never be paired with the wrong Excel error. */
export const REASON_CODES: Readonly<Record<Reason, ErrorCode>> = {
  notNumber: "#VALUE!",
  blank: "#N/A",
  notFinite: "#NUM!",
  negative: "#NUM!",
  rateOutOfRange: "#NUM!",
  marginOutOfRange: "#NUM!",
  neverBreaksEven: "#NUM!",
  divideByZero: "#DIV/0!",
  tooFewStages: "#VALUE!",
  stageNotWhole: "#VALUE!",
  stageOutOfRange: "#VALUE!",
  stageOrder: "#VALUE!",
  missingStage: "#VALUE!",
  shapeMismatch: "#VALUE!",
  notRectangular: "#VALUE!",
  inputError: "#VALUE!",
  controlLineOrder: "#VALUE!",
  periodsNotWhole: "#NUM!",
  notLogical: "#VALUE!",
};

export function domainError(reason: Reason, argument?: string, code?: ErrorCode): DomainError {
  const error: { kind: "domain-error"; code: ErrorCode; reason: Reason; argument?: string } = {
    kind: "domain-error",
    code: code ?? REASON_CODES[reason],
    reason,
  };
  if (argument !== undefined) error.argument = argument;
  return Object.freeze(error);
}

export function isDomainError(x: unknown): x is DomainError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "domain-error";
}
