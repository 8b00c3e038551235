import fc from "fast-check";
import { checkControlLines, controlStatus, trendAlert, trendAlerts } from "../../src/core/control";
import { isDomainError } from "../../src/core";

const lines = { standard: 0.5, warningLine: 0.45, controlLine: 0.4 };

describe("controlStatus", () => {
  test("bands: on target at or above the warning line, warning down to the control line, then off track", () => {
    expect(controlStatus(0.6, lines)).toBe("on-target");
    expect(controlStatus(0.45, lines)).toBe("on-target");
    expect(controlStatus(0.44, lines)).toBe("warning");
    expect(controlStatus(0.4, lines)).toBe("warning");
    expect(controlStatus(0.39, lines)).toBe("off-track");
  });

  test("lines out of order or non-finite values are errors", () => {
    expect(isDomainError(controlStatus(0.5, { standard: 0.5, warningLine: 0.3, controlLine: 0.4 }))).toBe(
      true,
    );
    expect(isDomainError(controlStatus(Number.NaN, lines))).toBe(true);
    expect(checkControlLines(lines)).toBeUndefined();
  });

  test("property: status never improves when the value falls", () => {
    const rank = { "on-target": 2, warning: 1, "off-track": 0 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (a, b) => {
          const hi = controlStatus(Math.max(a, b), lines);
          const lo = controlStatus(Math.min(a, b), lines);
          if (isDomainError(hi) || isDomainError(lo)) return false;
          return rank[lo] <= rank[hi];
        },
      ),
    );
  });
});

describe("trendAlert", () => {
  test("three falls in a row raise the alert, two do not", () => {
    expect(trendAlert([0.5, 0.48, 0.46, 0.44])).toBe(true);
    expect(trendAlert([0.5, 0.48, 0.46])).toBe(false);
    expect(trendAlerts([0.5, 0.48, 0.46, 0.44, 0.45, 0.4])).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  test("a flat step or a gap breaks the run", () => {
    expect(trendAlert([0.5, 0.48, 0.48, 0.44])).toBe(false);
    expect(trendAlert([0.5, 0.48, null, 0.46, 0.44])).toBe(false);
  });

  test("the number of periods is a parameter", () => {
    expect(trendAlert([3, 2, 1], 2)).toBe(true);
    expect(isDomainError(trendAlert([3, 2, 1], 0))).toBe(true);
  });

  test("property: a strictly falling series of n+1 values always alerts at its end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 4, maxLength: 12 }),
        (xs) => {
          const desc = [...new Set(xs)].sort((a, b) => b - a);
          if (desc.length < 4) return true;
          return trendAlert(desc) === true && trendAlert([...desc].reverse()) === false;
        },
      ),
    );
  });
});
