import { domainError, type DomainError } from "./errors";
import { checkFinite } from "./validate";

/** 1 on target, 0 warning, −1 off track. */
export type ControlLevel = 1 | 0 | -1;

/**
 * Process control (过程控制) of one value against its standard (标准值) and two lines (监督控制线).
 * Lines below the standard (control ≤ warning ≤ standard) mean higher is better (rates, profit):
 * at or above the warning line on target, down to the control line a warning, below it off track.
 * Lines above it (control ≥ warning ≥ standard, not all equal) mean lower is better (costs): at or
 * below the warning line on target, up to the control line a warning, above it off track. Any
 * value counts, negative too; lines in neither order are an error.
 */
export function controlLevel(
  value: number,
  standard: number,
  warningLine: number,
  controlLine: number,
): ControlLevel | DomainError {
  const bad =
    checkFinite(value, "value") ??
    checkFinite(standard, "standard") ??
    checkFinite(warningLine, "warning_line") ??
    checkFinite(controlLine, "control_line");
  if (bad) return bad;
  if (controlLine <= warningLine && warningLine <= standard) {
    return value >= warningLine ? 1 : value >= controlLine ? 0 : -1;
  }
  if (controlLine >= warningLine && warningLine >= standard) {
    return value <= warningLine ? 1 : value <= controlLine ? 0 : -1;
  }
  return domainError("controlLineOrder", "control_line");
}
