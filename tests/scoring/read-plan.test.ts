import { scorePlan } from "../../src/core/rubric";
import { readPlan, refOf, splitRef } from "../../src/scoring/read-plan";
import { buildPlan } from "../../src/templates/plan";
import { withValues } from "../../src/templates/spec";
import { sheetFromRows, type CellValue, type WorkbookSnapshot } from "../../src/workbook/port";
import { readXlsx, templateToXlsx } from "../../src/workbook/xlsx";

const sheet = (name: string, values: CellValue[][]) => sheetFromRows(name, values);
const wb = (...sheets: ReturnType<typeof sheet>[]): WorkbookSnapshot => ({ sheets, names: [] });
const text = (p: ReturnType<typeof readPlan>, id: string) =>
  p.elements
    .filter((e) => e.id === id)
    .map((e) => e.text)
    .join("\n");

describe("self-made plans", () => {
  test("headings with synonyms, text below them, on any sheet", () => {
    const p = readPlan(
      wb(
        sheet("封面", [["经销商:", "星河汽车"]]),
        sheet("计划", [
          ["一、执行摘要"],
          ["二季度销量 360 台。"],
          ["第二行说明。"],
          [null],
          ["三、目标客户群"],
          [null, "年轻家庭"],
        ]),
      ),
    );
    expect(p.dealer).toBe("星河汽车");
    expect(text(p, "summary")).toBe("二季度销量 360 台。\n第二行说明。");
    expect(text(p, "customers")).toBe("年轻家庭");
    expect(p.elements.find((e) => e.id === "summary")?.ref).toBe("计划!A2");
  });

  test("English headings in column A with their text in column B, and inline headings", () => {
    const p = readPlan(
      wb(
        sheet("Plan", [
          ["Executive Summary", "Sell 360 cars."],
          ["Timeline", "Kick-off Apr 1"],
          ["Budget: 450,000 yuan in three lines"],
        ]),
      ),
    );
    expect(text(p, "summary")).toBe("Sell 360 cars.");
    expect(text(p, "schedule")).toBe("Kick-off Apr 1");
    expect(text(p, "expenses")).toBe("450,000 yuan in three lines");
  });

  test("rows under budget, objectives and schedule headings become lines, totals are left out", () => {
    const p = readPlan(
      wb(
        sheet("P", [
          ["费用预算"],
          ["车展", 200000],
          ["合计", 200000],
          ["营销目标"],
          ["新车销量", 360, "台"],
          ["时间表"],
          ["车展", 46124, "李强"],
          ["结束总结", "2026-06-30"],
        ]),
      ),
    );
    expect(p.budget).toEqual([{ label: "车展", amount: 200000, ref: "P!A2" }]);
    expect(p.targets).toEqual([{ label: "新车销量", value: 360, measure: "台", kind: "sales", ref: "P!A5" }]);
    expect(p.schedule.map((s) => [s.label, s.start, s.owner])).toEqual([
      ["车展", "2026-04-12", "李强"],
      ["结束总结", "2026-06-30", undefined],
    ]);
  });

  test("tables are found by their header row wherever they are", () => {
    const p = readPlan(
      wb(
        sheet("KPI", [
          [null],
          [null, "KPI", "标准值", "控制线", "检查周期", "纠偏措施"],
          [null, "集客率", 0.15, 0.1, "每周", "调整渠道"],
          [null],
          [null, "指标", "目标", "实际"],
          [null, "销量", 360, 300],
        ]),
      ),
    );
    expect(p.controls).toEqual([
      {
        kpi: "集客率",
        standard: 0.15,
        controlLine: 0.1,
        reviewCycle: "每周",
        correctiveAction: "调整渠道",
        ref: "KPI!B3",
      },
    ]);
    expect(p.actuals).toEqual([{ label: "销量", target: 360, actual: 300, ref: "KPI!B6" }]);
  });

  test("a whole plan pasted into one cell is split at its headings", () => {
    const pasted =
      "一、执行概要\n二季度销量 360 台。\n二、营销目标与指标\n集客 1200 人\n到店 300 人\n费用预算 / Budget: 45 万元";
    const p = readPlan(wb(sheet("计划", [["星辰汽车营销计划"], [pasted]])));
    expect(text(p, "summary")).toBe("二季度销量 360 台。");
    expect(text(p, "marketingObjectives")).toBe("集客 1200 人\n到店 300 人");
    expect(text(p, "expenses")).toBe("45 万元");
    expect(p.elements.find((e) => e.id === "summary")?.ref).toBe("计划!A2");
  });

  test("bilingual headings", () => {
    const p = readPlan(wb(sheet("P", [["1. 执行概要(Executive Summary)"], ["Q2: 360 cars, 450k budget"]])));
    expect(text(p, "summary")).toBe("Q2: 360 cars, 450k budget");
  });

  test("the budget template's lines (planned totals) count as budget lines, subtotals do not", () => {
    const p = readPlan(
      wb(
        sheet("营销投放预算", [
          ["类别", "投放项目", "计划投放(按月)", null, "计划合计", "实际投放(按月)", null, "实际合计"],
          [null, null, "1月", "2月", null, "1月", "2月", null],
          ["广告投放", "搜索引擎推广", 1000, 2000, 3000, 900, 2100, 3000],
          [null, "户外广告", 500, 500, 1000, 0, 0, 0],
          [null, "小计", null, null, 4000, null, null, 3000],
        ]),
      ),
    );
    expect(p.budget.map((b) => [b.label, b.amount])).toEqual([
      ["搜索引擎推广", 3000],
      ["户外广告", 1000],
    ]);
  });

  test("the scorecard sheet the add-in wrote is not read back as plan text", () => {
    const p = readPlan(wb(sheet("评分卡", [["营销计划评分卡"], ["执行概要: 这是评分卡里的文字,不是计划"]])));
    expect(p.elements).toEqual([]);
  });
});

describe("the plan template", () => {
  test("an empty template reads as empty: its guidance and notes are not content", async () => {
    const snap = await readXlsx(await templateToXlsx(buildPlan({ lang: "zh-CN" })));
    const p = readPlan(snap);
    expect(p.elements).toHaveLength(12);
    expect(p.elements.every((e) => e.text === "")).toBe(true);
    expect(p.targets).toEqual([]);
    expect(p.schedule).toEqual([]);
    expect(p.controls).toEqual([]);
    expect(p.dealer).toBeUndefined();
  });

  test.each(["zh-CN", "en-US"] as const)("filled blocks are read by names and headers (%s)", async (lang) => {
    let spec = buildPlan({
      lang,
      dealerName: "Star Motors",
      plan: { salesTarget: 360, revenueTarget: 5e7, budget: 450000 },
    });
    spec = withValues(spec, "plan", "D7", [["Q2: 360 cars.", "Wang Fang", 46100, null]]);
    spec = withValues(spec, "plan", "B27", [["Lead capture rate", "leads / reach", 0.15, "Marketing"]]);
    spec = withValues(spec, "plan", "B36", [["Kick-off", "launch meeting", 46113, "Wang Fang"]]);
    spec = withValues(spec, "plan", "B47", [
      ["Lead capture rate", "adjust channels", 0.15, 0.12, "Weekly", "Wang Fang"],
    ]);
    const p = readPlan(await readXlsx(await templateToXlsx(spec)));
    expect(p.dealer).toBe("Star Motors");
    expect(p.elements[0]).toMatchObject({
      id: "summary",
      text: "Q2: 360 cars.",
      owner: "Wang Fang",
      due: "2026-03-19",
    });
    expect(p.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: "Lead capture rate", value: 0.15, measure: "leads / reach" }),
        expect.objectContaining({ value: 360, kind: "sales" }),
        expect.objectContaining({ value: 5e7, kind: "financial" }),
      ]),
    );
    expect(p.budget).toEqual([expect.objectContaining({ amount: 450000 })]);
    expect(p.schedule).toEqual([
      expect.objectContaining({ label: "Kick-off", end: "2026-04-01", owner: "Wang Fang", milestone: true }),
    ]);
    expect(p.controls).toEqual([
      expect.objectContaining({
        kpi: "Lead capture rate",
        standard: 0.15,
        controlLine: 0.12,
        reviewCycle: "Weekly",
      }),
    ]);
  });
});

test.each(["zh-CN", "en-US"] as const)(
  "a template plan with actuals filled in scores criterion 8, costs compared the lower-is-better way (%s)",
  async (lang) => {
    let spec = buildPlan({ lang, dealerName: "Star Motors", plan: { salesTarget: 360 } });
    spec = withValues(spec, "plan", "B27", [
      ["集客量 leads", "CRM", 1000, "市场部"],
      ["单车营销成本 cost per vehicle", "费用/销量", 2000, "财务部"],
    ]);
    spec = withValues(spec, "plan", "H27", [[900], [2500]]);
    spec = withValues(spec, "plan", "B47", [["成交率", "话术演练", 0.2, 0.15, "每周", "销售部"]]);
    spec = withValues(spec, "plan", "H47", [[0.2]]);
    const snap = await readXlsx(await templateToXlsx(spec));
    // The attainment column is a native formula that knows costs are better when lower.
    const i28 = snap.sheets[0].cells.find((c) => c.row === 27 && c.col === 8);
    expect(i28?.formula).toContain('SEARCH("成本",B28)');
    const p = readPlan(snap);
    expect(p.actuals.map((a) => [a.label, a.target, a.actual])).toEqual([
      ["集客量 leads", 1000, 900],
      ["单车营销成本 cost per vehicle", 2000, 2500],
      ["成交率", 0.2, 0.2],
    ]);
    const c8 = scorePlan(p).criteria[7];
    expect(c8.needsPerson).toBe(false);
    // 0.9, 2000 / 2500 = 0.8 and 1: mean 0.9 → 4 (≥90 %).
    expect(c8.auto).toBe(4);
    expect(c8.evidence.map((e) => e.value)).toContain("单车营销成本 cost per vehicle: 2500 / 2000 = 80% ↓");
  },
);

test("evidence references round-trip to sheet and address", () => {
  for (const name of ["营销计划", "Plan", "Dealer's plan", "Q2 plan"]) {
    expect(splitRef(refOf(name, 6, 3))).toEqual({ sheet: name, address: "D7" });
  }
  expect(splitRef("not a ref")).toBeNull();
});
