// "Prepare for sharing" for the functions of issue 12, and the same rewrites offered to templates
// (src/share/emit.ts). That the formulas compute what the add-in computes is proven in LibreOffice
// (process.int.test.ts); here: which calls are rewritten, frozen and why, and the shape of the text.
import { parseRef } from "../../src/core/formula";
import { FUNCTION_LIST } from "../../src/functions/registry";
import { dealerIdOf } from "../../src/share/dealerNames";
import { NoNativeForm, nativeFormula, nativeSpill } from "../../src/share/emit";
import { planCell, type CellPlan } from "../../src/share/plan";
import { REASON_MESSAGES } from "../../src/share/report";

const at = { sheet: "S", row: 10, col: 3 };

function rewritten(plan: CellPlan): string[] {
  if (plan.kind !== "rewrite") throw new Error(`expected a rewrite, got ${JSON.stringify(plan)}`);
  return plan.cells.map((c) => c.formula);
}

const CLASSIC = /dealer|LET\(|LAMBDA|_xlfn|FILTER\(|1E-9/i;

describe("always rewritten, scalar and element-wise", () => {
  it.each([
    ["EVENT_PROFIT", "DEALER.EVENT_PROFIT(B1,B2,B3,B4,B5)", "B5"],
    ["BREAKEVEN_RATE", "DEALER.BREAKEVEN_RATE(B1,B2,B3,B4)", "B4"],
    ["CONTROL_STATUS", "DEALER.CONTROL_STATUS(B1,B2,B3,B4)", "B1"],
    ["ATTAINMENT", "DEALER.ATTAINMENT(B1,B2,FALSE)", "B1"],
  ])("%s in one cell, and spilled over a column", (id, formula, range) => {
    const [scalar] = rewritten(planCell({ ...at, formula }));
    expect(scalar).not.toMatch(CLASSIC);
    // The same call with one argument a column of four: four formulas, one per element.
    const spilled = formula.replace(new RegExp(`\\b${range.split(":")[0]}\\b`), "D1:D4");
    const cells = rewritten(planCell({ ...at, formula: spilled, spill: { rows: 4, cols: 1 } }));
    expect(cells).toHaveLength(4);
    expect(cells[3]).toContain("D4");
    for (const f of cells) expect(f).not.toMatch(CLASSIC);
    expect(dealerIdOf(`DEALER.${id}`)).toBe(id);
  });
  it("folds literal arguments: ATTAINMENT(…, FALSE) divides target by actual without testing the flag", () => {
    const [f] = rewritten(planCell({ ...at, formula: "DEALER.ATTAINMENT(B1,B2,FALSE)" }));
    expect(f).toContain("B2/B1");
    expect(f).not.toContain("B1/B2");
    const [dynamic] = rewritten(planCell({ ...at, formula: "DEALER.ATTAINMENT(B1,B2,C1)" }));
    expect(dynamic).toMatch(/IF\(ISLOGICAL\(C1\)\+ISNUMBER\(C1\)/);
  });
  it("writes the one tolerance in decimals, never 1E-9", () => {
    const [f] = rewritten(planCell({ ...at, formula: "DEALER.BREAKEVEN_ATTENDEES(B1,B2,B3,B4)" }));
    expect(f).toContain("B4*B3-B2<=0.000000001*MAX(B4*B3,B2)");
    expect(f).toContain(">0.000000001*MAX(1,");
  });
  it("recognises the Chinese names of the new functions", () => {
    for (const def of FUNCTION_LIST) expect(dealerIdOf(`_xldudf_DEALER_${def.zhName}`)).toBe(def.id);
    expect(rewritten(planCell({ ...at, formula: "DEALER.目标达成率(B1,B2)" }))[0]).toContain("B1/B2");
  });
});

describe("TREND_ALERT", () => {
  it("a row of months in one cell: SUMPRODUCT over the row, INDEX ranges for the window", () => {
    const [f] = rewritten(planCell({ ...at, formula: "DEALER.TREND_ALERT(Inputs!B2:M2)" }));
    expect(f).not.toMatch(CLASSIC);
    expect(f).toContain("SUMPRODUCT(MAX((1-ISBLANK(Inputs!B2:M2)");
    expect(f).toContain("INDEX(Inputs!B2:M2,");
    // TRUE/FALSE found cell by cell (LibreOffice reads them as numbers in arrays).
    expect(f).toContain("ISLOGICAL(Inputs!M2)*12");
  });
  it("a block spills one formula per row, each over its own row", () => {
    const cells = rewritten(
      planCell({ ...at, formula: "DEALER.TREND_ALERT(B2:M4,C20:C22,FALSE)", spill: { rows: 3, cols: 1 } }),
    );
    expect(cells).toHaveLength(3);
    expect(cells[2]).toContain("B4:M4");
    expect(cells[2]).not.toContain("B3:M3");
    expect(cells[2]).toMatch(/^IF\(ISNUMBER\(C22\)/);
  });
  it("a defined name works through INDEX", () => {
    const resolve = (n: string) => (n === "Months" ? parseRef("$B$2:$M$4") : undefined);
    const cells = rewritten(
      planCell({ ...at, formula: "DEALER.TREND_ALERT(Months)", spill: { rows: 3, cols: 1 } }, resolve),
    );
    expect(cells[1]).toContain("INDEX(Months,2,0)");
  });
  it.each([
    ["DEALER.TREND_ALERT({1,2,3,4})", undefined, "needsRange"],
    ["DEALER.TREND_ALERT(B2:M2*2)", undefined, "unknownShape"],
    ["COUNTIF(DEALER.TREND_ALERT(B2:M4),TRUE)", undefined, "arrayResult"],
    ["DEALER.TREND_ALERT(B2:M4,C20:D22)", { rows: 3, cols: 1 }, "unknownShape"],
  ])("%s is frozen (%s)", (formula, spill, reason) => {
    expect(planCell({ ...at, formula, ...(spill ? { spill } : {}) })).toMatchObject({
      kind: "freeze",
      reason,
    });
  });
});

describe("FUNNEL_SPREAD", () => {
  it("spills three rows per step; min and median read the max cell of their column", () => {
    const cells = rewritten(
      planCell({ ...at, formula: "DEALER.FUNNEL_SPREAD(B41:G48)", spill: { rows: 3, cols: 5 } }),
    );
    expect(cells).toHaveLength(15);
    for (const f of cells) expect(f).not.toMatch(CLASSIC);
    // The anchor is C10: the max cells are row 12.
    expect(cells[0]).toMatch(/^IF\(ISERROR\(C12\),C12,MIN\(/);
    expect(cells[5 + 1]).toMatch(/^IF\(ISERROR\(D12\),D12,MEDIAN\(/);
    expect(cells[10]).toMatch(/^MAX\(/);
    expect(cells[10]).toContain('COUNTIFS(B41:B48,">0",C41:C48,">=0")');
  });
  it.each([
    ["DEALER.FUNNEL_SPREAD({1,2;3,4})", { rows: 3, cols: 1 }, "needsRange"],
    ["DEALER.FUNNEL_SPREAD(B41:G48)", undefined, "arrayResult"],
    ["DEALER.FUNNEL_SPREAD(B41:G48)", { rows: 3, cols: 4 }, "spillMismatch"],
    ["DEALER.FUNNEL_SPREAD(B1:G200)", { rows: 3, cols: 5 }, "tooLong"],
  ])("%s is frozen (%s)", (formula, spill, reason) => {
    expect(planCell({ ...at, formula, ...(spill ? { spill } : {}) })).toMatchObject({
      kind: "freeze",
      reason,
    });
  });
  it("says why in both languages", () => {
    expect(REASON_MESSAGES.needsRange["en-US"]).toMatch(/range of cells/);
    expect(REASON_MESSAGES.needsRange["zh-CN"]).toMatch(/单元格区域/);
  });
});

describe("the emitters templates call", () => {
  it("argument texts in, the share step's formula text out", () => {
    expect(nativeFormula("CONTROL_STATUS", ["M9", "$C$25", "$D$25", "$E$25"])).toBe(
      rewritten(planCell({ ...at, formula: "DEALER.CONTROL_STATUS(M9,$C$25,$D$25,$E$25)" }))[0],
    );
    expect(nativeFormula("ATTAINMENT", ["B5", "B4", undefined])).toBe(
      nativeFormula("ATTAINMENT", ["B5", "B4"]),
    );
    expect(nativeFormula("TREND_ALERT", ["H9:H20", "3", "TRUE"])).toContain("ROW(H9:H20)");
  });
  it("a spilled result as rows of formulas, placed at the anchor", () => {
    const grid = nativeSpill("FUNNEL_SPREAD", ["$B$41:$G$48"], "H52");
    expect(grid.map((r) => r.length)).toEqual([5, 5, 5]);
    expect(grid[0][0]).toMatch(/^IF\(ISERROR\(H54\),H54,MIN/);
    expect(grid[2][4]).toContain("G48/F48");
  });
  it("refuses a call without a native form, naming the reason", () => {
    expect(() => nativeFormula("TREND_ALERT", ["{1,2,3,4}"])).toThrow(NoNativeForm);
    expect(() => nativeFormula("FUNNEL_SPREAD", ["B1:C4"])).toThrow(/arrayResult/);
  });
});
