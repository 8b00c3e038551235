// The eight criteria of 营销计划评估标准. Each returns an integer 0–5 with evidence and, below 5,
// a suggestion. Every check only ever looks for something being THERE (an element, a number, a
// date, an owner), never for something being absent, so filling in more of a plan can never lower a
// score; the property tests hold the engine to that.
import { L } from "../lang";
import { CRITERIA, ELEMENT_BY_ID, ELEMENTS } from "./elements";
import type { PlanFacts } from "./facts";
import { containsAny, countItems, dateMentions, hasContent, quantities, textUnits } from "./text";
import type {
  CellLook,
  CriterionId,
  CriterionScore,
  ElementId,
  Evidence,
  Figure,
  Lang,
  Localized,
} from "./types";

/**
 * An evidence value built from text and numbers read from cells: the parts keep each number's cell
 * look for readers that show it as the sheet does; `value` is the same text with plain decimals.
 */
function figures(...parts: readonly (string | Figure)[]): Pick<Evidence, "value" | "parts"> {
  return { value: parts.map((p) => (typeof p === "string" ? p : String(p.number))).join(""), parts };
}

function figure(number: number, look: CellLook | undefined): Figure {
  return { number, ...look };
}

function names(ids: readonly ElementId[], lang: Lang): string {
  return ids.map((id) => ELEMENT_BY_ID[id].name[lang]).join(lang === "zh-CN" ? "、" : ", ");
}

interface Check {
  readonly ok: boolean;
  readonly evidence?: readonly Evidence[];
  readonly fix: Localized;
}

function joinFixes(fixes: readonly Localized[]): Localized | null {
  if (fixes.length === 0) return null;
  return L(fixes.map((f) => f["zh-CN"]).join(";"), fixes.map((f) => f["en-US"]).join("; "));
}

function result(
  id: CriterionId,
  auto: number,
  evidence: readonly Evidence[],
  fixes: readonly Localized[],
  needsPerson = false,
): CriterionScore {
  const info = CRITERIA[id - 1];
  const score = Math.max(0, Math.min(5, Math.floor(auto)));
  return {
    id,
    key: info.key,
    name: info.name,
    auto: score,
    needsPerson,
    evidence,
    suggestion: score >= 5 && !needsPerson ? null : joinFixes(fixes),
  };
}

function fromChecks(id: CriterionId, checks: readonly Check[]): CriterionScore {
  const passed = checks.filter((c) => c.ok);
  return result(
    id,
    passed.length,
    passed.flatMap((c) => c.evidence ?? []),
    checks.filter((c) => !c.ok).map((c) => c.fix),
  );
}

function elementEvidence(f: PlanFacts, id: ElementId, note: Localized): Evidence {
  const ref = f.element(id)?.ref;
  const text = f.text(id);
  const value = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return { elements: [id], note, ...(ref ? { ref } : {}), value };
}

function presentCheck(f: PlanFacts, id: ElementId): Check {
  const n = ELEMENT_BY_ID[id].name;
  return {
    ok: f.present(id),
    evidence: f.present(id)
      ? [elementEvidence(f, id, L(`要素“${n["zh-CN"]}”已填写`, `"${n["en-US"]}" is filled in`))]
      : [],
    fix: L(`填写“${n["zh-CN"]}”`, `write the "${n["en-US"]}" element`),
  };
}

// ---- 1 complete ---------------------------------------------------------------------------------

/** Structured blocks also show an element is there, e.g. a filled budget table is the expense forecast. */
function covered(f: PlanFacts, id: ElementId): boolean {
  if (f.present(id)) return true;
  const p = f.plan;
  switch (id) {
    case "marketingObjectives":
      return p.targets.some((t) => t.value !== null && t.kind !== "financial");
    case "financialObjectives":
      return p.targets.some((t) => t.value !== null && t.kind === "financial");
    case "expenses":
      return p.budget.some((b) => b.amount !== null && b.amount > 0);
    case "schedule":
      return p.schedule.some((s) => hasContent(s.label) && (hasContent(s.start) || hasContent(s.end)));
    case "control":
      return p.controls.some((c) => hasContent(c.kpi) && c.standard !== null && c.standard !== undefined);
    case "organization":
      return p.owners.some((o) => hasContent(o.name));
    default:
      return false;
  }
}

export function scoreComplete(f: PlanFacts): CriterionScore {
  const have = ELEMENTS.filter((e) => covered(f, e.id)).map((e) => e.id);
  const missing = ELEMENTS.filter((e) => !covered(f, e.id)).map((e) => e.id);
  const evidence: Evidence[] = [
    {
      elements: have,
      value: `${have.length}/12`,
      note: L(`已有 ${have.length} 个要素,共 12 个`, `${have.length} of the 12 elements are there`),
    },
  ];
  const fix = L(
    `补全缺失的要素:${names(missing, "zh-CN")}`,
    `add the missing elements: ${names(missing, "en-US")}`,
  );
  return result(1, (5 * have.length) / 12, evidence, missing.length > 0 ? [fix] : []);
}

// ---- 2 concise ----------------------------------------------------------------------------------

export const MIN_UNITS = 8;
/** Units are CJK characters; in English about two of them make a word. */
const words = (units: number) => Math.round(units / 2);
/** The summary must be read at once by top management; the other elements may be longer. */
export function maxUnits(id: ElementId): number {
  return id === "summary" ? 250 : 500;
}

export function scoreConcise(f: PlanFacts): CriterionScore {
  const fitting: ElementId[] = [];
  const short: ElementId[] = [];
  const long: ElementId[] = [];
  const evidence: Evidence[] = [];
  for (const e of ELEMENTS) {
    if (!f.present(e.id)) continue;
    const units = textUnits(f.text(e.id));
    const ref = f.element(e.id)?.ref;
    if (units < MIN_UNITS) {
      short.push(e.id);
      evidence.push({
        elements: [e.id],
        value: units,
        note: L(
          `“${e.name["zh-CN"]}”过短(约 ${units} 字)`,
          `"${e.name["en-US"]}" is too short (about ${words(units)} words)`,
        ),
        ...(ref ? { ref } : {}),
      });
    } else if (units > maxUnits(e.id)) {
      long.push(e.id);
      evidence.push({
        elements: [e.id],
        value: units,
        note: L(
          `“${e.name["zh-CN"]}”过长(约 ${units} 字,上限 ${maxUnits(e.id)})`,
          `"${e.name["en-US"]}" is too long (about ${words(units)} words, limit ${words(maxUnits(e.id))})`,
        ),
        ...(ref ? { ref } : {}),
      });
    } else fitting.push(e.id);
  }
  evidence.unshift({
    elements: fitting,
    value: `${fitting.length}/12`,
    note: L(`${fitting.length} 个要素篇幅适中`, `${fitting.length} elements are of a fitting length`),
  });
  const fixes: Localized[] = [];
  if (short.length > 0)
    fixes.push(
      L(
        `充实过短的要素(至少 ${MIN_UNITS} 字,写清要点):${names(short, "zh-CN")}`,
        `expand the elements that are too short (at least ${MIN_UNITS / 2} words, state the point): ${names(short, "en-US")}`,
      ),
    );
  if (long.length > 0)
    fixes.push(
      L(
        `精简过长的要素(执行概要 ≤250 字,其他 ≤500 字):${names(long, "zh-CN")}`,
        `shorten the elements that are too long (summary ≤125 words, others ≤250 words): ${names(long, "en-US")}`,
      ),
    );
  const missing = ELEMENTS.filter((e) => !f.present(e.id)).map((e) => e.id);
  if (missing.length > 0)
    fixes.push(
      L(
        `为缺少文字的要素写一段简明说明:${names(missing, "zh-CN")}`,
        `write a short text for: ${names(missing, "en-US")}`,
      ),
    );
  return result(2, (5 * fitting.length) / 12, evidence, fixes);
}

// ---- 3 measurable objectives --------------------------------------------------------------------

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

// ---- 4 actions ----------------------------------------------------------------------------------

function datedItems(f: PlanFacts): Evidence[] {
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
        `逐条列出至少 3 项具体行动或活动(现有 ${listed} 项),如车展、试驾会、老客户转介绍`,
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
        "为每项活动写出关键控制指标(如到店人数、留资数)",
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
        `至少 3 项活动有明确日期(现有 ${dated.length} 项)`,
        `date at least 3 activities (now ${dated.length})`,
      ),
    },
  ]);
}

// ---- 5 sales target, budget, schedule, milestones -----------------------------------------------

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
        "写明销售目标(台数),如“二季度新车销量 360 台”",
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
        `把预算拆成至少 3 个明细项(现有 ${budgetCount} 项),如广告、活动、礼品`,
        `break the budget into at least 3 lines (now ${budgetCount}), e.g. advertising, events, gifts`,
      ),
    },
    {
      ok: dated.length >= 1,
      evidence: dated.slice(0, 2),
      fix: L("写出时间进度(各项工作的日期)", "add a schedule with dates for the work"),
    },
    {
      ok: milestone.length >= 1,
      evidence: milestone.slice(0, 2),
      fix: L(
        "标出关键节点(里程碑),如活动启动、中期检查、结束复盘的日期",
        "mark the milestones, e.g. the dates of launch, mid-term check and closing review",
      ),
    },
  ]);
}

// ---- 6 organization -----------------------------------------------------------------------------

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
      ok: depts.length >= 2,
      evidence: [
        { elements: ["organization"], value: depts.join(", "), note: L("涉及的部门", "departments named") },
      ],
      fix: L(
        "写明牵头、支持和协助的部门(如市场部牵头,销售部、售后部支持)",
        "name the leading, supporting and assisting departments (e.g. marketing leads, sales and after-sales support)",
      ),
    },
    {
      ok: assignments.length >= 1,
      evidence: assignments.slice(0, 3),
      fix: L("为各项工作指定负责人(姓名)", "name an owner (a person) for the work"),
    },
    {
      ok: assignments.length >= 3,
      evidence: [{ value: assignments.length, note: L("责任分配数", "assignments") }],
      fix: L(
        `至少 3 项要素或活动指定负责人(现有 ${assignments.length} 项)`,
        `give at least 3 elements or activities an owner (now ${assignments.length})`,
      ),
    },
    {
      ok: assignments.length >= 6,
      evidence: [],
      fix: L(
        `把负责人落实到大部分要素和活动(至少 6 项,现有 ${assignments.length} 项)`,
        `assign owners to most elements and activities (at least 6, now ${assignments.length})`,
      ),
    },
  ]);
}

// ---- 7 feedback and correction ------------------------------------------------------------------

const STANDARD_WORDS = ["标准值", "目标值", "standard value", "target value", "standard"];
const CONTROL_LINE_WORDS = [
  "控制线",
  "预警线",
  "警戒线",
  "阈值",
  "下限",
  "上限",
  "control line",
  "warning line",
  "threshold",
  "tolerance",
];
const CYCLE_WORDS = [
  "每周",
  "每月",
  "每日",
  "每天",
  "周会",
  "月度",
  "周度",
  "双周",
  "季度",
  "每两周",
  "weekly",
  "monthly",
  "daily",
  "biweekly",
  "fortnightly",
  "quarterly",
  "every week",
  "every month",
];
const CORRECTION_WORDS = [
  "纠偏",
  "校正",
  "整改",
  "调整",
  "补救",
  "应对措施",
  "corrective",
  "correction",
  "adjust",
  "remedial",
  "contingency",
];

export function scoreFeedback(f: PlanFacts): CriterionScore {
  const c = f.plan.controls.filter((x) => hasContent(x.kpi));
  const text = `${f.text("control")}\n${f.text("review")}`;
  const textEv = (word: string | null, note: Localized): Evidence[] =>
    word === null ? [] : [{ elements: ["control", "review"], value: word, note }];
  const itemEv = (
    pick: (x: (typeof c)[number]) => string | number | null | undefined,
    note: Localized,
    look?: (x: (typeof c)[number]) => CellLook | undefined,
  ): Evidence[] =>
    c
      .filter((x) => {
        const v = pick(x);
        return v !== null && v !== undefined && (typeof v === "number" || hasContent(v));
      })
      .slice(0, 2)
      .map((x) => {
        const v = pick(x);
        const shown =
          typeof v === "number"
            ? figures(x.kpi, ": ", figure(v, look?.(x)))
            : { value: `${x.kpi}: ${String(v)}` };
        return { ...shown, note, ...(x.ref ? { ref: x.ref } : {}) };
      });

  const standardText =
    containsAny(text, STANDARD_WORDS) !== null && quantities(text).length > 0
      ? containsAny(text, STANDARD_WORDS)
      : null;
  const standard = [
    ...itemEv(
      (x) => x.standard,
      L("KPI 标准值", "KPI standard value"),
      (x) => x.standardLook,
    ),
    ...textEv(standardText, L("文中的标准值", "standard value in the text")),
  ];
  const line = [
    ...itemEv(
      (x) => x.controlLine,
      L("控制线", "control line"),
      (x) => x.controlLineLook,
    ),
    ...textEv(containsAny(text, CONTROL_LINE_WORDS), L("文中的控制线", "control line in the text")),
  ];
  const cycle = [
    ...itemEv((x) => x.reviewCycle, L("检查周期", "review cycle")),
    ...textEv(containsAny(text, CYCLE_WORDS), L("文中的检查周期", "review cycle in the text")),
  ];
  const action = [
    ...itemEv((x) => x.correctiveAction, L("纠偏措施", "corrective action")),
    ...textEv(containsAny(text, CORRECTION_WORDS), L("文中的纠偏措施", "corrective action in the text")),
  ];

  return fromChecks(7, [
    presentCheck(f, "control"),
    {
      ok: standard.length > 0,
      evidence: standard,
      fix: L(
        "为关键 KPI 设定标准值(如集客率标准值 15%)",
        "set a standard value for each key KPI (e.g. lead capture rate 15%)",
      ),
    },
    {
      ok: line.length > 0,
      evidence: line,
      fix: L(
        "在标准值两侧设定监督控制线(预警线/控制线)",
        "set control lines around the standard value (warning and control lines)",
      ),
    },
    {
      ok: cycle.length > 0,
      evidence: cycle,
      fix: L(
        "规定检查和复盘的周期(如每周例会、每月复盘)",
        "fix the review cycle (e.g. weekly check, monthly review)",
      ),
    },
    {
      ok: action.length > 0,
      evidence: action,
      fix: L(
        "写明偏离控制线时的纠偏措施和负责人",
        "state the corrective action, and who takes it, when a KPI crosses its control line",
      ),
    },
  ]);
}

// ---- 8 actual results ---------------------------------------------------------------------------

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
