import fc from "fast-check";
import { INPUT_MESSAGES, parseNumber } from "../../src/templates/input";

const value = (text: string): number | undefined => {
  const r = parseNumber(text);
  return r.kind === "number" ? r.value : undefined;
};

describe("the one number reader of the pane and the command line", () => {
  test.each([
    ["53%", 0.53],
    ["0.53", 0.53],
    ["1,500", 1500],
    ["1，500", 1500],
    ["１５００", 1500],
    ["１，５００．５", 1500.5],
    ["46万", 460_000],
    ["46 万", 460_000],
    ["46万元", 460_000],
    ["0.07万", 700],
    ["1.2亿", 120_000_000],
    ["  12  ", 12],
    ["\u300012\u3000", 12],
    ["¥1,500", 1500],
    ["￥1，500元", 1500],
    ["$-5", -5],
    ["-5", -5],
    ["\u22125", -5],
    ["+5", 5],
    [".5", 0.5],
    ["5.", 5],
    ["007", 7],
    ["-0", 0],
    ["12,345.678", 12345.678],
    ["５３％", 0.53],
  ])("%j reads as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test.each([
    "0x10",
    "1e3",
    "1E3",
    "12abc",
    "--",
    "-",
    "%",
    "万",
    "Infinity",
    "NaN",
    "1_000",
    "0b1",
    "1.2.3",
    "¥53%",
    "$$5",
    "5 5",
    "0。53",
    "1 500",
  ])("%j is not a number", (text) => {
    expect(parseNumber(text)).toEqual({ kind: "invalid", message: INPUT_MESSAGES.notNumber });
  });

  test.each(["1,5", "1,500,", "15,00", "1,50,000"])(
    "%j has a comma that does not group thousands",
    (text) => {
      expect(parseNumber(text)).toEqual({ kind: "invalid", message: INPUT_MESSAGES.grouping });
    },
  );

  test("empty (or only spaces) is left to the caller: an optional field stays unset", () => {
    expect(parseNumber("")).toEqual({ kind: "empty" });
    expect(parseNumber("   ")).toEqual({ kind: "empty" });
    expect(parseNumber(undefined)).toEqual({ kind: "empty" });
    expect(parseNumber(42)).toEqual({ kind: "number", value: 42 });
    expect(parseNumber(Number.NaN).kind).toBe("invalid");
  });

  test("a number too large for a double is refused, not read as Infinity", () => {
    expect(parseNumber("1" + "0".repeat(400)).kind).toBe("invalid");
  });

  test("messages exist in both languages, Chinese with full-width punctuation", () => {
    for (const m of Object.values(INPUT_MESSAGES)) {
      expect(m["en-US"]).toMatch(/\.$/);
      expect(m["zh-CN"]).toMatch(/。$/);
      expect(m["zh-CN"]).not.toMatch(/[,;:()](?![0-9])/);
    }
  });
});

describe("properties", () => {
  const grouped = (n: number, digits: number) =>
    n.toLocaleString("en-US", {
      useGrouping: true,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const fullWidth = (s: string) =>
    s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  test("formatting with thousands separators then reading gives the number back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (k, digits) => {
        const n = k / 10 ** digits;
        expect(value(grouped(n, digits))).toBe(n);
      }),
    );
  });

  test("full-width digits and punctuation, and surrounding spaces, read the same as ASCII", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom("", "%", "万"),
        fc.constantFrom("", " ", "\u3000", "\t"),
        (n, unit, pad) => {
          const ascii = `${grouped(n, 0)}${unit}`;
          expect(value(`${pad}${fullWidth(ascii)}${pad}`)).toBe(value(ascii));
        },
      ),
    );
  });

  test("k% is k / 100 and k万 is k × 10 000, exactly as the decimal would be read", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 3 }), (k, digits) => {
        const text = (k / 10 ** digits).toFixed(digits);
        expect(value(`${text}%`)).toBe(Number(`${k}e-${digits + 2}`));
        expect(value(`${text}万`)).toBe(Number(`${k}e${4 - digits}`));
      }),
    );
  });

  test("anything with a letter other than the units is refused", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("x", "e", "E", "b", "o", "n", "abc"),
        fc.string(),
        (a, letter, b) => {
          expect(parseNumber(`${a}${letter}${b}`).kind).not.toBe("number");
        },
      ),
    );
  });

  test("the reader never throws and only ever gives finite numbers", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const r = parseNumber(s);
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});
