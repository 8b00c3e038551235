// A plan is read from its first PLAN_MAX_ROWS rows: data pasted far below is not plan text, and a
// million-row sheet must not become a million lines of section text.
import { PLAN_MAX_ROWS, readPlan } from "../../src/scoring/read-plan";
import type { SnapshotCell, WorkbookSnapshot } from "../../src/workbook/port";

const plan = (at: number): WorkbookSnapshot => {
  const cells: SnapshotCell[] = [
    { row: at, col: 0, value: "一、市场分析" },
    { row: at + 1, col: 0, value: "本地区豪华品牌月销量约1200台，我店占有率8%，竞品A店在新区开业。" },
  ];
  return { sheets: [{ name: "计划", cells }], names: [] };
};

test("text in the plan's rows is read, the same text past the bound is not", () => {
  const ids = (at: number) => readPlan(plan(at)).elements.map((e) => e.id);
  expect(ids(0).length).toBeGreaterThan(0);
  expect(ids(PLAN_MAX_ROWS - 2)).toEqual(ids(0));
  expect(ids(PLAN_MAX_ROWS)).toEqual([]);
});
