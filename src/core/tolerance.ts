/**
 * The one tolerance of the arithmetic, relative: two amounts closer than TOLERANCE times the larger
 * are the same amount. Binary floating point cannot hold 0.07 or 64/120 exactly, so 0.07 × 10,000 −
 * 700 is 1.1e-13 and 460,000 / (10,000·64/120 − 1,500) is 120.00000000000001: compared exactly, the
 * first event would break even with 879,609,302,220,800,000 attendees and the second need a 121st.
 * The core, the native formulas written for sharing and the templates all use this one value.
 */
export const TOLERANCE = 1e-9;

/**
 * TOLERANCE as formula text. Spelled out in decimals because not every engine reads an exponent:
 * HyperFormula rejects `1E-9`, and Excel and LibreOffice read the decimal form as well.
 */
export const TOLERANCE_TEXT = "0.000000001";

/** a exceeds b by more than the tolerance (relative to the larger of the two). */
export function clearlyGreater(a: number, b: number): boolean {
  return a - b > TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
