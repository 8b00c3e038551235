import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { hasContent } from "../text";
import type { CriterionScore, Evidence } from "../types";
import { fromChecks, presentCheck } from "./shared";

const DEPARTMENTS = [
  "销售",
  "售后",
  "市场",
  "客服",
  "财务",
  "行政",
  "网销",
  "展厅",
  "服务",
  "配件",
  "广宣",
  "策划",
  "sales",
  "after-sales",
  "aftersales",
  "marketing",
  "customer service",
  "finance",
  "admin",
  "service",
  "parts",
  "pr",
];
/** A person named after a department or a title: "市场部 林悦", "销售经理 马骏", "总经理 陈建国". */
const PERSON_AFTER_ROLE =
  /(?:部|经理|总监|主管|专员|店长|总经理)\s*[:：]?\s*([\u3400-\u9fff]{2,3})(?=[（(，,；;：:、。\s]|$)/gu;
const NOT_A_NAME = /^(负责|牵头|支持|协助|配合|经理|主管|全员|各部|销售|市场|客服|财务|售后)/u;
const OWNER_IN_TEXT =
  /(负责人|责任人|负责|owner|responsible|lead)\s*[:：]?\s*([\u3400-\u9fff]{2,4}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/gu;

export function scoreOrganization(f: PlanFacts): CriterionScore {
  const p = f.plan;
  const assignments: Evidence[] = [];
  for (const e of p.elements)
    if (hasContent(e.owner) && hasContent(e.text))
      assignments.push({
        elements: [e.id],
        value: e.owner ?? "",
        note: L("要素负责人", "element owner"),
        ...(e.ref ? { ref: e.ref } : {}),
      });
  for (const s of p.schedule)
    if (hasContent(s.owner) && hasContent(s.label))
      assignments.push({
        value: `${s.label}: ${s.owner}`,
        note: L("活动负责人", "activity owner"),
        ...(s.ref ? { ref: s.ref } : {}),
      });
  for (const o of p.owners)
    if (hasContent(o.name))
      assignments.push({
        value: `${o.role}: ${o.name}`,
        note: L("分工", "assignment"),
        ...(o.ref ? { ref: o.ref } : {}),
      });
  for (const id of ["organization", "mix", "schedule"] as const)
    for (const m of f.text(id).matchAll(PERSON_AFTER_ROLE))
      if (!NOT_A_NAME.test(m[1]))
        assignments.push({
          kind: "owner",
          elements: [id],
          value: m[0],
          note: L("文中写明的负责人", "owner named in the text"),
        });
  for (const id of ["organization", "mix", "schedule"] as const)
    for (const m of f.text(id).matchAll(OWNER_IN_TEXT))
      assignments.push({
        elements: [id],
        value: m[0],
        note: L("文中写明的负责人", "owner named in the text"),
      });

  const deptText = [f.text("organization"), ...p.owners.map((o) => o.role)].join("\n").toLowerCase();
  const depts = DEPARTMENTS.filter((d) => (d === "pr" ? /\bpr\b/.test(deptText) : deptText.includes(d)));
  return fromChecks(6, [
    presentCheck(f, "organization"),
    {
      // "Sales team and marketing" names departments but nobody: two departments need a person too.
      ok: depts.length >= 3 || (depts.length >= 2 && assignments.length >= 1),
      evidence: [
        { elements: ["organization"], value: depts.join(", "), note: L("涉及的部门", "departments named") },
      ],
      fix: L(
        "写明牵头、支持和协助的部门（如市场部牵头，销售部、售后部支持）",
        "name the leading, supporting and assisting departments (e.g. marketing leads, sales and after-sales support)",
      ),
    },
    {
      ok: assignments.length >= 1,
      evidence: assignments.slice(0, 3),
      fix: L("为各项工作指定负责人（姓名）", "name an owner (a person) for the work"),
    },
    {
      ok: assignments.length >= 3,
      evidence: [{ value: assignments.length, note: L("责任分配数", "assignments") }],
      fix: L(
        `至少 3 项要素或活动指定负责人（现有 ${assignments.length} 项）`,
        `give at least 3 elements or activities an owner (now ${assignments.length})`,
      ),
    },
    {
      ok: assignments.length >= 6,
      evidence: [],
      fix: L(
        `把负责人落实到大部分要素和活动（至少 6 项，现有 ${assignments.length} 项）`,
        `assign owners to most elements and activities (at least 6, now ${assignments.length})`,
      ),
    },
  ]);
}
