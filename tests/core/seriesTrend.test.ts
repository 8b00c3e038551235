import fc from "fast-check";
import { domainError, isDomainError, seriesTrend, type SeriesValue } from "../../src/core";

const blank = domainError("blank", "series");
const text = domainError("notNumber", "series");
const na = domainError("inputError", "series", "#N/A");

describe("seriesTrend", () => {
  it("three falls in a row need four values", () => {
    expect(seriesTrend([0.34, 0.33, 0.31, 0.3, 0.28, 0.27])).toBe(true);
    expect(seriesTrend([0.31, 0.3, 0.28])).toBe(false);
    expect(seriesTrend([0.33, 0.31, 0.3, 0.28])).toBe(true);
    expect(seriesTrend([0.34, 0.33, 0.31, 0.3, 0.28, 0.27], 6)).toBe(false);
    expect(seriesTrend([0.34, 0.33, 0.31, 0.3, 0.28, 0.27], 5)).toBe(true);
  });
  it("ignores trailing blanks, as a year's row with months still empty", () => {
    expect(seriesTrend([0.33, 0.31, 0.3, 0.28, blank, blank, blank])).toBe(true);
    expect(seriesTrend([blank, blank])).toBe(false);
    expect(seriesTrend([])).toBe(false);
  });
  it("a blank inside the window breaks the run; equal values do not move", () => {
    expect(seriesTrend([0.33, 0.31, blank, 0.28, 0.27])).toBe(false);
    expect(seriesTrend([0.33, 0.31, 0.31, 0.28])).toBe(false);
  });
  it("rising moves toward the lines where lower is better", () => {
    expect(seriesTrend([3000, 3100, 3200, 3300], 3, false)).toBe(true);
    expect(seriesTrend([3000, 3100, 3200, 3300], 3, true)).toBe(false);
    expect(seriesTrend([3300, 3200, 3100, 3000], 3, false)).toBe(false);
  });
  it("inside the window: an error gives that error (the latest), text #VALUE!, before a gap", () => {
    const div = domainError("inputError", "series", "#DIV/0!");
    expect(seriesTrend([0.5, na, 0.4, 0.3])).toBe(na);
    expect(seriesTrend([div, na, 0.4, 0.3])).toBe(na);
    expect(seriesTrend([na, text, 0.4, 0.3])).toBe(na);
    expect(seriesTrend([0.5, text, blank, 0.3])).toBe(text);
    // Outside the window, errors do not matter.
    expect(seriesTrend([na, text, 0.5, 0.4, 0.3, 0.2])).toBe(true);
    // Too few values for a window at all: FALSE, whatever they are.
    expect(seriesTrend([na, 0.3])).toBe(false);
  });
  it.each([0, -1, 2.5, Number.NaN])("periods %p → #NUM!", (p) => {
    const e = seriesTrend([4, 3, 2, 1], p);
    expect(isDomainError(e) && [e.code, e.argument]).toEqual(["#NUM!", "periods"]);
  });
  it("property: a strictly falling run of p+1 values at the end alerts, whatever came before", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 10 }),
        fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.nat({ max: 4 }),
        (before, steps, trailing) => {
          const run: number[] = [1000];
          for (const s of steps) run.push(run[run.length - 1] - s);
          const values: SeriesValue[] = [...before, ...run, ...new Array<SeriesValue>(trailing).fill(blank)];
          const p = steps.length;
          return (
            seriesTrend(values, p) === true &&
            seriesTrend(values, p, false) === false &&
            seriesTrend(values, p + 1 + before.length) === false
          );
        },
      ),
    );
  });
});
