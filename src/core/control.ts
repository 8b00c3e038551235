import { controlLevel } from "./controlLevel";
import { domainError, isDomainError, type DomainError } from "./errors";
import { checkFinite } from "./validate";

/**
 * Process control (过程控制) for "higher is better" rates such as the funnel's step rates: each KPI
 * has a standard value (标准值) and two lines below it, a warning line and a control line
 * (监督控制线). Inside the band above the warning line the rate is on target; between the warning
 * and the control line it is a warning; below the control line it is off track.
 */
export type ControlStatus = "on-target" | "warning" | "off-track";

export interface ControlLines {
  readonly standard: number;
  readonly warningLine: number;
  readonly controlLine: number;
}

/** Lines must sit in order under the standard: control ≤ warning ≤ standard. */
export function checkControlLines(lines: ControlLines): DomainError | undefined {
  const bad =
    checkFinite(lines.standard, "standard") ??
    checkFinite(lines.warningLine, "warning_line") ??
    checkFinite(lines.controlLine, "control_line");
  if (bad) return bad;
  if (lines.controlLine > lines.warningLine || lines.warningLine > lines.standard) {
    return Object.freeze({
      kind: "domain-error" as const,
      code: "#VALUE!" as const,
      reason: "controlLineOrder",
      argument: "control_line",
    });
  }
  return undefined;
}

const STATUS: Readonly<Record<1 | 0 | -1, ControlStatus>> = {
  1: "on-target",
  0: "warning",
  [-1]: "off-track",
};

/** The status of one period's value, by the rule of DEALER.CONTROL_STATUS (controlLevel.ts). */
export function controlStatus(value: number, lines: ControlLines): ControlStatus | DomainError {
  const bad = checkFinite(value, "value") ?? checkControlLines(lines);
  if (bad) return bad;
  const level = controlLevel(value, lines.standard, lines.warningLine, lines.controlLine);
  return isDomainError(level) ? level : STATUS[level];
}

/**
 * Trend monitoring (趋向监控): for a higher-is-better rate every line lies below, so "moving toward a
 * line" means falling. The alert fires at a period when each of the last `periods` periods (default 3)
 * fell below the one before it: three months in a row of decline need four months of data. A missing
 * value (null or an error) breaks the run: a trend is only claimed on data that is there.
 */
export function trendAlerts(
  values: readonly (number | null | DomainError)[],
  periods = 3,
): boolean[] | DomainError {
  if (!Number.isInteger(periods) || periods < 1) return domainError("stageNotWhole", "periods");
  let run = 0;
  return values.map((v, i) => {
    const prev = i > 0 ? values[i - 1] : null;
    const falling =
      typeof v === "number" &&
      typeof prev === "number" &&
      !isDomainError(v) &&
      Number.isFinite(v) &&
      v < prev;
    run = falling ? run + 1 : 0;
    return run >= periods;
  });
}

/** Whether the latest period of the series raises a trend alert. */
export function trendAlert(
  values: readonly (number | null | DomainError)[],
  periods = 3,
): boolean | DomainError {
  const all = trendAlerts(values, periods);
  if (isDomainError(all)) return all;
  return all.length > 0 && all[all.length - 1];
}
