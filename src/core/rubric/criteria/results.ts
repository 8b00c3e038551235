import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import type { CriterionScore, Evidence } from "../types";
import { figure, figures, result } from "./shared";

/**
 * Attainment per line is capped at 100 %, so one over-achieved line cannot hide another that fell
 * short; the score is the mean attainment in fifths, rounded down.
 */
export function scoreResults(f: PlanFacts): CriterionScore {
  const pairs = f.plan.actuals.filter(
    (a) =>
      a.target !== null &&
      a.actual !== null &&
      Number.isFinite(a.target) &&
      Number.isFinite(a.actual) &&
      a.target > 0,
  );
  if (pairs.length === 0)
    return result(
      8,
      0,
      [
        {
          note: L(
            "计划中没有实际执行数据,需人工评分",
            "the plan holds no actual results; a person should score this",
          ),
        },
      ],
      [
        L(
          "执行后填入各目标的实际完成值,或由评审人员人工评分",
          "enter the actual figures beside the targets after execution, or have a reviewer score this criterion",
        ),
      ],
      true,
    );
  const rates = pairs.map((a) => Math.max(0, Math.min(1, (a.actual ?? 0) / (a.target ?? 1))));
  const mean = rates.reduce((s, r) => s + r, 0) / rates.length;
  const evidence: Evidence[] = pairs.map((a, i) => ({
    ...figures(
      a.label,
      ": ",
      figure(a.actual ?? 0, a.actualLook),
      " / ",
      figure(a.target ?? 0, a.targetLook),
      ` = ${Math.round(rates[i] * 1000) / 10}%`,
    ),
    note: L("实际/目标", "actual / target"),
    ...(a.ref ? { ref: a.ref } : {}),
  }));
  evidence.unshift({
    value: `${Math.round(mean * 1000) / 10}%`,
    note: L("平均达成率(单项上限 100%)", "mean attainment (each line capped at 100%)"),
  });
  const behind = pairs.filter((_, i) => rates[i] < 1).map((a) => a.label);
  return result(8, Math.floor(5 * mean + 1e-9), evidence, [
    L(
      `分析未达成的目标并制定改进措施:${behind.join("、")}`,
      `analyse the targets that were missed and plan improvements: ${behind.join(", ")}`,
    ),
  ]);
}
