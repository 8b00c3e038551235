import fc from "fast-check";
import { domainError, funnelSpread, isDomainError, stepRates, type CountInput } from "../../src/core";

const blank = domainError("blank", "counts");

describe("funnelSpread", () => {
  it("min, median and max of each step across the rows", () => {
    expect(
      funnelSpread([
        [100, 40, 12],
        [200, 50, 20],
        [80, 40, 8],
      ]),
    ).toEqual([
      [0.25, 0.4, 0.5],
      [0.2, 0.3, 0.4],
    ]);
  });
  it("an even number of rows gives the mean of the middle two, as MEDIAN does", () => {
    expect(
      funnelSpread([
        [10, 1],
        [10, 2],
        [10, 3],
        [10, 9],
      ]),
    ).toEqual([[0.1, 0.25, 0.9]]);
  });
  it("leaves a row out of step k when its count at stage k is 0 or blank, or at stage k+1 blank", () => {
    const spread = funnelSpread([
      [100, 0, 5],
      [blank, 50, 10],
      [100, 20, blank],
      [100, 30, 15],
    ]);
    // Step 1: rows 1, 3, 4 (0, 20%, 30%); step 2: rows 2 and 4 (20%, 50%), row 1 has 0 at stage 2
    // and row 3 no stage 3 yet.
    expect(spread).toEqual([
      [0, 0.2, 0.3],
      [0.2, 0.35, 0.5],
    ]);
  });
  it("a step with no row left → #DIV/0!; rates above 100% are kept", () => {
    const spread = funnelSpread([
      [0, 5],
      [blank, 3],
    ]);
    expect(isDomainError(spread)).toBe(false);
    if (isDomainError(spread)) return;
    expect(spread[0].map((x) => isDomainError(x) && x.code)).toEqual(["#DIV/0!", "#DIV/0!", "#DIV/0!"]);
    expect(funnelSpread([[50, 80]])).toEqual([[1.6, 1.6, 1.6]]);
  });
  it("the first row with an error in a count it uses gives the step that error", () => {
    const text = domainError("notNumber", "counts");
    const na = domainError("inputError", "counts", "#N/A");
    const spread = funnelSpread([
      [100, 50, 10],
      [100, text, 10],
      [100, -5, na],
      [0, na, 1],
    ]);
    if (isDomainError(spread)) throw new Error("whole call");
    expect(spread[0]).toEqual([text, text, text]);
    // Step 2: row 2's text first; row 4's #N/A at stage 2 is never read (its stage 1 is 0 … for step 1).
    expect(spread[1].map((x) => isDomainError(x) && x.code)).toEqual(["#VALUE!", "#VALUE!", "#VALUE!"]);
    const neg = funnelSpread([[100, -5, 1]]);
    if (isDomainError(neg)) throw new Error("whole call");
    expect(neg.map((s) => isDomainError(s[0]) && s[0].code)).toEqual(["#NUM!", "#NUM!"]);
  });
  it("fewer than 2 stages → #VALUE! for the call", () => {
    const e = funnelSpread([[5], [6]]);
    expect(isDomainError(e) && [e.code, e.reason]).toEqual(["#VALUE!", "tooFewStages"]);
  });
  it("property: min ≤ median ≤ max, and each equals some row's step rate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const spread = funnelSpread(rows as CountInput[][]);
          if (isDomainError(spread)) return false;
          const rates = rows.map((r) => stepRates(r) as number[]);
          return spread.every(([lo, mid, hi], k) => {
            const ks = rates.map((r) => r[k]);
            return (
              (lo as number) <= (mid as number) &&
              (mid as number) <= (hi as number) &&
              lo === Math.min(...ks) &&
              hi === Math.max(...ks)
            );
          });
        },
      ),
    );
  });
});
