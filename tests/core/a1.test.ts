import fc from "fast-check";
import {
  absoluteRange,
  colIndex,
  colName,
  parseCell,
  parseRange,
  quoteSheet,
  rangeCells,
  sheetNeedsQuotes,
  splitSheetRef,
  tryParseCell,
  unquoteSheet,
} from "../../src/core/a1";

describe("column letters", () => {
  test("letters and indexes are inverse over Excel's 16,384 columns", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (n) => expect(colIndex(colName(n))).toBe(n)));
  });
  test("past Z, ZZ and at the last column", () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(colName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
    expect(colIndex("xfd")).toBe(16383);
  });
});

describe("cells and ranges", () => {
  test("parse absolute and relative addresses, 0-based", () => {
    expect(parseCell("$B$5")).toEqual({ row: 4, col: 1 });
    expect(parseRange("D9:B5")).toEqual({ row: 4, col: 1, rows: 5, cols: 3 });
    expect(rangeCells("A1:B2")).toEqual(["A1", "B1", "A2", "B2"]);
    expect(absoluteRange("B5:D9")).toBe("$B$5:$D$9");
  });
  test("nothing outside the grid is a cell", () => {
    expect(tryParseCell("XFD1048576")).toEqual({ row: 1048575, col: 16383 });
    expect(tryParseCell("XFE1")).toBeUndefined();
    expect(tryParseCell("A1048577")).toBeUndefined();
    expect(tryParseCell("A0")).toBeUndefined();
    expect(() => parseCell("B")).toThrow(/Bad cell address/);
  });
});

describe("sheet names in formulas follow Excel's quoting", () => {
  test.each([
    ["Sheet1", false],
    ["营销计划", false],
    ["École1", false],
    ["Sheet.1", false],
    ["_Sheet", false],
    ["Budget (2)", true],
    ["Sheet-1", true],
    ["1Sheet", true],
    [".Sheet", true],
    ["A1", true],
    ["xfd1048576", true],
    ["XFE1", false],
    ["R1C1", true],
    ["RC", true],
    ["R", true],
    ["C12", true],
    ["O'Brien", true],
    ["", true],
  ])("%s needs quotes: %s", (name, quoted) => {
    expect(sheetNeedsQuotes(name)).toBe(quoted);
  });
  test("apostrophes are doubled inside quotes, and splitSheetRef reads both forms back", () => {
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(splitSheetRef("'O''Brien'!C5")).toEqual({ sheet: "O'Brien", address: "C5" });
    expect(splitSheetRef("营销计划!D7:E9")).toEqual({ sheet: "营销计划", address: "D7:E9" });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        fc.pre(!name.includes("!"));
        expect(splitSheetRef(`${quoteSheet(name)}!A1`)).toEqual({ sheet: name, address: "A1" });
        expect(unquoteSheet(quoteSheet(name))).toBe(name);
      }),
    );
  });
});
