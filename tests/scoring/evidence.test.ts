import type { Lang } from "../../src/core/lang";
import { scorePlan, type Evidence } from "../../src/core/rubric";
import { evidenceValue } from "../../src/scoring/evidence";
import { readPlan } from "../../src/scoring/read-plan";
import { evidenceLine } from "../../src/taskpane/services/evidence";
import type { SnapshotCell, WorkbookSnapshot } from "../../src/workbook/port";

const cell = (row: number, col: number, value: SnapshotCell["value"], format?: string): SnapshotCell => ({
  row,
  col,
  value,
  ...(format ? { format } : {}),
});

// A plan laid out by hand: targets and a KPI table with formatted cells, a budget typed as text.
const book: WorkbookSnapshot = {
  names: [],
  sheets: [
    {
      name: "计划",
      cells: [
        cell(0, 0, "营销目标"),
        cell(1, 0, "新车销量"),
        cell(1, 1, 360, "#,##0"),
        cell(1, 2, "台"),
        cell(2, 0, "销售收入"),
        cell(2, 1, 46_000_000, '"¥"#,##0'),
        cell(3, 0, "费用预算"),
        cell(4, 0, "车展"),
        cell(4, 1, "20万"),
        cell(5, 0, "线上广告"),
        cell(5, 1, 150000, "[$¥-804]#,##0.00"),
        cell(7, 0, "KPI"),
        cell(7, 1, "标准值"),
        cell(7, 2, "控制线"),
        cell(8, 0, "集客率"),
        cell(8, 1, 0.15, "0%"),
        cell(8, 2, 0.1, "0.0%"),
      ],
    },
  ],
};

function allEvidence(): Evidence[] {
  return scorePlan(readPlan(book)).criteria.flatMap((c) => c.evidence);
}

const shown = (lang: Lang) =>
  allEvidence()
    .filter((e) => e.parts)
    .map((e) => evidenceValue(e, lang));

describe("evidence values are shown as their cells show them", () => {
  test("formatted numbers keep their format; numbers read from text keep the text", () => {
    const values = shown("zh-CN");
    expect(values).toEqual(
      expect.arrayContaining([
        "新车销量: 360",
        "车展: 20万",
        "线上广告: ¥150,000.00",
        "集客率: 15%",
        "集客率: 10.0%",
      ]),
    );
    expect(shown("en-US")).toEqual(values);
  });

  test("the plain value (the command line's --json, the scorecard) is unchanged: numbers as decimals", () => {
    const raw = allEvidence()
      .filter((e) => e.parts)
      .map((e) => e.value);
    expect(raw).toEqual(
      expect.arrayContaining(["车展: 200000", "线上广告: 150000", "集客率: 0.15", "集客率: 0.1"]),
    );
  });

  test("evidence without parts shows its value as it is, a number as General", () => {
    expect(evidenceValue({ value: 12, note: { "zh-CN": "x", "en-US": "x" } }, "en-US")).toBe("12");
    expect(evidenceValue({ value: "3/12", note: { "zh-CN": "x", "en-US": "x" } }, "en-US")).toBe("3/12");
    expect(evidenceValue({ note: { "zh-CN": "x", "en-US": "x" } }, "en-US")).toBeUndefined();
  });
});

describe("an evidence line in the pane", () => {
  const e: Evidence = {
    ref: "计划!A9",
    parts: ["集客率", ": ", { number: 0.15, format: "0%" }],
    value: "集客率: 0.15",
    note: { "zh-CN": "KPI 标准值", "en-US": "KPI standard value" },
  };

  test("uses the language's punctuation", () => {
    expect(evidenceLine(e, "zh-CN")).toEqual({
      ref: "计划!A9",
      where: "计划!A9",
      rest: "：KPI 标准值（集客率: 15%）",
    });
    expect(evidenceLine(e, "en-US")).toEqual({
      ref: "计划!A9",
      where: "计划!A9",
      rest: ": KPI standard value (集客率: 15%)",
    });
  });

  test("evidence from the plan's elements names them; no value, no brackets", () => {
    const line = evidenceLine(
      { elements: ["summary", "strategy"], note: { "zh-CN": "已填写", "en-US": "filled in" } },
      "zh-CN",
    );
    expect(line.ref).toBeUndefined();
    expect(line.where).toMatch(/、/);
    expect(line.rest).toBe("：已填写");
  });
});
