// The six functions of issue 12 through their Excel wrappers: values as Excel passes them (every
// argument a 2-D array, an omitted optional one undefined), results as Excel shows them.
import fc from "fast-check";
import { toExcelResult } from "../../src/functions/excelErrors";
import { FUNCTIONS, labelsOf } from "../../src/functions/registry";
import {
  attainment,
  breakevenAttendees,
  breakevenRate,
  controlStatus,
  eventProfit,
  funnelSpread,
  trendAlert,
} from "../../src/functions/functions";
import {
  codes,
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

const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

beforeAll(() => installCustomFunctionsDouble());
afterAll(() => {
  uninstallCustomFunctionsDouble();
  setDisplayLanguage(undefined);
});
beforeEach(() => setDisplayLanguage("en-US"));

describe("EVENT_PROFIT", () => {
  it("a·r·m − F − v·a, over a column of attendances", () => {
    expect(eventProfit([[460000]], [[1500]], [[10000]], [[64 / 120]], col([120, 150]))).toEqual([
      [0],
      [115000],
    ]);
  });
  it("a rate typed as 15 → #NUM!; text → #VALUE! naming the argument; a blank → #N/A", () => {
    expect(codes(eventProfit([[1]], [[1]], [[1]], [[15]], [[1]]))).toEqual([["#NUM!"]]);
    const [[text]] = eventProfit([[1]], [[1]], [[1]], [[0.5]], [["many"]]);
    expect(shown(text)).toEqual({ code: "#VALUE!", message: expect.stringContaining("attendees") });
    setDisplayLanguage("zh-CN");
    const [[blank]] = eventProfit([[null]], [[1]], [[1]], [[0.5]], [[1]]);
    expect(shown(blank)).toEqual({ code: "#N/A", message: expect.stringContaining("固定成本") });
  });
});

describe("BREAKEVEN_RATE", () => {
  it("the conversion needed, above 100% as it is, in the attendances' orientation", () => {
    expect(breakevenRate([[460000]], [[1500]], [[10000]], [[120, 40]])).toEqual([[64 / 120, 1.3]]);
  });
  it("no attendees → #DIV/0!", () => {
    expect(codes(breakevenRate([[1]], [[1]], [[1]], [[0]]))).toEqual([["#DIV/0!"]]);
  });
});

describe("BREAKEVEN_ATTENDEES edge", () => {
  it("r·m equal to v only in decimals → #NUM!, not 879,609,302,220,800,000", () => {
    expect(codes(breakevenAttendees([[100000]], [[700]], [[10000]], [[0.07]]))).toEqual([["#NUM!"]]);
  });
});

describe("CONTROL_STATUS", () => {
  it("1, 0, −1 element by element, lines broadcast, either direction", () => {
    expect(controlStatus([[0.31, 0.25, 0.2]], [[0.3]], [[0.27]], [[0.22]])).toEqual([[1, 0, -1]]);
    expect(controlStatus(col([2800, 3450, 3700]), [[3000]], [[3300]], [[3600]])).toEqual([[1], [0], [-1]]);
  });
  it("lines in neither order → #VALUE! with a message about the order", () => {
    const [[cell]] = controlStatus([[0.5]], [[0.3]], [[0.4]], [[0.2]]);
    expect(shown(cell)).toEqual({ code: "#VALUE!", message: expect.stringContaining("control ≤ warning") });
  });
  it("lines per row: a column of standards beside a column of values", () => {
    expect(controlStatus(col([0.5, 0.42]), col([0.6, 0.4]), col([0.55, 0.45]), col([0.5, 0.5]))).toEqual([
      [0],
      [1],
    ]);
  });
});

describe("TREND_ALERT", () => {
  const months = [[0.34, 0.33, 0.31, 0.3, 0.28, 0.27, null, null, "", null, null, null]];
  it("a row is one series: TRUE after three falls, trailing blanks ignored", () => {
    expect(trendAlert(months)).toEqual([[true]]);
    expect(trendAlert(months, [[6]])).toEqual([[false]]);
    expect(trendAlert(col(months[0]))).toEqual([[true]]);
  });
  it("lower is better: rises alert", () => {
    expect(trendAlert([[3000, 3100, 3200, 3300]], undefined, [[false]])).toEqual([[true]]);
    expect(trendAlert([[3000, 3100, 3200, 3300]], [[3]], [[true]])).toEqual([[false]]);
  });
  it("a block gives one result per row, periods per row", () => {
    expect(
      trendAlert(
        [
          [4, 3, 2, 1],
          [1, 2, 3, 4],
          [4, 3, 2, 2],
        ],
        col([3, 3, 1]),
      ),
    ).toEqual([[true], [false], [false]]);
  });
  it("periods not a whole number ≥ 1 → #NUM!; a blank periods cell → #N/A; text in higher_is_better → #VALUE!", () => {
    expect(codes(trendAlert(months, [[0]]))).toEqual([["#NUM!"]]);
    expect(codes(trendAlert(months, [[2.5]]))).toEqual([["#NUM!"]]);
    expect(codes(trendAlert(months, [[null]]))).toEqual([["#N/A"]]);
    const [[cell]] = trendAlert(months, [[3]], [["yes"]]);
    expect(shown(cell)).toEqual({ code: "#VALUE!", message: expect.stringContaining("higher_is_better") });
  });
  it("periods that do not fit the series → #VALUE! for the call", () => {
    expect(thrown(() => trendAlert(months, [[3, 3]])).code).toBe("#VALUE!");
  });
});

describe("FUNNEL_SPREAD", () => {
  it("three rows of min, median and max, one column per step", () => {
    expect(
      funnelSpread([
        [100, 40, 12],
        [200, 50, 20],
        [80, 40, 8],
      ]),
    ).toEqual([
      [0.25, 0.2],
      [0.4, 0.3],
      [0.5, 0.4],
    ]);
  });
  it("a step with no row left is #DIV/0! in its column only; text spoils the steps that use it", () => {
    expect(
      codes(
        funnelSpread([
          [0, 10, 5],
          ["", 20, 10],
        ]),
      ),
    ).toEqual([
      ["#DIV/0!", 0.5],
      ["#DIV/0!", 0.5],
      ["#DIV/0!", 0.5],
    ]);
    expect(codes(funnelSpread([[10, 5, "x", 1]]))).toEqual([
      [0.5, "#VALUE!", "#VALUE!"],
      [0.5, "#VALUE!", "#VALUE!"],
      [0.5, "#VALUE!", "#VALUE!"],
    ]);
  });
  it("fewer than 2 stages → #VALUE! for the call", () => {
    expect(thrown(() => funnelSpread(col([1, 2, 3]))).code).toBe("#VALUE!");
  });
});

describe("ATTAINMENT", () => {
  it("actual / target, or target / actual where lower is better", () => {
    expect(attainment([[108]], [[100]])).toEqual([[1.08]]);
    const [[spend]] = attainment([[1080000]], [[1000000]], [[false]]);
    expect(spend).toBeCloseTo(0.926, 3);
    // A number reads as a logical, as Excel reads one: 0 is FALSE.
    expect(attainment([[50]], [[100]], [[0]])).toEqual([[2]]);
  });
  it("a blank higher_is_better cell → #N/A (never read as the default)", () => {
    expect(codes(attainment([[1]], [[1]], [[null]]))).toEqual([["#N/A"]]);
  });
  it("higher_is_better per element, broadcasting", () => {
    expect(attainment([[80, 80]], [[100]], [[true, false]])).toEqual([[0.8, 1.25]]);
  });
});

describe("every element-wise function, ranges against single cells", () => {
  const ids = [
    "BREAKEVEN_ATTENDEES",
    "BREAKEVEN_BUYERS",
    "ROI",
    "COST_PER_SALE",
    "EVENT_PROFIT",
    "BREAKEVEN_RATE",
    "CONTROL_STATUS",
    "ATTAINMENT",
  ] as const;
  const cell = fc.oneof(
    fc.double({ min: -10, max: 1e6, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom<unknown>(null, "", "x", true, 0, 1),
  );
  it.each(ids)("%s: element (i, j) of a range call is the call on the cells at (i, j)", (id) => {
    const def = FUNCTIONS[id];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: def.args.length, maxLength: def.args.length }),
        fc.array(cell, { minLength: 16 * def.args.length, maxLength: 16 * def.args.length }),
        (rows, cols, single, pool) => {
          const args = def.args.map((_, k) =>
            single[k]
              ? [[pool[16 * k]]]
              : Array.from({ length: rows }, (_, i) =>
                  Array.from({ length: cols }, (_, j) => pool[16 * k + 4 * i + j]),
                ),
          );
          const out = codes(toExcelResult(def.compute(...args), labelsOf(def)));
          const all = single.every(Boolean);
          const [r, c] = all ? [1, 1] : [rows, cols];
          if (out.length !== r || out[0].length !== c) return false;
          for (let i = 0; i < r; i++) {
            for (let j = 0; j < c; j++) {
              const one = args.map((g) => [[g.length === 1 && g[0].length === 1 ? g[0][0] : g[i][j]]]);
              const expected = codes(toExcelResult(def.compute(...one), labelsOf(def)))[0][0];
              if (!Object.is(out[i][j], expected)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
