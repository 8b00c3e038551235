// Criterion 8, actual results (实际执行效果): any actual figures in the plan against their targets.
// Attainment per pair is actual / target, or target / actual where lower is better (costs, spend);
// each is capped at 100 % so one lucky line cannot hide a miss. Without actuals a person must score.
import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { lowerIsBetter, pairAttainment } from "../indicators";
import type { ActualItem, CriterionScore, Evidence } from "../types";
import { figure, figures, result } from "./shared";

/** Mean attainment → score: ≥98 % → 5, ≥90 % → 4, ≥80 % → 3, ≥65 % → 2, ≥50 % → 1. */
const STEPS: readonly (readonly [number, number])[] = [
  [0.98, 5],
  [0.9, 4],
  [0.8, 3],
  [0.65, 2],
  [0.5, 1],
];

interface Judged {
  readonly item: ActualItem;
  readonly rate: number;
  readonly lower: boolean;
}

function judged(f: PlanFacts): Judged[] {
  const out: Judged[] = [];
  const seen = new Set<string>();
  for (const a of f.plan.actuals) {
    if (a.target === null || a.actual === null) continue;
    const lower = a.lowerIsBetter ?? lowerIsBetter(a.label);
    const rate = pairAttainment(a.target, a.actual, lower);
    const key = `${a.label}|${a.target}|${a.actual}`;
    if (rate === null || seen.has(key)) continue;
    seen.add(key);
    out.push({ item: a, rate: Math.max(0, Math.min(1, rate)), lower });
  }
  return out;
}

export function scoreResults(f: PlanFacts): CriterionScore {
  const pairs = judged(f);
  if (pairs.length === 0)
    return result(
      8,
      0,
      [
        {
          kind: "noActuals",
          note: L(
            "计划中没有实际执行数据，需人工评分",
            "the plan holds no actual results; a person should score this",
          ),
        },
      ],
      [
        L(
          "执行后填入各目标的实际完成值，或由评审人员人工评分",
          "enter the actual figures beside the targets after execution, or have a reviewer score this criterion",
        ),
      ],
      true,
    );
  const mean = pairs.reduce((s, p) => s + p.rate, 0) / pairs.length;
  const evidence: Evidence[] = pairs.map(({ item: a, rate, lower }) => ({
    kind: "attainment",
    ...figures(
      a.label,
      ": ",
      figure(a.actual ?? 0, a.actualLook),
      " / ",
      figure(a.target ?? 0, a.targetLook),
      ` = ${Math.round(rate * 1000) / 10}%${lower ? " ↓" : ""}`,
    ),
    note: lower
      ? L("目标/实际（越低越好）", "target / actual (lower is better)")
      : L("实际/目标", "actual / target"),
    ...(a.ref ? { ref: a.ref } : {}),
  }));
  evidence.unshift({
    kind: "attainment",
    value: `${Math.round(mean * 1000) / 10}%`,
    note: L("平均达成率（单项上限 100%）", "mean attainment (each line capped at 100%)"),
  });
  const score = STEPS.find(([at]) => mean + 1e-9 >= at)?.[1] ?? 0;
  const behind = pairs.filter((p) => p.rate < 1).map((p) => p.item.label);
  return result(8, score, evidence, [
    L(
      `分析未达成的目标并制定改进措施：${behind.join("、")}`,
      `analyse the targets that were missed and plan improvements: ${behind.join(", ")}`,
    ),
  ]);
}
