import { displayFormula } from "../../src/share/report";
import { planRestore } from "../../src/share/live";

describe("displayFormula: saved spellings shown as typed", () => {
  test.each([
    ["=_xldudf_DEALER_ROI(A1,B1)", "=DEALER.ROI(A1,B1)"],
    ["=_xldudf_DEALER.ROI(A1,B1)", "=DEALER.ROI(A1,B1)"],
    ["=_XLDUDF_dealer_roi(A1,B1)", "=DEALER.ROI(A1,B1)"],
    ["=_xldudf_DEALER_BREAKEVEN_ATTENDEES(B2,B3,B4,B5)", "=DEALER.BREAKEVEN_ATTENDEES(B2,B3,B4,B5)"],
    ["=_xldudf_DEALER_投资回报率(A1,B1)", "=DEALER.投资回报率(A1,B1)"],
    ["=_xldudf_DEALER.漏斗转化率(A1:F1)", "=DEALER.漏斗转化率(A1:F1)"],
    // Nested, with sheet-qualified references and whitespace kept.
    [
      "=ROUND(_xldudf_DEALER_ROI('Q1 预算'!$C$5, SUM(B1:B3)), 2) * 100",
      "=ROUND(DEALER.ROI('Q1 预算'!$C$5, SUM(B1:B3)), 2) * 100",
    ],
    // Stored without "=" (as in the file) works too.
    ["_xldudf_DEALER_COST_PER_SALE(A1,D1)", "DEALER.COST_PER_SALE(A1,D1)"],
  ])("%s → %s", (saved, typed) => {
    expect(displayFormula(saved)).toBe(typed);
  });

  test("text inside strings and other functions are left alone", () => {
    const f = '=IF(A1="_xldudf_DEALER_ROI(",_xldudf_DEALER_ROI(A1,B1),_xldudf_OTHER_FN(A1))';
    expect(displayFormula(f)).toBe('=IF(A1="_xldudf_DEALER_ROI(",DEALER.ROI(A1,B1),_xldudf_OTHER_FN(A1))');
  });

  test("typed formulas and unknown DEALER names come back unchanged", () => {
    for (const f of ["=DEALER.ROI(A1,B1)", "=dealer.roi(A1,B1)", "=_xldudf_DEALER_NOPE(1)", "=SUM(A1:A3)"])
      expect(displayFormula(f)).toBe(f);
  });

  test("restore still writes what the record holds, not the display spelling", () => {
    const record = {
      version: 2 as const,
      track: [],
      cells: [
        {
          sheet: "Data",
          address: "A5",
          formula: "_xldudf_DEALER.投资回报率(A1,B1)",
          action: "frozen" as const,
          reason: "unparsable" as const,
          frozen: 7,
        },
      ],
    };
    const { ops } = planRestore(record, {
      sheetExists: (s) => s === "Data",
      nameRefersTo: () => undefined,
      cell: (_s, a) => (a === "A5" ? { value: 7 } : undefined),
    });
    expect(ops).toEqual([
      { sheet: "Data", address: "A5", kind: "formula", formula: "=DEALER.投资回报率(A1,B1)" },
    ]);
  });
});
