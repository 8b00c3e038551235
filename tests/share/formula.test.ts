import fc from "fast-check";
import { colName } from "../../src/core/a1";
import {
  parseFormula,
  printFormula,
  tokenize,
  shiftFormula,
  parseRef,
  FormulaSyntaxError,
  sameFormula,
} from "../../src/core/formula";

const types = (f: string): string[] => tokenize(f).map((t) => `${t.type}:${t.text}`);

describe("tokenizer", () => {
  test("strings with doubled quotes, numbers with exponents, booleans, errors", () => {
    expect(types('"a ""b"" c"&1.5E-3+.5+TRUE+false+#DIV/0!+#N/A')).toEqual([
      'string:"a ""b"" c"',
      "op:&",
      "number:1.5E-3",
      "op:+",
      "number:.5",
      "op:+",
      "bool:TRUE",
      "op:+",
      "bool:false",
      "op:+",
      "error:#DIV/0!",
      "op:+",
      "error:#N/A",
      "eof:",
    ]);
  });

  test("every spelling of a DEALER call is one function token", () => {
    for (const name of [
      "DEALER.ROI",
      "_xldudf_DEALER_ROI",
      "_xldudf_DEALER.ROI",
      "dealer.roi",
      "DEALER.投资回报率",
      "_xlfn.STDEV.S",
    ]) {
      expect(types(`${name}(1)`)[0]).toBe(`func:${name}`);
    }
  });

  test("sheet-qualified, quoted, absolute, whole rows and columns, 3-D and external references", () => {
    expect(
      types(
        "'活动 保本'!$A$1+'It''s'!B2:C3+Sheet1!A:A+Sheet1!1:1+销售!A1+Sheet1:Sheet3!A1+[1]Sheet1!A1",
      ).filter((t) => t.startsWith("ref")),
    ).toEqual([
      "ref:'活动 保本'!$A$1",
      "ref:'It''s'!B2:C3",
      "ref:Sheet1!A:A",
      "ref:Sheet1!1:1",
      "ref:销售!A1",
      "ref:Sheet1:Sheet3!A1",
      "ref:[1]Sheet1!A1",
    ]);
  });

  test("names that look like cells are names; functions that look like cells are functions", () => {
    expect(types("LOG10(A1B)+Funnel_Counts+Table1[[#This Row],[Col]]")).toEqual([
      "func:LOG10",
      "open:(",
      "name:A1B",
      "close:)",
      "op:+",
      "name:Funnel_Counts",
      "op:+",
      "name:Table1[[#This Row],[Col]]",
      "eof:",
    ]);
  });

  test("array constants and operators", () => {
    expect(types("{1,2;-3,4}<>-A1%")).toEqual([
      "lbrace:{",
      "number:1",
      "comma:,",
      "number:2",
      "semicolon:;",
      "op:-",
      "number:3",
      "comma:,",
      "number:4",
      "rbrace:}",
      "op:<>",
      "op:-",
      "ref:A1",
      "percent:%",
      "eof:",
    ]);
  });
});

describe("parser", () => {
  test("Excel precedence: unary minus before ^, % before ^, & below +", () => {
    const shape = (f: string): string => {
      const show = (n: ReturnType<typeof parseFormula>["body"]): string => {
        switch (n.kind) {
          case "binary":
            return `(${show(n.left)}${n.op ? n.op.text : "∩"}${show(n.right)})`;
          case "unary":
            return `(${n.op.text}${show(n.operand)})`;
          case "postfix":
            return `(${show(n.operand)}%)`;
          case "leaf":
            return n.token.text;
          case "paren":
            return show(n.inner);
          case "call":
            return `${n.name.text}[${n.args.map(show).join(";")}]`;
          default:
            return n.kind;
        }
      };
      return show(parseFormula(f).body);
    };
    expect(shape("-2^2")).toBe("((-2)^2)");
    expect(shape("1+2*3^2%")).toBe("(1+(2*(3^(2%))))");
    expect(shape('"a"&1+2=3')).toBe('(("a"&(1+2))=3)');
    expect(shape("1-2-3")).toBe("((1-2)-3)");
    expect(shape("SUM(A1:B2 B1:C3,,1)")).toBe("SUM[(A1:B2∩B1:C3);missing;1]");
    expect(shape("DEALER.ROI(A1,IF(B1,C1,D1))")).toBe("DEALER.ROI[A1;IF[B1;C1;D1]]");
  });

  test("syntax errors are reported, not guessed", () => {
    for (const bad of ["SUM(1", "1+", "(1))", "{A1}", "1 2 +"]) {
      expect(() => parseFormula(bad)).toThrow(FormulaSyntaxError);
    }
  });
});

// Generator of well-formed formulas with arbitrary whitespace: what users and files hold.
const ws = fc.constantFrom("", "", "", " ", "  ", "\n", " \r\n\t");
const sheetName = fc.constantFrom("Sheet1", "'活动 保本'", "'It''s Q1'", "销售", "'a b'");
const cell = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 16384 }), fc.boolean(), fc.integer({ min: 1, max: 1048576 }))
  .map(([ac, c, ar, r]) => `${ac ? "$" : ""}${colName(c - 1)}${ar ? "$" : ""}${r}`);
const ref = fc.oneof(
  cell,
  fc.tuple(cell, cell).map(([a, b]) => `${a}:${b}`),
  fc.tuple(sheetName, cell).map(([s, c]) => `${s}!${c}`),
  fc.constantFrom("A:A", "$B:$D", "1:1", "$3:$7", "Sheet1!C:C"),
);
const literal = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map(String),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => String(x)),
  fc.constantFrom("1E+3", "2.5e-7", ".5", "TRUE", "FALSE", "#N/A", "#DIV/0!", "#VALUE!"),
  fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
);
const fname = fc.constantFrom(
  "SUM",
  "IF",
  "DEALER.ROI",
  "_xldudf_DEALER_FUNNEL_RATE",
  "_xldudf_DEALER.BREAKEVEN_BUYERS",
  "dealer.funnel_targets",
  "DEALER.投资回报率",
  "_xlfn.IFS",
  "INDEX",
);
const arrayConst = fc
  .array(fc.array(fc.constantFrom("1", "-2", '"x"', "TRUE", "#N/A", "0.5"), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((rows) => {
    const w = rows[0].length;
    return `{${rows.map((r) => [...r, ...Array(w).fill("0")].slice(0, w).join(",")).join(";")}}`;
  });
const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    ref,
    arrayConst,
    fc
      .tuple(fname, fc.array(fc.oneof(tie("expr"), fc.constant("")), { minLength: 0, maxLength: 4 }), ws)
      .map(([f, args, w]) => `${f}(${args.join(",")}${w})`),
    fc.tuple(ws, tie("expr"), ws).map(([a, e, b]) => `(${a}${e}${b})`),
  ),
  expr: fc.oneof(
    { depthSize: "small" },
    fc.tuple(ws, tie("atom")).map(([w, a]) => w + a),
    fc
      .tuple(
        tie("atom"),
        ws,
        fc.constantFrom("+", "-", "*", "/", "^", "&", "=", "<>", "<=", ">=", "<", ">"),
        ws,
        tie("expr"),
      )
      .map(([a, w1, op, w2, b]) => `${a}${w1}${op}${w2}${b}`),
    fc.tuple(fc.constantFrom("-", "+", "--"), tie("atom")).map(([op, a]) => op + a),
    tie("atom").map((a) => `${a}%`),
  ),
}));

describe("round trip", () => {
  test("tokenize → join gives back every formula byte for byte", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(
          tokenize(s)
            .map((t) => t.ws + t.text)
            .join(""),
        ).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  test("parse → print gives back every well-formed formula byte for byte, with or without '='", () => {
    fc.assert(
      fc.property(expr, fc.boolean(), ws, (f, eq, trailing) => {
        const text = (eq ? "=" : "") + f + trailing;
        expect(printFormula(parseFormula(text))).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("references", () => {
  test("parseRef reads cells, areas, columns and rows", () => {
    expect(parseRef("$B$2:C5")).toMatchObject({ kind: "area", top: 2, left: 2, bottom: 5, right: 3 });
    expect(parseRef("'活动 保本'!A1", "'活动 保本'!")).toMatchObject({ sheet: "活动 保本", kind: "cell" });
    expect(parseRef("D:F")).toMatchObject({ kind: "cols", left: 4, right: 6 });
    expect(parseRef("3:9")).toMatchObject({ kind: "rows", top: 3, bottom: 9 });
    expect(parseRef("Name")).toBeUndefined();
  });

  test("shifting a shared formula moves relative parts only", () => {
    expect(shiftFormula("A1+$B2+C$3+$D$4+E:E+5:5+'x y'!A1:B2+SUM(Z9)", 2, 1)).toBe(
      "B3+$B4+D$3+$D$4+F:F+7:7+'x y'!B3:C4+SUM(AA11)",
    );
    expect(shiftFormula('"A1"&A1', 1, 0)).toBe('"A1"&A2');
  });
});

describe("sameFormula", () => {
  test("ignores what Excel changes when it stores a formula", () => {
    expect(sameFormula("=IF(A1>1E-9, 'Sheet1'!B2,0)", "if(a1>0.000000001,Sheet1!B2,0)")).toBe(true);
    expect(sameFormula("'漏斗 Q1''s'!A3+1", "'漏斗 Q1''s'!a3 + 1")).toBe(true);
  });
  test("tells real edits apart", () => {
    expect(sameFormula("A1*2", "A1*3")).toBe(false);
    expect(sameFormula('"a"&A1', '"A"&A1')).toBe(false);
    expect(sameFormula("SUM(A1:A3)", "SUM(A1:A4)")).toBe(false);
  });
});
