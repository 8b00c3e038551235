import fc from "fast-check";
import { controlLevel, isDomainError } from "../../src/core";
import { controlStatus } from "../../src/core/control";

describe("controlLevel", () => {
  it("lines below the standard: higher is better", () => {
    expect(controlLevel(0.31, 0.3, 0.27, 0.22)).toBe(1);
    expect(controlLevel(0.27, 0.3, 0.27, 0.22)).toBe(1);
    expect(controlLevel(0.25, 0.3, 0.27, 0.22)).toBe(0);
    expect(controlLevel(0.22, 0.3, 0.27, 0.22)).toBe(0);
    expect(controlLevel(0.2, 0.3, 0.27, 0.22)).toBe(-1);
  });
  it("lines above the standard: lower is better (costs)", () => {
    expect(controlLevel(2800, 3000, 3300, 3600)).toBe(1);
    expect(controlLevel(3300, 3000, 3300, 3600)).toBe(1);
    expect(controlLevel(3450, 3000, 3300, 3600)).toBe(0);
    expect(controlLevel(3600, 3000, 3300, 3600)).toBe(0);
    expect(controlLevel(3601, 3000, 3300, 3600)).toBe(-1);
  });
  it("any value, negative profits too; all lines equal reads as higher is better", () => {
    expect(controlLevel(-50000, 100000, 0, -100000)).toBe(0);
    expect(controlLevel(-150000, 100000, 0, -100000)).toBe(-1);
    expect(controlLevel(5, 5, 5, 5)).toBe(1);
    expect(controlLevel(4, 5, 5, 5)).toBe(-1);
  });
  it.each([
    [0.5, 0.3, 0.4, 0.2],
    [0.5, 0.3, 0.2, 0.25],
    [0.5, 0.3, 0.35, 0.32],
  ])("lines in neither order (%p, %p, %p, %p) → #VALUE!", (x, s, w, c) => {
    const e = controlLevel(x, s, w, c);
    expect(isDomainError(e) && [e.code, e.reason]).toEqual(["#VALUE!", "controlLineOrder"]);
  });
  it("a non-finite value → #NUM! on it", () => {
    const e = controlLevel(0.5, Number.NaN, 0.2, 0.1);
    expect(isDomainError(e) && [e.code, e.argument]).toEqual(["#NUM!", "standard"]);
  });
  it("property: mirroring value and lines mirrors the status (lower is better is higher is better upside down)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (x, s, d1, d2) => {
          const [w, c] = [s - d1, s - d1 - d2];
          if (w === s && c === w) return true;
          return controlLevel(x, s, w, c) === controlLevel(-x, -s, -w, -c);
        },
      ),
    );
  });
  it("is the rule the templates' controlStatus maps to words", () => {
    const lines = { standard: 0.3, warningLine: 0.27, controlLine: 0.22 };
    expect([0.31, 0.25, 0.2].map((x) => controlStatus(x, lines))).toEqual([
      "on-target",
      "warning",
      "off-track",
    ]);
  });
});
