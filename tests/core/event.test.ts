import fc from "fast-check";
import {
  breakevenAttendees,
  breakevenBuyers,
  breakevenRate,
  eventProfit,
  isDomainError,
} from "../../src/core";

const [F, v, m] = [460000, 1500, 10000];

describe("eventProfit", () => {
  it("is a·r·m − F − v·a: zero at the break-even attendance of the worked example", () => {
    expect(eventProfit(F, v, m, 64 / 120, 120)).toBe(0);
    expect(eventProfit(F, v, m, 64 / 120, 150)).toBeCloseTo(115000, 6);
    expect(eventProfit(F, v, m, 0.5, 0)).toBe(-F);
  });
  it.each([
    [[-1, v, m, 0.5, 10], "fixed_cost", "#NUM!"],
    [[F, -1, m, 0.5, 10], "variable_cost_per_attendee", "#NUM!"],
    [[F, v, -1, 0.5, 10], "margin_per_buyer", "#NUM!"],
    [[F, v, m, 0, 10], "conversion_rate", "#NUM!"],
    [[F, v, m, 1.5, 10], "conversion_rate", "#NUM!"],
    [[F, v, m, 0.5, -10], "attendees", "#NUM!"],
    [[F, v, m, 0.5, Infinity], "attendees", "#NUM!"],
  ])("%p → %s %s", (args, argument, code) => {
    const x = eventProfit(...(args as [number, number, number, number, number]));
    expect(isDomainError(x) && [x.argument, x.code]).toEqual([argument, code]);
  });
  it("property: profit turns non-negative at the break-even attendance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 3000, max: 50000 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (f, vv, mm, r) => {
          const a = breakevenAttendees(f, vv, mm, r);
          if (isDomainError(a)) return r * mm <= vv * (1 + 1e-9);
          const at = eventProfit(f, vv, mm, r, a) as number;
          const before = a > 0 ? (eventProfit(f, vv, mm, r, a - 1) as number) : -1;
          return at >= -1e-6 * Math.max(1, f) && before < 1e-6 * Math.max(1, f);
        },
      ),
    );
  });
});

describe("breakevenRate", () => {
  it("is the break-even buyers over the attendees, above 100% as it is", () => {
    expect(breakevenRate(F, v, m, 120)).toBe(64 / 120);
    expect(breakevenRate(F, v, m, 40)).toBe(1.3);
  });
  it("no attendees or no margin → #DIV/0!, negatives → #NUM!", () => {
    const zero = breakevenRate(F, v, m, 0);
    expect(isDomainError(zero) && [zero.code, zero.argument]).toEqual(["#DIV/0!", "attendees"]);
    const noMargin = breakevenRate(F, v, 0, 10);
    expect(isDomainError(noMargin) && [noMargin.code, noMargin.argument]).toEqual([
      "#DIV/0!",
      "margin_per_buyer",
    ]);
    const neg = breakevenRate(F, v, m, -5);
    expect(isDomainError(neg) && neg.code).toBe("#NUM!");
  });
  it("property: equals BREAKEVEN_BUYERS / a", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        (a) => breakevenRate(F, v, m, a) === (breakevenBuyers(F, v, m, a) as number) / a,
      ),
    );
  });
});
