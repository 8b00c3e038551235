import fc from "fast-check";
import { breakevenAttendees, breakevenBuyers, isDomainError, type DomainError } from "../../src/core";

const F = 460000;
const v = 1500;
const m = 10000;

function err(x: unknown): DomainError {
  if (!isDomainError(x)) throw new Error(`expected a domain error, got ${String(x)}`);
  return x;
}

describe("the source's worked example", () => {
  it("needs exactly 120 attendees at r = 64/120, not 121", () => {
    expect(breakevenAttendees(F, v, m, 64 / 120)).toBe(120);
  });
  it("needs 64 buyers at 120 attendees and 46 at none", () => {
    expect(breakevenBuyers(F, v, m, 120)).toBe(64);
    expect(breakevenBuyers(F, v, m, 0)).toBe(46);
  });
});

describe("breakevenAttendees errors", () => {
  it.each([
    [[-1, v, m, 0.5], "fixed_cost"],
    [[F, -1, m, 0.5], "variable_cost_per_attendee"],
    [[F, v, -1, 0.5], "margin_per_buyer"],
  ])("negative money %p → #NUM! on %s", (args, argument) => {
    const e = err(breakevenAttendees(...(args as [number, number, number, number])));
    expect(e.code).toBe("#NUM!");
    expect(e.argument).toBe(argument);
    expect(e.reason).toBe("negative");
  });
  it.each([0, -0.1, 1.0001, 15, NaN])("rate %p outside (0,1] → #NUM!", (r) => {
    const e = err(breakevenAttendees(F, v, m, r));
    expect(e.code).toBe("#NUM!");
    expect(e.argument).toBe("conversion_rate");
  });
  it("accepts a rate of exactly 100%", () => {
    expect(breakevenAttendees(1000, 0, 100, 1)).toBe(10);
  });
  it("r·m ≤ v never breaks even → #NUM!", () => {
    expect(err(breakevenAttendees(F, 1500, 10000, 0.15)).reason).toBe("neverBreaksEven");
    expect(err(breakevenAttendees(F, 2000, 10000, 0.1)).code).toBe("#NUM!");
  });
  it("infinite input → #NUM!", () => {
    expect(err(breakevenAttendees(Infinity, v, m, 0.5)).reason).toBe("notFinite");
  });
});

describe("breakevenBuyers errors", () => {
  it("margin 0 → #DIV/0!", () => {
    const e = err(breakevenBuyers(F, v, 0, 10));
    expect(e.code).toBe("#DIV/0!");
    expect(e.argument).toBe("margin_per_buyer");
  });
  it("negative attendees → #NUM!", () => {
    expect(err(breakevenBuyers(F, v, m, -3)).code).toBe("#NUM!");
  });
});

describe("break-even properties", () => {
  const money = fc.integer({ min: 0, max: 5_000_000 });
  it("a* attendees break even and a* − 1 do not", () => {
    fc.assert(
      fc.property(
        money,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (fixed, variable, margin, rate) => {
          const a = breakevenAttendees(fixed, variable, margin, rate);
          if (rate * margin - variable <= 0) return isDomainError(a);
          if (isDomainError(a)) return false;
          const net = (n: number) => n * (rate * margin - variable) - fixed;
          const slack = 1e-7 * Math.max(1, fixed);
          return net(a) >= -slack && (a === 0 || net(a - 1) < slack);
        },
      ),
    );
  });
  it("B(a) buyers cover cost at a attendees and B(a) − 1 do not", () => {
    fc.assert(
      fc.property(
        money,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (fixed, variable, margin, a) => {
          const b = breakevenBuyers(fixed, variable, margin, a);
          if (isDomainError(b)) return false;
          const cost = fixed + variable * a;
          const slack = 1e-7 * Math.max(1, cost);
          return b * margin >= cost - slack && (b === 0 || (b - 1) * margin < cost + slack);
        },
      ),
    );
  });
  it("more fixed cost never needs fewer attendees (monotone)", () => {
    fc.assert(
      fc.property(money, money, fc.double({ min: 0.2, max: 1, noNaN: true }), (f1, f2, r) => {
        const lo = breakevenAttendees(Math.min(f1, f2), 1000, 10000, r);
        const hi = breakevenAttendees(Math.max(f1, f2), 1000, 10000, r);
        return !isDomainError(lo) && !isDomainError(hi) && lo <= hi;
      }),
    );
  });
});
