import fc from "fast-check";
import { isDomainError } from "../../src/core";
import { at, broadcastShape, coerceCell, coerceGrid, toGrid } from "../../src/functions/coerce";

describe("coerceCell", () => {
  it("passes finite numbers", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => coerceCell(x, "a") === x),
    );
  });
  it.each([
    ["", "#N/A"],
    [null, "#N/A"],
    [undefined, "#N/A"],
    ["12", "#VALUE!"],
    [true, "#VALUE!"],
    [NaN, "#NUM!"],
    [Infinity, "#NUM!"],
    [{ code: "#REF!" }, "#VALUE!"],
    [{ code: "#N/A" }, "#N/A"],
    [{ type: "Empty", basicValue: "" }, "#N/A"],
    [{ type: "Error", errorType: "Div0" }, "#DIV/0!"],
    [{ type: "Error", errorType: "Ref" }, "#VALUE!"],
    [{ type: "String", basicValue: "abc" }, "#VALUE!"],
    [{ type: "Entity", text: "Car" }, "#VALUE!"],
    [{ type: "Double", basicValue: "5" }, "#VALUE!"],
  ])("%p → %s", (value, code) => {
    const x = coerceCell(value, "cost");
    expect(isDomainError(x) && x.code).toBe(code);
    expect(isDomainError(x) && x.argument).toBe("cost");
  });
});

it("reads a formatted number (a Double data type) as its number", () => {
  expect(coerceCell({ type: "Double", basicValue: 0.15, numberFormat: "0%" }, "margin")).toBe(0.15);
});

describe("grids", () => {
  it("wraps a scalar and a 1-D array", () => {
    expect(toGrid(5, "a")).toEqual([[5]]);
    expect(toGrid([1, 2], "a")).toEqual([[1, 2]]);
  });
  it("rejects ragged and empty ranges", () => {
    expect(isDomainError(toGrid([[1, 2], [3]], "a"))).toBe(true);
    expect(isDomainError(toGrid([], "a"))).toBe(true);
    expect(isDomainError(coerceGrid([[]], "a"))).toBe(true);
  });
  it("broadcast shape: 1×1 fits anything, equal shapes fit each other, others do not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (r, c) => {
        const grid = Array.from({ length: r }, () => new Array<number>(c).fill(1));
        const shape = broadcastShape([
          { grid, argument: "a" },
          { grid: [[2]], argument: "b" },
          { grid, argument: "c" },
        ]);
        return !isDomainError(shape) && shape.rows === r && shape.cols === c && at([[2]], r - 1, c - 1) === 2;
      }),
    );
    const bad = broadcastShape([
      { grid: [[1, 2]], argument: "a" },
      { grid: [[1], [2]], argument: "b" },
    ]);
    expect(isDomainError(bad) && bad.argument).toBe("b");
  });
});
