import fc from "fast-check";
import { attainment, isDomainError } from "../../src/core";

describe("attainment", () => {
  it("actual / target where higher is better, target / actual where lower is better", () => {
    expect(attainment(108, 100)).toBe(1.08);
    expect(attainment(1080000, 1000000, false)).toBeCloseTo(0.9259259, 6);
    expect(attainment(0, 100)).toBe(0);
  });
  it("a zero divisor → #DIV/0! on it; negatives → #NUM!", () => {
    const a = attainment(5, 0);
    expect(isDomainError(a) && [a.code, a.argument]).toEqual(["#DIV/0!", "target"]);
    const b = attainment(0, 5, false);
    expect(isDomainError(b) && [b.code, b.argument]).toEqual(["#DIV/0!", "actual"]);
    const c = attainment(-1, 5);
    expect(isDomainError(c) && [c.code, c.argument]).toEqual(["#NUM!", "actual"]);
    const d = attainment(1, -5, false);
    expect(isDomainError(d) && [d.code, d.argument]).toEqual(["#NUM!", "target"]);
  });
  it("property: the two directions are reciprocal", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        (x, t) => {
          const up = attainment(x, t) as number;
          const down = attainment(x, t, false) as number;
          return Math.abs(up * down - 1) < 1e-12;
        },
      ),
    );
  });
});
