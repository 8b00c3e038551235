import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { containsAny, hasContent, quantities } from "../text";
import type { CriterionScore, Evidence } from "../types";
import { figure, figures, fromChecks } from "./shared";
import { datedItems } from "./actions";

const SALES_WORDS = [
  "销量",
  "销售目标",
  "销售台",
  "新车",
  "台数",
  "成交",
  "sales",
  "units",
  "vehicles",
  "cars sold",
  "deliveries",
];
const MILESTONE_WORDS = [
  "里程碑",
  "关键节点",
  "节点",
  "启动",
  "验收",
  "上线",
  "截止",
  "milestone",
  "deadline",
  "launch",
  "kick-off",
  "kickoff",
  "go-live",
];

export function scoreSalesBudgetSchedule(f: PlanFacts): CriterionScore {
  const p = f.plan;
  const salesTargets: Evidence[] = p.targets
    .filter((t) => t.value !== null && (t.kind === "sales" || containsAny(t.label, SALES_WORDS) !== null))
    .map((t) => ({
      ...figures(t.label, ": ", figure(t.value ?? 0, t.valueLook)),
      note: L("销售目标", "sales target"),
      ...(t.ref ? { ref: t.ref } : {}),
    }));
  for (const id of ["summary", "marketingObjectives", "financialObjectives"] as const)
    for (const q of quantities(f.text(id)))
      if (q.kind === "vehicles")
        salesTargets.push({ elements: [id], value: q.text, note: L("销售目标", "sales target") });

  const lines: Evidence[] = p.budget
    .filter((b) => b.amount !== null && b.amount > 0 && hasContent(b.label))
    .map((b) => ({
      ...figures(b.label, ": ", figure(b.amount ?? 0, b.amountLook)),
      note: L("预算行", "budget line"),
      ...(b.ref ? { ref: b.ref } : {}),
    }));
  const budgetText = quantities(f.text("expenses")).filter((q) => q.kind === "money");
  const budgetCount = Math.max(lines.length, budgetText.length);
  const budgetEvidence =
    lines.length > 0
      ? lines
      : budgetText.map((q) => ({
          elements: ["expenses" as const],
          value: q.text,
          note: L("预算金额", "budget amount"),
        }));

  const dated = datedItems(f).filter((e) => e.note["en-US"] !== "number of dated activities");
  const distinct = new Set(dated.map((d) => String(d.value))).size;
  const labels = [...p.schedule.map((s) => s.label), f.text("schedule")].join("\n");
  const flagged = p.schedule.filter((s) => s.milestone === true && hasContent(s.label));
  const milestone =
    flagged.length > 0
      ? flagged.map((s) => ({
          value: s.label,
          note: L("关键节点", "milestone"),
          ...(s.ref ? { ref: s.ref } : {}),
        }))
      : dated.length > 0 && containsAny(labels, MILESTONE_WORDS) !== null
        ? [{ value: containsAny(labels, MILESTONE_WORDS) ?? "", note: L("关键节点", "milestone") }]
        : distinct >= 3
          ? [{ value: distinct, note: L("不同日期的节点数", "distinct dated points") }]
          : [];

  return fromChecks(5, [
    {
      ok: salesTargets.length >= 1,
      evidence: salesTargets.slice(0, 2),
      fix: L(
        "写明销售目标（台数），如“二季度新车销量 360 台”",
        'state the sales target in units, e.g. "360 new cars in Q2"',
      ),
    },
    {
      ok: budgetCount >= 1,
      evidence: budgetEvidence.slice(0, 3),
      fix: L("给出费用预算金额", "give the budget in money"),
    },
    {
      ok: budgetCount >= 3,
      evidence: [
        { elements: ["expenses"], value: budgetCount, note: L("预算明细行数", "itemized budget lines") },
      ],
      fix: L(
        `把预算拆成至少 3 个明细项（现有 ${budgetCount} 项），如广告、活动、礼品`,
        `break the budget into at least 3 lines (now ${budgetCount}), e.g. advertising, events, gifts`,
      ),
    },
    {
      ok: dated.length >= 1,
      evidence: dated.slice(0, 2),
      fix: L("写出时间进度（各项工作的日期）", "add a schedule with dates for the work"),
    },
    {
      ok: milestone.length >= 1,
      evidence: milestone.slice(0, 2),
      fix: L(
        "标出关键节点（里程碑），如活动启动、中期检查、结束复盘的日期",
        "mark the milestones, e.g. the dates of launch, mid-term check and closing review",
      ),
    },
  ]);
}
