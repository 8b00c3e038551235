import fc from "fast-check";
import { ceilSafe, CEIL_TOLERANCE } from "../../src/core";

describe("ceilSafe", () => {
  it("keeps a float-noisy integer as that integer", () => {
    expect(ceilSafe(120.0000000001)).toBe(120);
    expect(ceilSafe(460000 / (10000 * (64 / 120) - 1500))).toBe(120);
    expect(ceilSafe(63.99999999999999)).toBe(64);
  });
  it("rounds real fractions up", () => {
    expect(ceilSafe(120.001)).toBe(121);
    expect(ceilSafe(0.2)).toBe(1);
    expect(ceilSafe(-1.5)).toBe(-1);
    expect(ceilSafe(7)).toBe(7);
    expect(Object.is(ceilSafe(-0.3), 0)).toBe(true);
  });
  it("is never below x by more than the tolerance, and less than one above it", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const c = ceilSafe(x);
        const slack = CEIL_TOLERANCE * Math.max(1, Math.abs(x));
        return Number.isInteger(c) && c >= x - slack && c < x + 1;
      }),
    );
  });
  it("is the identity on integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        (n) => ceilSafe(n) === n || (n === 0 && ceilSafe(n) === 0),
      ),
    );
  });
});
