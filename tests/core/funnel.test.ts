import fc from "fast-check";
import {
  cumulativeRate,
  domainError,
  funnelTargets,
  funnelTargetsByStage,
  isDomainError,
  stepRates,
  type DomainError,
} from "../../src/core";

function err(x: unknown): DomainError {
  if (!isDomainError(x)) throw new Error(`expected a domain error, got ${String(x)}`);
  return x;
}

const counts = [10000, 800, 400, 120, 100, 60];

describe("stepRates", () => {
  it("gives count(k+1)/count(k), n−1 of them", () => {
    const rates = stepRates(counts);
    expect(rates).toHaveLength(5);
    expect(rates[0]).toBeCloseTo(0.08, 12);
    expect(rates[1]).toBeCloseTo(0.5, 12);
    expect(rates[2]).toBeCloseTo(0.3, 12);
  });
  it("returns rates above 100% as they are", () => {
    expect(stepRates([50, 80])).toEqual([1.6]);
  });
  it("keeps an error in the rates that use the bad count only", () => {
    const rates = stepRates([100, 0, 30, -1, 5]);
    expect(rates[0]).toBe(0);
    expect(err(rates[1]).code).toBe("#DIV/0!");
    expect(err(rates[2]).code).toBe("#NUM!");
    expect(err(rates[3]).code).toBe("#NUM!");
  });
  it("passes a blank's #N/A on to both neighbouring rates", () => {
    const blank = domainError("blank", "counts");
    const rates = stepRates([100, blank, 30, 15]);
    expect(err(rates[0]).code).toBe("#N/A");
    expect(err(rates[1]).code).toBe("#N/A");
    expect(rates[2]).toBe(0.5);
  });
  it("needs two stages → #VALUE!", () => {
    expect(err(stepRates([5])[0]).code).toBe("#VALUE!");
    expect(err(stepRates([])[0]).reason).toBe("tooFewStages");
  });
});

describe("cumulativeRate", () => {
  it("is count(to)/count(from), 1-based", () => {
    expect(cumulativeRate(counts, 1, 4)).toBeCloseTo(0.012, 12);
    expect(cumulativeRate(counts, 2, 3)).toBe(0.5);
  });
  it.each([
    [0, 3, "stageOutOfRange", "from_stage"],
    [1, 7, "stageOutOfRange", "to_stage"],
    [3, 3, "stageOrder", "to_stage"],
    [4, 2, "stageOrder", "to_stage"],
    [1.5, 3, "stageNotWhole", "from_stage"],
  ])("from %p to %p → #VALUE! (%s)", (from, to, reason, argument) => {
    const e = err(cumulativeRate(counts, from, to));
    expect(e.code).toBe("#VALUE!");
    expect(e.reason).toBe(reason);
    expect(e.argument).toBe(argument);
  });
  it("zero at the start stage → #DIV/0!", () => {
    expect(err(cumulativeRate([0, 1, 2], 1, 3)).code).toBe("#DIV/0!");
  });
  it("step rates multiply to the cumulative rate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (cs, i, j) => {
          const from = 1 + (i % (cs.length - 1));
          const to = from + 1 + (j % (cs.length - from));
          const rates = stepRates(cs).slice(from - 1, to - 1) as number[];
          const product = rates.reduce((p, r) => p * r, 1);
          const cumulative = cumulativeRate(cs, from, to);
          return (
            !isDomainError(cumulative) && Math.abs(product - cumulative) <= 1e-9 * Math.max(1, cumulative)
          );
        },
      ),
    );
  });
});

describe("funnelTargets", () => {
  it("plans backwards, earliest stage first, one more value than rates", () => {
    expect(funnelTargets(60, [0.08, 0.5, 0.3])).toEqual([5000, 400, 200, 60]);
  });
  it("rounds each stage up to whole people", () => {
    expect(funnelTargets(10, [0.3])).toEqual([34, 10]);
    expect(funnelTargets(64, [64 / 120])).toEqual([120, 64]);
  });
  it("rejects a rate outside (0,1] and a negative target → #NUM!", () => {
    expect(err(funnelTargets(10, [0.5, 15])).code).toBe("#NUM!");
    expect(err(funnelTargets(10, [0, 0.5])).argument).toBe("step_rates");
    expect(err(funnelTargets(-1, [0.5])).argument).toBe("target");
  });
  it("keeps a bad rate's error in the earlier stages only", () => {
    const stages = funnelTargetsByStage(10, [0.5, 2, 0.5]);
    expect(err(stages[0]).code).toBe("#NUM!");
    expect(err(stages[1]).code).toBe("#NUM!");
    expect(stages.slice(2)).toEqual([20, 10]);
  });
  it("reaches the target: each stage feeds the next, and one person fewer would not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (target, rates) => {
          const stages = funnelTargets(target, rates);
          if (isDomainError(stages) || stages.length !== rates.length + 1) return false;
          if (stages[rates.length] !== target) return false;
          return rates.every((r, k) => {
            const need = stages[k + 1];
            const slack = 1e-7 * Math.max(1, need);
            return stages[k] * r >= need - slack && (stages[k] === 0 || (stages[k] - 1) * r < need + slack);
          });
        },
      ),
    );
  });
});
