import fc from "fast-check";
import { breakevenAttendees, clearlyGreater, isDomainError, TOLERANCE, TOLERANCE_TEXT } from "../../src/core";

describe("the one tolerance", () => {
  it("is written in formulas as the same number, in decimals (no exponent an engine could reject)", () => {
    expect(Number(TOLERANCE_TEXT)).toBe(TOLERANCE);
    expect(TOLERANCE_TEXT).toMatch(/^0\.0*1$/);
  });
  it("treats 7% × 10,000 and 700 as equal, though binary floating point does not", () => {
    expect(0.07 * 10000 - 700).toBeGreaterThan(0);
    expect(clearlyGreater(0.07 * 10000, 700)).toBe(false);
    expect(clearlyGreater(700.001, 700)).toBe(true);
    expect(clearlyGreater(0, 0)).toBe(false);
  });
  it("never breaks even where r·m equals v in decimals (issue 12: it used to need 8.8e17 attendees)", () => {
    const x = breakevenAttendees(100000, 700, 10000, 0.07);
    expect(isDomainError(x) && x.reason).toBe("neverBreaksEven");
  });
  it("is relative: a gap of the same size counts at small amounts and not at large ones", () => {
    expect(clearlyGreater(1 + 1e-6, 1)).toBe(true);
    expect(clearlyGreater(1e6 + 1e-6, 1e6)).toBe(false);
  });
  it("property: clearlyGreater(a, b) implies a > b, and a > b by more than the tolerance implies it", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (a, b) => {
          const big = Math.max(a, b);
          if (clearlyGreater(a, b) && !(a > b)) return false;
          return !(a - b > 2 * TOLERANCE * big) || clearlyGreater(a, b);
        },
      ),
    );
  });
});
