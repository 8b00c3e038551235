import { formatCell, parseRef } from "../../src/core/formula";
import {
  findBroken,
  liveFormula,
  planPrepare,
  planRepair,
  planRestore,
  type LiveSheet,
} from "../../src/share/live";
import { parseRecord, serializeRecord, type ShareRecord } from "../../src/share/record";
import { applied, viewOf } from "./live-view";

// What Office.js returns for a small plan sheet: range.formulas and range.values of the used range.
const sheet: LiveSheet = {
  name: "活动 保本",
  top: 1,
  left: 1,
  formulas: [
    [1000, 400, 200, 80, "=DEALER.FUNNEL_RATE(A1:D1)", "", ""],
    [
      "=DEALER.ROI(A1,B1,0.2)",
      "=SUM(A1:D1)",
      "=SUM(DEALER.FUNNEL_RATE(A1:D1))",
      "=_xldudf_DEALER_ROI(A1,B1)",
      "",
      "",
      "",
    ],
  ],
  values: [
    [1000, 400, 200, 80, 0.4, 0.5, 0.4],
    [-0.5, 1680, 1.3, "#NAME?", "", "", ""],
  ],
  spills: new Map([["E1", { rows: 1, cols: 3 }]]),
};

const none = () => undefined;

describe("the Office path's planning", () => {
  test("rewrites scalar and spilled calls, freezes the rest, touches nothing else", () => {
    const plan = planPrepare([sheet], none);
    const byAddress = new Map(plan.ops.map((o) => [o.address, o]));
    expect([...byAddress.keys()].sort()).toEqual(["A2", "C2", "D2", "E1", "F1", "G1"]);
    expect(byAddress.get("B2")).toBeUndefined();
    expect(byAddress.get("C2")).toEqual({ sheet: "活动 保本", address: "C2", kind: "value", value: 1.3 });
    const g1 = byAddress.get("G1");
    expect(g1?.kind === "formula" && g1.formula).toMatch(/^=IF\(.*D1\/C1/);
    expect(plan.report.rewritten).toBe(3);
    expect(plan.report.frozen).toBe(1);
    expect(plan.report.entries.find((e) => e.address === "E1")?.range).toBe("E1:G1");
  });

  test("the record survives the custom XML part and restore puts the live formulas back", () => {
    const plan = planPrepare([sheet], none);
    const record = parseRecord(serializeRecord(plan.record));
    if (!record || "problem" in record) throw new Error("no record");
    expect(record.cells).toEqual(plan.record.cells);
    expect(record.track).toEqual(plan.record.track);
    const prepared = applied(sheet, plan.ops);
    const restore = planRestore(record, viewOf([prepared], plan.record.track));
    // Spilled cells are cleared before the anchor is written, so it can spill again.
    const kinds = restore.ops.map((o) => o.kind);
    expect(kinds.lastIndexOf("clear")).toBeLessThan(kinds.indexOf("formula"));
    const formulas = Object.fromEntries(
      restore.ops.flatMap((o) => (o.kind === "formula" ? [[o.address, o.formula]] : [])),
    );
    expect(formulas).toEqual({
      E1: "=DEALER.FUNNEL_RATE(A1:D1)",
      A2: "=DEALER.ROI(A1,B1,0.2)",
      C2: "=SUM(DEALER.FUNNEL_RATE(A1:D1))",
      D2: "=DEALER.ROI(A1,B1)",
    });
    expect(restore.ops.filter((o) => o.kind === "clear").map((o) => o.address)).toEqual(["F1", "G1"]);
  });

  test("a recipient's edit of a frozen cell, and of a rewritten one, is kept and reported as kept", () => {
    const plan = planPrepare([sheet], none);
    const prepared = applied(sheet, plan.ops);
    const edited = applied(prepared, [
      { sheet: sheet.name, address: "C2", kind: "value", value: 99 },
      { sheet: sheet.name, address: "A2", kind: "formula", formula: "=A1*2" },
    ]);
    const restore = planRestore(plan.record, viewOf([edited], plan.record.track));
    const touched = restore.ops.map((o) => o.address);
    expect(touched).not.toContain("C2");
    expect(touched).not.toContain("A2");
    expect(restore.report.kept).toBe(2);
    expect(restore.report.restored).toBe(2);
  });

  test("a record made from a file restores in Excel (saved spellings become live ones)", () => {
    const record: ShareRecord = {
      version: 2,
      track: [],
      cells: [
        {
          sheet: "S",
          address: "A1",
          action: "rewritten",
          reason: "scalar",
          formula: "_xldudf_DEALER_ROI(B1,C1)",
          written: "B1-C1",
        },
        {
          sheet: "S",
          address: "A2",
          action: "frozen",
          reason: "arrayResult",
          formula: "_xldudf_DEALER.FUNNEL_TARGETS(9,B1:B3)",
          range: "A2:A5",
          frozen: 9,
        },
        ...[3, 4, 5].map((r) => ({
          sheet: "S",
          address: `A${r}`,
          action: "spill" as const,
          reason: "arrayResult",
          formula: "",
          frozen: r,
        })),
      ],
    };
    const s: LiveSheet = {
      name: "S",
      top: 1,
      left: 1,
      formulas: [["=B1-C1"], [9], [3], [4], [5]],
      values: [[1], [9], [3], [4], [5]],
    };
    const restore = planRestore(record, viewOf([s], []));
    expect(restore.ops).toEqual([
      { sheet: "S", address: "A3", kind: "clear" },
      { sheet: "S", address: "A4", kind: "clear" },
      { sheet: "S", address: "A5", kind: "clear" },
      { sheet: "S", address: "A1", kind: "formula", formula: "=DEALER.ROI(B1,C1)" },
      { sheet: "S", address: "A2", kind: "formula", formula: "=DEALER.FUNNEL_TARGETS(9,B1:B3)" },
    ]);
  });

  test("broken cells: saved _xldudf_ spellings and #NAME? results; repair writes live formulas", () => {
    expect(findBroken([sheet]).map((b) => [b.address, b.reason])).toEqual([["D2", "savedWithoutAddin"]]);
    const nameSheet: LiveSheet = {
      ...sheet,
      values: sheet.values.map((r) => r.map((v, j) => (j === 0 ? "#NAME?" : v))),
    };
    expect(findBroken([nameSheet]).map((b) => [b.address, b.reason])).toEqual([
      ["A2", "cachedNameError"],
      ["D2", "savedWithoutAddin"],
    ]);
    expect(planRepair([sheet]).ops).toEqual([
      { sheet: "活动 保本", address: "D2", kind: "formula", formula: "=DEALER.ROI(A1,B1)" },
    ]);
  });

  test("liveFormula renames calls only, never text", () => {
    expect(
      liveFormula('=_xldudf_DEALER_ROI(A1,B1)&"_xldudf_DEALER_ROI("&_XLDUDF_dealer.投资回报率(1,2)'),
    ).toBe('=DEALER.ROI(A1,B1)&"_xldudf_DEALER_ROI("&DEALER.投资回报率(1,2)');
    expect(liveFormula("=SUM(A1)")).toBe("=SUM(A1)");
    expect(formatCell(parseRef("G1")!.top, parseRef("G1")!.left)).toBe("G1");
  });
});
