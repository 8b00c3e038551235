import fc from "fast-check";
import {
  applyOverride,
  ELEMENTS,
  emptyPlan,
  isRubricError,
  matchElementHeading,
  scorePlan,
  type ElementId,
  type PlanDocument,
  type PlanElement,
} from "../../../src/core/rubric";
import { ZH_TEXT } from "../../generators/plan-texts";

const fullText: Record<ElementId, string> = ZH_TEXT;

function planWith(
  ids: readonly ElementId[],
  texts: Partial<Record<ElementId, string>> = fullText,
): PlanDocument {
  return { ...emptyPlan(), elements: ids.map((id) => ({ id, text: texts[id] ?? "" })) };
}

const allIds = ELEMENTS.map((e) => e.id);

describe("scorePlan", () => {
  test("an empty plan scores 0 everywhere and asks a person for criterion 8", () => {
    const s = scorePlan(emptyPlan());
    expect(s.criteria.map((c) => c.auto)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.total).toBe(0);
    expect(s.criteria[7].needsPerson).toBe(true);
    expect(s.criteria.every((c) => c.suggestion !== null)).toBe(true);
  });

  test("a complete text plan scores high on criteria 1–7 with evidence", () => {
    const s = scorePlan(planWith(allIds));
    const auto = s.criteria.map((c) => c.auto);
    expect(auto.slice(0, 7).every((a) => a >= 4)).toBe(true);
    expect(s.criteria[0].auto).toBe(5);
    expect(s.criteria[0].suggestion).toBeNull();
    for (const c of s.criteria.slice(0, 7)) expect(c.evidence.length).toBeGreaterThan(0);
  });

  test("missing elements are named in the suggestion of criterion 1", () => {
    const s = scorePlan(planWith(allIds.filter((id) => id !== "financialObjectives")));
    expect(s.criteria[0].auto).toBe(4);
    expect(s.criteria[0].suggestion?.["zh-CN"]).toContain("财务目标");
    expect(s.criteria[0].suggestion?.["en-US"]).toContain("Financial objectives");
  });

  test("placeholders such as 待定 and TBD do not count as content", () => {
    const s = scorePlan(planWith(["summary", "strategy"], { summary: "待定", strategy: "TBD" }));
    expect(s.criteria[0].auto).toBe(0);
  });

  test("too short and too long both cost in criterion 2", () => {
    const texts = { ...fullText, summary: "冲量", strategy: "很长的策略".repeat(200) };
    const s = scorePlan(planWith(allIds, texts));
    expect(s.criteria[1].auto).toBe(4); // 10 of 12 fit
    expect(s.criteria[1].suggestion?.["zh-CN"]).toContain("执行概要");
    expect(s.criteria[1].suggestion?.["en-US"]).toContain("Marketing strategy");
  });

  test("criterion 8 uses actuals against targets, each line capped at 100%", () => {
    const plan: PlanDocument = {
      ...emptyPlan(),
      actuals: [
        { label: "销量", target: 100, actual: 150 },
        { label: "集客", target: 1000, actual: 600 },
      ],
    };
    const s = scorePlan(plan);
    expect(s.criteria[7].needsPerson).toBe(false);
    // mean(1, 0.6) = 0.8: 80–90 % attained is 3 (≥98 % → 5, ≥90 % → 4, ≥80 % → 3, ≥65 % → 2, ≥50 % → 1).
    expect(s.criteria[7].auto).toBe(3);
    expect(s.criteria[7].suggestion?.["en-US"]).toContain("集客");
  });

  test("is deterministic", () => {
    const p = planWith(allIds);
    expect(JSON.stringify(scorePlan(p))).toBe(JSON.stringify(scorePlan(p)));
  });
});

describe("applyOverride", () => {
  test("keeps the automatic score apart and recomputes the total", () => {
    const s = scorePlan(emptyPlan());
    const o = applyOverride(s, 8, 3.5, "实地检查");
    if (isRubricError(o)) throw new Error("unexpected error");
    expect(o.criteria[7].auto).toBe(0);
    expect(o.overrides[8]).toEqual({ score: 3.5, reason: "实地检查" });
    expect(o.autoTotal).toBe(0);
    expect(o.total).toBe(3.5);
    expect(o.percent).toBe(8.8);
    const back = applyOverride(o, 8, null, "");
    if (isRubricError(back)) throw new Error("unexpected error");
    expect(back.total).toBe(0);
    expect(back.overrides[8]).toBeUndefined();
  });

  test("refuses scores outside 0–5 and missing reasons", () => {
    const s = scorePlan(emptyPlan());
    expect(isRubricError(applyOverride(s, 1, 6, "x"))).toBe(true);
    expect(isRubricError(applyOverride(s, 1, -0.5, "x"))).toBe(true);
    expect(isRubricError(applyOverride(s, 1, Number.NaN, "x"))).toBe(true);
    expect(isRubricError(applyOverride(s, 1, 2.3, "x"))).toBe(false);
    expect(isRubricError(applyOverride(s, 1, 2, "  "))).toBe(true);
  });
});

describe("matchElementHeading", () => {
  test.each([
    ["执行摘要", "summary"],
    ["一、执行概要:", "summary"],
    ["3. Target Customers", "customers"],
    ["目标客户群", "customers"],
    ["Budget", "expenses"],
    ["费用预算", "expenses"],
    ["Timeline", "schedule"],
    ["时间表", "schedule"],
    ["Control & Feedback", "control"],
    ["控制和反馈", "control"],
    ["（12）总结与校正", "review"],
  ])("%s → %s", (heading, id) => {
    expect(matchElementHeading(heading)).toBe(id);
  });

  test("ordinary text is not a heading", () => {
    expect(matchElementHeading("4月12日车展")).toBeNull();
    expect(matchElementHeading("")).toBeNull();
  });
});

// ---- properties ---------------------------------------------------------------------------------

const arbText = fc.oneof(
  fc.constantFrom(
    ...Object.values(fullText),
    "",
    "待定",
    "TBD",
    "x".repeat(3000),
    "每周 复盘 控制线 纠偏 120台",
  ),
  fc.string({ maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(..."销量台元月日负责人:控制线每周纠偏标准值 1234567890%;、\n"),
    maxLength: 120,
  }),
);
const arbElement: fc.Arbitrary<PlanElement> = fc.record(
  {
    id: fc.constantFrom(...allIds),
    text: arbText,
    owner: fc.constantFrom("", "王芳", "Li Lei"),
  },
  { requiredKeys: ["id", "text"] },
);
const arbNum = fc.oneof(fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const arbPlan: fc.Arbitrary<PlanDocument> = fc.record({
  elements: fc.array(arbElement, { maxLength: 14 }),
  targets: fc.array(
    fc.record({
      label: fc.constantFrom("新车销量", "毛利", "集客率", ""),
      value: arbNum,
      measure: fc.constantFrom("台", "万元", "%", ""),
      kind: fc.constantFrom("sales" as const, "financial" as const, "other" as const),
    }),
    { maxLength: 4 },
  ),
  budget: fc.array(fc.record({ label: fc.constantFrom("车展", "广告", ""), amount: arbNum }), {
    maxLength: 4,
  }),
  schedule: fc.array(
    fc.record({
      label: fc.constantFrom("车展", "试驾会", ""),
      start: fc.constantFrom("2026-04-12", ""),
      owner: fc.constantFrom("王芳", ""),
      milestone: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  owners: fc.array(
    fc.record({ role: fc.constantFrom("市场部", "销售部"), name: fc.constantFrom("王芳", "") }),
    {
      maxLength: 3,
    },
  ),
  controls: fc.array(
    fc.record({
      kpi: fc.constantFrom("集客率", ""),
      standard: arbNum,
      controlLine: arbNum,
      reviewCycle: fc.constantFrom("每周", ""),
      correctiveAction: fc.constantFrom("调整渠道", ""),
    }),
    { maxLength: 3 },
  ),
  actuals: fc.array(fc.record({ label: fc.constantFrom("销量"), target: arbNum, actual: arbNum }), {
    maxLength: 3,
  }),
});

describe("properties", () => {
  test("scores are integers within 0–5 and the total is their sum", () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const s = scorePlan(plan);
        expect(s.criteria).toHaveLength(8);
        for (const c of s.criteria) {
          expect(Number.isInteger(c.auto)).toBe(true);
          expect(c.auto).toBeGreaterThanOrEqual(0);
          expect(c.auto).toBeLessThanOrEqual(5);
          expect(c.suggestion === null).toBe(c.auto === 5 && !c.needsPerson);
        }
        expect(s.total).toBe(s.criteria.reduce((a, c) => a + c.auto, 0));
        expect(s.autoTotal).toBe(s.total);
        expect(s.percent).toBeCloseTo((s.total / 40) * 100, 1);
      }),
      { numRuns: 300 },
    );
  });

  // Criterion 2 (concise) is left out by design: a padded element may lower it.
  test("filling in a missing element never lowers criteria 1 and 3–8", () => {
    fc.assert(
      fc.property(
        arbPlan,
        fc.constantFrom(...allIds),
        arbText,
        fc.constantFrom("", "赵强"),
        (plan, id, text, owner) => {
          const without: PlanDocument = { ...plan, elements: plan.elements.filter((e) => e.id !== id) };
          const withIt: PlanDocument = { ...without, elements: [...without.elements, { id, text, owner }] };
          const a = scorePlan(without).criteria;
          const b = scorePlan(withIt).criteria;
          for (const i of [0, 2, 3, 4, 5, 6, 7]) expect([i, b[i].auto >= a[i].auto]).toEqual([i, true]);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("an override total equals the sum of the effective scores", () => {
    fc.assert(
      fc.property(
        arbPlan,
        fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8>,
        fc.integer({ min: 0, max: 10 }),
        (plan, id, half) => {
          const s = applyOverride(scorePlan(plan), id, half / 2, "review");
          if (isRubricError(s)) throw new Error("unexpected error");
          const sum = s.criteria.reduce((a, c) => a + (c.id === id ? half / 2 : c.auto), 0);
          expect(s.total).toBe(sum);
          expect(s.autoTotal).toBe(s.criteria.reduce((a, c) => a + c.auto, 0));
        },
      ),
    );
  });
});

describe("matchElementHeading: bilingual and loose headings", () => {
  test.each([
    ["1. 执行概要(Executive Summary)", "summary"],
    ["费用预算 / Budget", "expenses"],
    ["Timeline | 时间表", "schedule"],
    ["八、费用预算(单位:元)", "expenses"],
  ])("%s → %s", (heading, id) => {
    expect(matchElementHeading(heading)).toBe(id);
  });

  test.each([
    ["营销目标与指标", "marketingObjectives"],
    ["Budget overview", "expenses"],
    ["目标客户群体分析", "customers"],
  ])("loose: %s → %s", (heading, id) => {
    expect(matchElementHeading(heading)).toBeNull();
    expect(matchElementHeading(heading, { loose: true })).toBe(id);
  });

  test("loose matching leaves ordinary sentences alone", () => {
    expect(matchElementHeading("预算执行情况说明", { loose: true })).toBeNull();
    expect(matchElementHeading("目标客户为首次购车的年轻人群体和换购的家庭客户", { loose: true })).toBeNull();
  });
});
