import { dealerIdOf, registerLocalizedNames, isSavedUdfName } from "../../src/share/dealerNames";
import { planCell, dealerCallsIn, nestingDepth, MAX_FORMULA_LENGTH } from "../../src/share/plan";
import { parseRef } from "../../src/core/formula";

const at = { sheet: "S", row: 10, col: 3 };

describe("which calls are DEALER calls", () => {
  test("every saved and typed spelling, any case", () => {
    for (const name of [
      "DEALER.ROI",
      "_xldudf_DEALER_ROI",
      "_xldudf_DEALER.ROI",
      "_XLDUDF_dealer_roi",
      "Dealer.Roi",
    ]) {
      expect(dealerIdOf(name)).toBe("ROI");
    }
    expect(dealerIdOf("DEALER.FUNNEL_TARGETS")).toBe("FUNNEL_TARGETS");
    expect(dealerIdOf("ROI")).toBeUndefined();
    expect(dealerIdOf("OTHER.ROI")).toBeUndefined();
    expect(dealerIdOf("DEALER.NOPE")).toBeUndefined();
    expect(isSavedUdfName("_xldudf_DEALER_ROI")).toBe(true);
  });

  test("Chinese names from the functions' zh-CN table, and any added later", () => {
    expect(dealerIdOf("DEALER.投资回报率")).toBe("ROI");
    expect(dealerIdOf("_xldudf_DEALER_投资回报率")).toBe("ROI");
    expect(dealerCallsIn("=ROUND(DEALER.投资回报率(A1,B1),2)+_xldudf_DEALER.漏斗转化率(A1:F1,1,2)")).toEqual([
      "ROI",
      "FUNNEL_RATE",
    ]);
    expect(dealerIdOf("DEALER.保本到场人数")).toBe("BREAKEVEN_ATTENDEES");
    expect(dealerIdOf("DEALER.新名字")).toBeUndefined();
    registerLocalizedNames({ ROI: "新名字" });
    expect(dealerIdOf("DEALER.新名字")).toBe("ROI");
  });

  test("text that merely mentions DEALER is not a call", () => {
    expect(planCell({ ...at, formula: '"DEALER.ROI(1,2)"&A1' })).toEqual({ kind: "none" });
    expect(planCell({ ...at, formula: "Dealer_Sheet!A1+1" })).toEqual({ kind: "none" });
    expect(planCell({ ...at, formula: "SUM(A1:A3)" })).toEqual({ kind: "none" });
  });
});

describe("rewrite or freeze", () => {
  test("scalar calls are rewritten into classic functions only, keeping the rest of the formula", () => {
    const plan = planCell({ ...at, formula: "ROUND( _xldudf_DEALER_ROI(A1,B1,0.2) ,2)*100" });
    expect(plan.kind).toBe("rewrite");
    if (plan.kind !== "rewrite") return;
    const f = plan.cells[0].formula;
    expect(f.startsWith("ROUND( IF(")).toBe(true);
    expect(f.endsWith(" ,2)*100")).toBe(true);
    expect(f).not.toMatch(/dealer|LET\(|LAMBDA|_xlfn/i);
  });

  test("a spilled result becomes one formula per spilled cell", () => {
    const plan = planCell({
      ...at,
      formula: "_xldudf_DEALER_FUNNEL_RATE(A1:F1)",
      spill: { rows: 1, cols: 5 },
    });
    expect(plan.kind).toBe("rewrite");
    if (plan.kind !== "rewrite") return;
    expect(plan.cells.map((c) => [c.row, c.col])).toEqual([
      [10, 3],
      [10, 4],
      [10, 5],
      [10, 6],
      [10, 7],
    ]);
    expect(plan.cells[4].formula).toContain("F1/E1");
  });

  test("FUNNEL_TARGETS chains each stage to the one after it", () => {
    const plan = planCell({
      ...at,
      formula: "DEALER.FUNNEL_TARGETS(B1,{0.5,0.4})",
      spill: { rows: 1, cols: 3 },
    });
    if (plan.kind !== "rewrite") throw new Error(plan.kind);
    expect(plan.cells[0].formula).toMatch(/^IF\(ISERROR\(D10\),D10,/);
    expect(plan.cells[1].formula).toMatch(/^IF\(ISERROR\(E10\),E10,/);
  });

  test("a defined name gives its shape", () => {
    const resolve = (n: string) => (n === "Counts" ? parseRef("$A$1:$F$1") : undefined);
    expect(planCell({ ...at, formula: "DEALER.FUNNEL_RATE(Counts,1,3)" }, resolve).kind).toBe("rewrite");
    expect(planCell({ ...at, formula: "DEALER.FUNNEL_RATE(Unknown,1,3)" }, resolve)).toMatchObject({
      kind: "freeze",
      reason: "unknownShape",
    });
  });

  test.each([
    ["SUM(DEALER.FUNNEL_RATE(A1:F1))", undefined, "arrayResult"],
    ["DEALER.FUNNEL_TARGETS(10,A1:A3)", undefined, "arrayResult"],
    ["DEALER.ROI(A1:A3,B1:B3)", undefined, "rangeArgument"],
    ["DEALER.ROI(RAND()*10,1)", undefined, "volatile"],
    ["DEALER.ROI(OFFSET(A1,0,0,3),1)", undefined, "unknownShape"],
    ["DEALER.FUNNEL_RATE(A1:F1)", { rows: 1, cols: 4 }, "spillMismatch"],
    ["1+DEALER.ROI(A1:A2,B1:B2)", { rows: 2, cols: 1 }, "arrayFormula"],
    ["DEALER.ROI(A1,B1", undefined, "unparsable"],
  ])("%s is frozen (%s)", (formula, spill, reason) => {
    expect(planCell({ ...at, formula, ...(spill ? { spill } : {}) })).toMatchObject({
      kind: "freeze",
      reason,
    });
  });

  test("rewrites that would break Excel's limits are frozen instead", () => {
    let f = "A1";
    for (let i = 0; i < 4; i++) f = `DEALER.BREAKEVEN_BUYERS(${f},${f},${f},${f})`;
    const plan = planCell({ ...at, formula: f });
    expect(plan).toMatchObject({ kind: "freeze", reason: "tooLong" });
    const ok = planCell({ ...at, formula: "DEALER.ROI(DEALER.COST_PER_SALE(A1,B1),C1)" });
    if (ok.kind !== "rewrite") throw new Error(ok.kind);
    expect(ok.cells[0].formula.length).toBeLessThan(MAX_FORMULA_LENGTH);
    expect(nestingDepth(ok.cells[0].formula)).toBeLessThanOrEqual(64);
  });
});
