// Errors in input cells, in the forms Excel passes them to a parameter of type any once the metadata
// sets allowErrorForDataTypeAny (with allowCustomDataForDataTypeAny, as ours does): the data types
// error object of the Excel JavaScript API ({ type: "Error", basicValue: "#N/A", errorType:
// "NotAvailable" }, Excel.ErrorCellValue), and a CustomFunctions.Error-like { code }. An error stays
// in its own element of a range: the other elements still compute.
import * as wrappers from "../../src/functions/functions";
import { FUNCTION_LIST, type DealerId } from "../../src/functions/registry";
import {
  codes,
  ErrorDouble,
  installCustomFunctionsDouble,
  uninstallCustomFunctionsDouble,
} from "./customFunctionsDouble";

type Wrapper = (...args: (unknown[][] | undefined)[]) => unknown[][];
const call = (fn: string, args: (unknown[][] | undefined)[]): (number | string | boolean)[][] =>
  codes((wrappers as unknown as Record<string, Wrapper>)[fn](...args)) as (number | string | boolean)[][];

/** An error cell as Excel's data types hand it over: errorType and the en-US basicValue. */
const dataTypeError = (errorType: string, basicValue: string): Record<string, string> => ({
  type: "Error",
  basicType: "Error",
  basicValue,
  errorType,
});

/** [what Excel passes, what the element shows]: four errors stay, the rest become #VALUE!. */
const ERRORS: [string, unknown, string][] = [
  ["#N/A", dataTypeError("NotAvailable", "#N/A"), "#N/A"],
  ["#DIV/0!", dataTypeError("Div0", "#DIV/0!"), "#DIV/0!"],
  ["#NUM!", dataTypeError("Num", "#NUM!"), "#NUM!"],
  ["#VALUE!", dataTypeError("Value", "#VALUE!"), "#VALUE!"],
  ["#REF!", dataTypeError("Ref", "#REF!"), "#VALUE!"],
  ["#NAME?", dataTypeError("Name", "#NAME?"), "#VALUE!"],
  ["#SPILL!", dataTypeError("Spill", "#SPILL!"), "#VALUE!"],
  ["#N/A without errorType", { type: "Error", basicValue: "#N/A" }, "#N/A"],
  ["CustomFunctions.Error #NUM!", new ErrorDouble("#NUM!"), "#NUM!"],
];

/** A valid single-cell call of each element-wise function. */
const ELEMENTWISE: Partial<Record<DealerId, number[]>> = {
  BREAKEVEN_ATTENDEES: [460000, 1500, 10000, 0.5],
  BREAKEVEN_BUYERS: [460000, 1500, 10000, 120],
  ROI: [300000, 100000, 0.2],
  COST_PER_SALE: [250000, 50],
  EVENT_PROFIT: [460000, 1500, 10000, 0.5, 150],
  BREAKEVEN_RATE: [460000, 1500, 10000, 120],
  CONTROL_STATUS: [0.25, 0.3, 0.27, 0.22],
  ATTAINMENT: [108, 100, 1],
};

beforeAll(() => installCustomFunctionsDouble());
afterAll(() => uninstallCustomFunctionsDouble());

describe.each(FUNCTION_LIST.filter((d) => ELEMENTWISE[d.id as DealerId]).map((d) => [d.id, d]))(
  "%s",
  (id, def) => {
    const values = ELEMENTWISE[id as DealerId] as number[];
    const valid = call(
      def.fn,
      values.map((x) => [[x]]),
    )[0][0];
    it.each(def.args.map((a, k) => [a.name, k]))("an error in %s stays in its element", (_name, k) => {
      expect(typeof valid).not.toBe("string");
      for (const [, passed, shows] of ERRORS) {
        const args = values.map((x, j) => (j === k ? [[x, passed]] : [[x]]));
        expect(call(def.fn, args)).toEqual([[valid, shows]]);
      }
    });
  },
);

describe("series functions", () => {
  it("FUNNEL_RATE: an error in one count spoils only the rates that use it", () => {
    for (const [, passed, shows] of ERRORS) {
      expect(call("funnelRate", [[[1000, 400, passed, 100, 50]]])).toEqual([[0.4, shows, shows, 0.5]]);
    }
  });
  it("FUNNEL_TARGETS: an error in a rate spoils the stages before it only", () => {
    for (const [, passed, shows] of ERRORS) {
      expect(call("funnelTargets", [[[10]], [[0.5, passed, 0.5]]])).toEqual([[shows, shows, 20, 10]]);
    }
  });
  it("TREND_ALERT: an error among the last periods + 1 values gives that error; earlier ones do not matter", () => {
    for (const [, passed, shows] of ERRORS) {
      expect(call("trendAlert", [[[5, 4, passed, 2, 1]]])).toEqual([[shows]]);
      expect(call("trendAlert", [[[passed, 5, 4, 3, 2, null]]])).toEqual([[true]]);
      expect(call("trendAlert", [[[5, 4, 3, 2]], [[passed]]])).toEqual([[shows]]);
    }
  });
  it("FUNNEL_SPREAD: an error in a count gives its steps that error, the other steps compute", () => {
    for (const [, passed, shows] of ERRORS) {
      const out = call("funnelSpread", [
        [
          [100, 50, 10, 5],
          [200, 40, passed, 4],
        ],
      ]);
      expect(out.map((row) => row[0])).toEqual([0.2, 0.35, 0.5]);
      expect(out.map((row) => row.slice(1))).toEqual([
        [shows, shows],
        [shows, shows],
        [shows, shows],
      ]);
    }
  });
});
