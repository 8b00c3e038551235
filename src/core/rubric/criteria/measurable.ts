import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { hasContent, quantities } from "../text";
import type { CriterionScore, Evidence, Localized } from "../types";
import { fromChecks, presentCheck } from "./shared";

interface Indicator {
  readonly label: string;
  readonly financial: boolean;
  readonly ref?: string;
}

function indicators(f: PlanFacts): Indicator[] {
  const out: Indicator[] = [];
  for (const t of f.plan.targets) {
    if (t.value === null || !hasContent(t.label) || !hasContent(t.measure)) continue;
    const money = quantities(`1${t.measure ?? ""}`).some((q) => q.kind === "money");
    out.push({
      label: `${t.label}: ${t.value} ${t.measure ?? ""}`.trim(),
      financial: t.kind === "financial" || money,
      ...(t.ref ? { ref: t.ref } : {}),
    });
  }
  for (const id of ["marketingObjectives", "financialObjectives"] as const) {
    const ref = f.element(id)?.ref;
    for (const q of quantities(f.text(id)))
      out.push({
        label: q.text,
        financial: q.kind === "money" || id === "financialObjectives",
        ...(ref ? { ref } : {}),
      });
  }
  return out;
}

export function scoreMeasurable(f: PlanFacts): CriterionScore {
  const ind = indicators(f);
  const ev = (list: readonly Indicator[], note: Localized): Evidence[] =>
    list.slice(0, 5).map((i) => ({ value: i.label, note, ...(i.ref ? { ref: i.ref } : {}) }));
  const mk = ind.filter((i) => !i.financial);
  const fin = ind.filter((i) => i.financial);
  return fromChecks(3, [
    presentCheck(f, "marketingObjectives"),
    presentCheck(f, "financialObjectives"),
    {
      ok: ind.length >= 1,
      evidence: ev(ind, L("带数值和单位的指标", "indicator with a number and a unit")),
      fix: L(
        "给目标写上数值和测量单位(如“3月新车销量 120 台”“集客率 15%”)",
        'give the objectives numbers with units (e.g. "120 new cars in March", "lead capture rate 15%")',
      ),
    },
    {
      ok: ind.length >= 3,
      evidence: [{ value: ind.length, note: L("可测量指标个数", "number of measurable indicators") }],
      fix: L(
        `至少列出 3 个可测量指标(现有 ${ind.length} 个),覆盖分段目标`,
        `list at least 3 measurable indicators (now ${ind.length}), one per stage`,
      ),
    },
    {
      ok: mk.length >= 1 && fin.length >= 1,
      evidence:
        mk.length >= 1 && fin.length >= 1
          ? ev([mk[0], fin[0]], L("营销与财务指标", "marketing and financial indicator"))
          : [],
      fix: L(
        "营销目标和财务目标各至少一个量化指标(如销量台数与毛利/费用金额)",
        "quantify both a marketing objective and a financial one (e.g. units sold and gross profit or cost in yuan)",
      ),
    },
  ]);
}
