// Helpers the benches share: one median, one line saying how busy the machine was.
import { cpus, loadavg } from "node:os";

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Other work on the machine slows every run; the load average tells how quiet it was. */
export function loadAverageLine(): string {
  return `load average while measuring: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(", ")} on ${cpus().length} cores`;
}
