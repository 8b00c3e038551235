// End-to-end properties over the reader and the engine together, on self-made layouts.
import fc from "fast-check";
import { scorePlan } from "../../src/core/rubric";
import { readPlan } from "../../src/scoring/read-plan";
import { sheetFromRows, type CellValue, type WorkbookSnapshot } from "../../src/workbook/port";
import { EN_TEXT, ZH_TEXT } from "../generators/plan-fixtures";

const HEADINGS_ZH = [
  "执行摘要",
  "能力分析",
  "目标客户群",
  "营销目标",
  "财务目标",
  "营销策略",
  "行动计划",
  "费用预算",
  "过程控制",
  "时间表",
  "人员分工",
  "总结复盘",
];
const HEADINGS_EN = [
  "Executive Summary",
  "Capabilities",
  "Target market",
  "Objectives",
  "Financial goals",
  "Strategy",
  "Action plan",
  "Budget",
  "Monitoring",
  "Timeline",
  "Team",
  "Review",
];
const KEYS = Object.keys(ZH_TEXT) as (keyof typeof ZH_TEXT)[];

function snapshot(included: readonly boolean[], english: boolean, twoColumn: boolean): WorkbookSnapshot {
  const rows: CellValue[][] = [["Plan"]];
  KEYS.forEach((k, i) => {
    if (!included[i]) return;
    const h = (english ? HEADINGS_EN : HEADINGS_ZH)[i];
    const t = (english ? EN_TEXT : ZH_TEXT)[k];
    if (twoColumn) rows.push([h, t]);
    else rows.push([h], [t], [null]);
  });
  return { sheets: [sheetFromRows("P", rows)], names: [] };
}

// Criterion 2 (concise) is left out by design: padding may lower it.
test("adding a section to a self-made plan never lowers criteria 1 and 3–8", () => {
  fc.assert(
    fc.property(
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      fc.integer({ min: 0, max: 11 }),
      fc.boolean(),
      fc.boolean(),
      (included, add, english, twoColumn) => {
        const without = included.map((x, i) => (i === add ? false : x));
        const withIt = included.map((x, i) => (i === add ? true : x));
        const a = scorePlan(readPlan(snapshot(without, english, twoColumn))).criteria;
        const b = scorePlan(readPlan(snapshot(withIt, english, twoColumn))).criteria;
        for (const i of [0, 2, 3, 4, 5, 6, 7]) expect([i, b[i].auto >= a[i].auto]).toEqual([i, true]);
      },
    ),
    { numRuns: 200 },
  );
});

test("every section of a self-made plan is found, in either language and layout", () => {
  for (const english of [false, true])
    for (const twoColumn of [false, true]) {
      const p = readPlan(snapshot(Array(12).fill(true), english, twoColumn));
      expect(p.elements.map((e) => e.id)).toEqual(KEYS);
      expect(scorePlan(p).criteria[0].auto).toBe(5);
    }
});

test("reading and scoring are deterministic", () => {
  const snap = snapshot(Array(12).fill(true), false, false);
  expect(JSON.stringify(scorePlan(readPlan(snap)))).toBe(JSON.stringify(scorePlan(readPlan(snap))));
});
