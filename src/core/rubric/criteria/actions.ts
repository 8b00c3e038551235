import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { countItems, dateMentions, hasContent, quantities } from "../text";
import type { CriterionScore, Evidence } from "../types";
import { fromChecks, presentCheck } from "./shared";

export function datedItems(f: PlanFacts): Evidence[] {
  const out: Evidence[] = [];
  for (const s of f.plan.schedule) {
    if (!hasContent(s.label)) continue;
    const when = [s.start, s.end].filter((d) => hasContent(d)).join(" – ");
    if (when === "") continue;
    out.push({
      value: `${s.label}: ${when}`,
      note: L("有日期的活动", "dated activity"),
      ...(s.ref ? { ref: s.ref } : {}),
    });
  }
  for (const id of ["mix", "schedule"] as const) {
    const ref = f.element(id)?.ref;
    for (const d of dateMentions(f.text(id)))
      out.push({
        elements: [id],
        value: d,
        note: L("文中的日期", "date in the text"),
        ...(ref ? { ref } : {}),
      });
  }
  return out;
}

export function scoreActions(f: PlanFacts): CriterionScore {
  const activities = f.plan.schedule.filter((s) => hasContent(s.label));
  const listed = Math.max(countItems(f.text("mix")), activities.length);
  const dated = datedItems(f);
  const mixQuantities = quantities(f.text("mix"));
  const controlled = f.plan.controls.filter((c) => hasContent(c.kpi));
  return fromChecks(4, [
    presentCheck(f, "mix"),
    {
      ok: listed >= 3,
      evidence: [
        { elements: ["mix"], value: listed, note: L("列出的行动/活动数", "actions and activities listed") },
      ],
      fix: L(
        `逐条列出至少 3 项具体行动或活动（现有 ${listed} 项），如车展、试驾会、老客户转介绍`,
        `list at least 3 concrete actions or activities (now ${listed}), e.g. auto show, test-drive day, referral drive`,
      ),
    },
    {
      ok: mixQuantities.length >= 1 || controlled.length >= 1,
      evidence:
        mixQuantities.length >= 1
          ? [
              {
                elements: ["mix"],
                value: mixQuantities[0].text,
                note: L("活动的控制指标", "control indicator of an activity"),
              },
            ]
          : controlled.slice(0, 1).map((c) => ({
              value: c.kpi,
              note: L("关键控制指标", "key control indicator"),
              ...(c.ref ? { ref: c.ref } : {}),
            })),
      fix: L(
        "为每项活动写出关键控制指标（如到店人数、留资数）",
        "give each activity its key control indicator (e.g. store visits, leads captured)",
      ),
    },
    {
      ok: dated.length >= 1,
      evidence: dated.slice(0, 3),
      fix: L("给活动写上开始/完成日期", "put start or finish dates on the activities"),
    },
    {
      ok: dated.length >= 3,
      evidence: [{ value: dated.length, note: L("有日期的活动数", "number of dated activities") }],
      fix: L(
        `至少 3 项活动有明确日期（现有 ${dated.length} 项）`,
        `date at least 3 activities (now ${dated.length})`,
      ),
    },
  ]);
}
