import fc from "fast-check";
import { costPerSale, isDomainError, roi, type DomainError } from "../../src/core";

function err(x: unknown): DomainError {
  if (!isDomainError(x)) throw new Error(`expected a domain error, got ${String(x)}`);
  return x;
}

describe("roi", () => {
  it("is (revenue − cost)/cost by default (the source's formula)", () => {
    expect(roi(300000, 100000)).toBeCloseTo(2, 12);
    expect(roi(50000, 100000)).toBeCloseTo(-0.5, 12);
  });
  it("applies the margin to revenue", () => {
    expect(roi(1000000, 100000, 0.15)).toBeCloseTo(0.5, 12);
  });
  it("cost 0 → #DIV/0!", () => {
    expect(err(roi(100, 0)).code).toBe("#DIV/0!");
  });
  it("negative revenue or cost → #NUM!", () => {
    expect(err(roi(-1, 10)).argument).toBe("revenue");
    expect(err(roi(1, -10)).code).toBe("#NUM!");
  });
  it.each([0, -0.2, 15, 1.01])("margin %p outside (0,1] → #NUM!", (margin) => {
    const e = err(roi(100, 10, margin));
    expect(e.code).toBe("#NUM!");
    expect(e.reason).toBe("marginOutOfRange");
  });
  it("the ROI's revenue at break-even gives 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (cost, margin) => {
          const r = roi(cost / margin, cost, margin);
          return !isDomainError(r) && Math.abs(r) < 1e-9;
        },
      ),
    );
  });
});

describe("costPerSale", () => {
  it("divides cost by vehicles", () => {
    expect(costPerSale(250000, 50)).toBe(5000);
  });
  it("0 vehicles → #DIV/0!, negatives → #NUM!", () => {
    expect(err(costPerSale(1000, 0)).code).toBe("#DIV/0!");
    expect(err(costPerSale(-1, 3)).code).toBe("#NUM!");
    expect(err(costPerSale(1, -3)).argument).toBe("vehicles_sold");
  });
  it("cost per sale × vehicles gives back the cost", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e5 }), (cost, n) => {
        const c = costPerSale(cost, n);
        return !isDomainError(c) && Math.abs(c * n - cost) <= 1e-9 * Math.max(1, cost);
      }),
    );
  });
});
