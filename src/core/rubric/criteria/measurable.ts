// Criterion 3, concrete objectives with measurable indicators (有具体目标和测量指标): objectives that
// carry a number and a measure (480台, 线索3,600条, 成交率25%, revenue, cost per vehicle). Four or
// more, staged by month → 5; three → 4; two → 3; one → 2; objectives without figures → 1; none → 0.
import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { hasContent, quantities } from "../text";
import type { CriterionScore, Evidence } from "../types";
import { result } from "./shared";

interface Indicator {
  readonly label: string;
  readonly financial: boolean;
  readonly ref?: string;
}

/** Staging: monthly or per-stage figures ("4月150台", a 4月/5月/6月 table, "by month"). */
const STAGED =
  /\d{1,2}月\s*[^\s，,；;]{0,6}\d|分阶段|逐月|每月|月度|阶段目标|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|a month|by month|monthly|per month|stage/iu;
/** Labels that are a stage of a target, not an indicator of their own: "4月", "Q2", "合计". */
const STAGE_LABEL =
  /^(\d{1,2}月(份)?|[一二三四1-4]季度|q[1-4]|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|合计|总计|total)$/iu;

function indicators(f: PlanFacts): Indicator[] {
  const out: Indicator[] = [];
  const seen = new Set<string>();
  for (const t of f.plan.targets) {
    if (t.value === null || !hasContent(t.label)) continue;
    // The same figure under two labels (the template's sales cell and its indicator row) is one;
    // "4月 / 5月 / 合计" rows are the stages of one indicator.
    const label = t.label.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
    const key = STAGE_LABEL.test(label) ? "stage" : `${t.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const money = quantities(`1${t.measure ?? ""}`).some((q) => q.kind === "money");
    out.push({
      label: `${t.label}: ${t.value} ${t.measure ?? ""}`.trim(),
      financial: t.kind === "financial" || money,
      ...(t.ref ? { ref: t.ref } : {}),
    });
  }
  // In text, one clause is one objective: "销量360台（4月110台、5月130台）" is one, staged.
  for (const id of ["marketingObjectives", "financialObjectives"] as const) {
    const ref = f.element(id)?.ref;
    for (const clause of f.text(id).split(/[，,；;。\n]|(?<=\D)\.\s|\band\b/u)) {
      const q = quantities(clause);
      if (q.length === 0) continue;
      out.push({
        label: clause.trim().slice(0, 40),
        financial: q[0].kind === "money" || id === "financialObjectives",
        ...(ref ? { ref } : {}),
      });
    }
  }
  return out;
}

export function scoreMeasurable(f: PlanFacts): CriterionScore {
  const ind = indicators(f);
  const stated = f.present("marketingObjectives") || f.present("financialObjectives");
  const staged =
    STAGED.test(`${f.text("marketingObjectives")}\n${f.text("financialObjectives")}`) ||
    f.plan.targets.some((t) => STAGE_LABEL.test(t.label.trim())) ||
    f.plan.targets.filter((t) => t.value !== null).length >= 6;
  const mk = ind.filter((i) => !i.financial);
  const fin = ind.filter((i) => i.financial);
  const n = ind.length;
  let score =
    n >= 4 ? (staged && mk.length >= 1 && fin.length >= 1 ? 5 : 4) : n >= 1 ? n + 1 : stated ? 1 : 0;
  if (n >= 2 && (mk.length === 0 || fin.length === 0)) score = Math.min(score, 4);
  const evidence: Evidence[] = ind.slice(0, 5).map((i) => ({
    kind: "indicator",
    value: i.label,
    note: i.financial
      ? L("带数值的财务指标", "financial indicator with a figure")
      : L("带数值和单位的指标", "indicator with a number and a unit"),
    ...(i.ref ? { ref: i.ref } : {}),
  }));
  evidence.push({ kind: "count", value: n, note: L("可测量指标个数", "number of measurable indicators") });
  const fixes = [];
  if (!stated && n === 0)
    fixes.push(
      L("写出营销目标和财务目标", 'write the "Marketing objectives" and "Financial objectives" elements'),
    );
  if (n < 4)
    fixes.push(
      L(
        `至少列出 4 个带数值和单位的指标（现有 ${n} 个），如“二季度新车销量 480 台”“成交率 25%”`,
        `list at least 4 indicators with a number and a unit (now ${n}), e.g. "480 new cars in Q2", "closing rate 25%"`,
      ),
    );
  if (n >= 1 && (mk.length === 0 || fin.length === 0))
    fixes.push(
      L(
        "营销目标和财务目标各至少一个量化指标（如销量台数与毛利/费用金额）",
        "quantify both a marketing objective and a financial one (e.g. units sold and gross profit or cost in yuan)",
      ),
    );
  if (!staged) fixes.push(L("把目标按月或按阶段分解", "break the objectives down by month or stage"));
  return result(3, score, evidence, fixes);
}
