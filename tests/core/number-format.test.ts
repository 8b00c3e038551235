import fc from "fast-check";
import { formatNumber } from "../../src/core/number-format";
import { parseNumber } from "../../src/templates/input";

describe("a number shown as its cell's Excel number format shows it", () => {
  test.each([
    [1500, "0", "1500"],
    [1500.46, "0.0", "1500.5"],
    [1234567, "#,##0", "1,234,567"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.1, "0%", "10%"],
    [0.5333, "0.0%", "53.3%"],
    [460000, '"¥"#,##0', "¥460,000"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [1234.5, "[$$-409]#,##0.00", "$1,234.50"],
    [46082, "yyyy-mm-dd", "2026-03-01"],
    [46082, 'yyyy"年"m"月"d"日"', "2026年3月1日"],
    [46082.5, "yyyy/m/d hh:mm", "2026/3/1 12:00"],
    [1500, "@", "1500"],
    [0.1, undefined, "0.1"],
    [0.1, "General", "0.1"],
    [1 / 3, undefined, "0.3333333333"],
    [123456789012, undefined, "1.23457E+11"],
    [-1234, "#,##0", "-1,234"],
    [-5, '"¥"#,##0', "-¥5"],
    [-1234, "#,##0;(#,##0)", "(1,234)"],
    [-1234, "#,##0_);[Red](#,##0)", "(1,234)"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [1.005, "0.00", "1.01"],
    [2.5, "0", "3"],
    [12345, "0.00E+00", "1.23E+04"],
    [1234567, "#,##0,", "1,235"],
    [12.3456, "0.0#", "12.35"],
    [12.3, "0.0#", "12.3"],
    [7, "000", "007"],
    [0.25, "#%", "25%"],
  ])("%d as %j is %j", (value, format, shown) => {
    expect(formatNumber(value, format, "zh-CN")).toBe(shown);
    expect(formatNumber(value, format, "en-US")).toBe(shown);
  });

  test.each(["[>=100]0", "# ?/?", "[h]:mm"])(
    "%j is beyond what is supported: General, not a wrong reading",
    (format) => {
      expect(formatNumber(1.5, format, "en-US")).toBe("1.5");
    },
  );

  test("formatting a number with thousands separators then reading it gives it back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom("#,##0.00", '"¥"#,##0.00', "[$¥-804]#,##0.00"),
        (k, format) => {
          const value = k / 100;
          const read = parseNumber(formatNumber(value, format, "zh-CN"));
          expect(read).toEqual({ kind: "number", value: value === 0 ? 0 : value });
        },
      ),
    );
  });

  test("a percentage reads back as the rate, to the decimals shown", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (k) => {
        const rate = k / 10000; // 0.0000 … 10.0000
        const read = parseNumber(formatNumber(rate, "0.00%", "en-US"));
        expect(read.kind).toBe("number");
        if (read.kind === "number") expect(Math.abs(read.value - rate)).toBeLessThan(1e-12);
      }),
    );
  });

  test("whole numbers with #,##0 keep every digit and group by three", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const shown = formatNumber(n, "#,##0", "en-US");
        expect(shown.replace(/,/g, "")).toBe(String(n));
        expect(shown).toMatch(/^\d{1,3}(,\d{3})*$/);
      }),
    );
  });
});
