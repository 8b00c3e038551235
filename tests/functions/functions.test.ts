import fc from "fast-check";
import { costPerSale as coreCostPerSale } from "../../src/core";
import {
  breakevenAttendees,
  breakevenBuyers,
  costPerSale,
  funnelRate,
  funnelTargets,
  roi,
} from "../../src/functions/functions";
import {
  codes,
  ErrorDouble,
  installCustomFunctionsDouble,
  setDisplayLanguage,
  shown,
  uninstallCustomFunctionsDouble,
} from "./customFunctionsDouble";

function thrown(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    const s = shown(e);
    if (typeof s === "object") return s;
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}

beforeAll(() => installCustomFunctionsDouble());
afterAll(() => {
  uninstallCustomFunctionsDouble();
  setDisplayLanguage(undefined);
});
beforeEach(() => setDisplayLanguage("en-US"));

describe("the source's break-even example through Excel", () => {
  it("BREAKEVEN_ATTENDEES gives exactly 120", () => {
    expect(breakevenAttendees([[460000]], [[1500]], [[10000]], [[64 / 120]])).toEqual([[120]]);
  });
  it("BREAKEVEN_BUYERS over a column of attendances keeps the column", () => {
    expect(breakevenBuyers([[460000]], [[1500]], [[10000]], [[0], [120]])).toEqual([[46], [64]]);
  });
});

describe("every error code", () => {
  it("text where a number belongs → #VALUE! naming the argument", () => {
    const [[cell]] = breakevenAttendees([["abc"]], [[1500]], [[10000]], [[0.5]]);
    expect(shown(cell)).toEqual({ code: "#VALUE!", message: expect.stringContaining("fixed_cost") });
  });
  it("a logical where a number belongs → #VALUE!", () => {
    expect(codes(costPerSale([[true]], [[3]]))).toEqual([["#VALUE!"]]);
  });
  it.each([[""], [null]])("a blank (%p) where a count belongs → #N/A naming it, never 0", (blank) => {
    const [[cell]] = costPerSale([[1000]], [[blank]]);
    expect(shown(cell)).toEqual({ code: "#N/A", message: expect.stringContaining("vehicles_sold") });
  });
  it("negative cost → #NUM! without a message (Excel shows none for #NUM!)", () => {
    expect(shown(costPerSale([[-5]], [[3]])[0][0])).toEqual({ code: "#NUM!" });
  });
  it("a margin typed as 15 instead of 15% → #NUM!", () => {
    expect(codes(roi([[1000]], [[100]], [[15]]))).toEqual([["#NUM!"]]);
  });
  it("a conversion rate above 100% → #NUM!", () => {
    expect(codes(breakevenAttendees([[1000]], [[10]], [[100]], [[1.2]]))).toEqual([["#NUM!"]]);
  });
  it("r·m ≤ v → #NUM!", () => {
    expect(codes(breakevenAttendees([[460000]], [[1500]], [[10000]], [[0.1]]))).toEqual([["#NUM!"]]);
  });
  it("a zero denominator → #DIV/0! without a message", () => {
    expect(shown(roi([[1000]], [[0]])[0][0])).toEqual({ code: "#DIV/0!" });
    expect(shown(breakevenBuyers([[1]], [[1]], [[0]], [[1]])[0][0])).toEqual({ code: "#DIV/0!" });
  });
  it("stage numbers out of range or in the wrong order → #VALUE!", () => {
    const counts = [[1000, 100, 50, 20]];
    expect(shown(funnelRate(counts, [[0]], [[3]])[0][0])).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("from_stage"),
    });
    expect(codes(funnelRate(counts, [[2]], [[5]]))).toEqual([["#VALUE!"]]);
    expect(codes(funnelRate(counts, [[3]], [[2]]))).toEqual([["#VALUE!"]]);
    expect(codes(funnelRate(counts, [[1.5]], [[2]]))).toEqual([["#VALUE!"]]);
  });
  it("an error value arriving in a range stays that error", () => {
    expect(codes(costPerSale([[new ErrorDouble("#DIV/0!")]], [[3]]))).toEqual([["#DIV/0!"]]);
  });
  it("writes messages in Chinese when Office's display language is Chinese", () => {
    setDisplayLanguage("zh-CN");
    const [[cell]] = breakevenAttendees([["abc"]], [[1500]], [[10000]], [[0.5]]);
    expect(shown(cell)).toEqual({ code: "#VALUE!", message: expect.stringContaining("固定成本") });
    expect(thrown(() => roi([[1], [2]], [[1], [2], [3]])).message).toContain("营销成本");
  });
});

describe("broadcast and shape rules", () => {
  it("combines same-shape ranges element by element", () => {
    expect(roi([[300], [200]], [[100], [100]])).toEqual([[2], [1]]);
    expect(costPerSale([[100, 200, 300]], [[10, 20, 30]])).toEqual([[10, 10, 10]]);
  });
  it("broadcasts a single cell over a range, keeping the range's orientation", () => {
    expect(roi([[300, 200]], [[100]])).toEqual([[2, 1]]);
    expect(roi([[300], [200]], [[100]], [[0.5]])).toEqual([[0.5], [0]]);
  });
  it("mismatched shapes → #VALUE! for the whole call, naming the argument", () => {
    expect(thrown(() => roi([[1], [2]], [[1], [2], [3]]))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("cost"),
    });
    expect(thrown(() => costPerSale([[1, 2]], [[1], [2]])).code).toBe("#VALUE!");
  });
  it("treats an omitted margin (undefined or null) as 100%, but a blank margin cell as #N/A", () => {
    expect(roi([[300]], [[100]])).toEqual([[2]]);
    expect(roi([[300]], [[100]], null as unknown as unknown[][])).toEqual([[2]]);
    expect(codes(roi([[300]], [[100]], [[""]]))).toEqual([["#N/A"]]);
  });
  it("keeps an error in its element and computes the rest", () => {
    expect(codes(costPerSale([[100, 200, 300, -1]], [[10, 0, "x", 4]]))).toEqual([
      [10, "#DIV/0!", "#VALUE!", "#NUM!"],
    ]);
  });
});

describe("FUNNEL_RATE", () => {
  const row = [[10000, 800, 400, 120]];
  const column = row[0].map((x) => [x]);
  it("a column of counts gives a column of n−1 step rates", () => {
    const out = funnelRate(column);
    expect(out).toHaveLength(3);
    expect(out.every((r) => r.length === 1)).toBe(true);
    expect(out.map((r) => r[0])).toEqual([0.08, 0.5, 0.3]);
  });
  it("a row gives a row", () => {
    expect(funnelRate(row)).toEqual([[0.08, 0.5, 0.3]]);
  });
  it("a block gives one row of n−1 rates per series", () => {
    expect(
      funnelRate([
        [100, 50, 10],
        [200, 20, 20],
      ]),
    ).toEqual([
      [0.5, 0.2],
      [0.1, 1],
    ]);
  });
  it("with stages, one cumulative rate per series", () => {
    expect(funnelRate(column, [[1]], [[4]])).toEqual([[0.012]]);
    expect(
      funnelRate(
        [
          [100, 50, 10],
          [200, 20, 20],
        ],
        [[1]],
        [[3]],
      ),
    ).toEqual([[0.1], [0.1]]);
  });
  it("stages may differ per series (a column beside a block)", () => {
    expect(
      funnelRate(
        [
          [100, 50, 10],
          [200, 20, 20],
        ],
        [[1], [2]],
        [[2], [3]],
      ),
    ).toEqual([[0.5], [1]]);
  });
  it("returns rates above 100% as they are", () => {
    expect(funnelRate([[50, 80]])).toEqual([[1.6]]);
  });
  it("a blank count → #N/A in the rates that depend on it only", () => {
    expect(codes(funnelRate([[100], [""], [30], [15]]))).toEqual([["#N/A"], ["#N/A"], [0.5]]);
  });
  it("an error inside one series of a block stays in that series", () => {
    expect(
      codes(
        funnelRate([
          [100, 0, 10],
          [200, 20, 20],
        ]),
      ),
    ).toEqual([
      [0, "#DIV/0!"],
      [0.1, 1],
    ]);
  });
  it("a single count or only one of the two stages → #VALUE! for the call", () => {
    expect(thrown(() => funnelRate([[5]])).code).toBe("#VALUE!");
    expect(thrown(() => funnelRate(row, [[1]])).message).toContain("to_stage");
  });
  it("stage ranges that do not fit the series → #VALUE!", () => {
    expect(thrown(() => funnelRate(row, [[1], [1]], [[2]])).code).toBe("#VALUE!");
    expect(thrown(() => funnelRate(row, [[1]], [[2, 3]])).message).toContain("to_stage");
  });
});

describe("FUNNEL_TARGETS", () => {
  it("a row of rates gives a row one longer, earliest stage first", () => {
    expect(funnelTargets([[60]], [[0.08, 0.5, 0.3]])).toEqual([[5000, 400, 200, 60]]);
  });
  it("a column of rates gives a column", () => {
    expect(funnelTargets([[60]], [[0.08], [0.5], [0.3]])).toEqual([[5000], [400], [200], [60]]);
  });
  it("a bad rate spoils only the stages that depend on it", () => {
    expect(codes(funnelTargets([[10]], [[0.5], [2], [0.5]]))).toEqual([["#NUM!"], ["#NUM!"], [20], [10]]);
  });
  it("a block plans one series per row, with one target per row", () => {
    expect(
      funnelTargets(
        [[10], [20]],
        [
          [0.5, 0.5],
          [0.5, 1],
        ],
      ),
    ).toEqual([
      [40, 20, 10],
      [40, 20, 20],
    ]);
  });
  it("several targets for one series → #VALUE!", () => {
    expect(thrown(() => funnelTargets([[10], [20]], [[0.5, 0.5]])).code).toBe("#VALUE!");
  });
  it("a blank target → #N/A in every stage", () => {
    expect(codes(funnelTargets([[null]], [[0.5, 0.5]]))).toEqual([["#N/A", "#N/A", "#N/A"]]);
  });
});

describe("properties of the wrappers", () => {
  const count = fc.integer({ min: 1, max: 100_000 });
  it("element-wise results equal the core at every position, in the input's shape", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e7 }), count), { minLength: 36, maxLength: 36 }),
        (rows, cols, pairs) => {
          const costs = Array.from({ length: rows }, (_, r) =>
            pairs.slice(r * cols, (r + 1) * cols).map((p) => p[0]),
          );
          const sold = Array.from({ length: rows }, (_, r) =>
            pairs.slice(r * cols, (r + 1) * cols).map((p) => p[1]),
          );
          const out = costPerSale(costs, sold);
          return (
            out.length === rows &&
            out.every(
              (row, r) =>
                row.length === cols && row.every((x, c) => x === coreCostPerSale(costs[r][c], sold[r][c])),
            )
          );
        },
      ),
    );
  });
  it("FUNNEL_RATE keeps the orientation: n−1 rates along the stages, one row per series", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 7 }),
        fc.boolean(),
        (series, stages, transpose) => {
          const block = Array.from({ length: series }, (_, s) =>
            Array.from({ length: stages }, (_, k) => 1000 - 10 * k - s),
          );
          if (series === 1 && transpose) {
            const out = funnelRate(block[0].map((x) => [x]));
            return out.length === stages - 1 && out.every((row) => row.length === 1);
          }
          const out = funnelRate(block);
          return out.length === series && out.every((row) => row.length === stages - 1);
        },
      ),
    );
  });
  it("FUNNEL_TARGETS returns one more value than rates, in the rates' orientation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }),
        count,
        (rates, target) => {
          const asRow = funnelTargets([[target]], [rates]);
          const asColumn = funnelTargets(
            [[target]],
            rates.map((r) => [r]),
          );
          return (
            asRow.length === 1 &&
            asRow[0].length === rates.length + 1 &&
            asColumn.length === rates.length + 1 &&
            asColumn.every((row, k) => row.length === 1 && row[0] === asRow[0][k])
          );
        },
      ),
    );
  });
});
