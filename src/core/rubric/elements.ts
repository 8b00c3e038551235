// The twelve plan elements and the eight criteria, with their names in both languages and the
// headings people actually write for them in self-made plans (synonyms are matched after
// normalizeHeading, so case, spaces, numbering and trailing colons do not matter).
import type { CriterionId, CriterionKey, ElementId, Localized } from "./types";

export interface ElementInfo {
  readonly no: number;
  readonly id: ElementId;
  readonly name: Localized;
  /** Normalized headings that mean this element (the official names included). */
  readonly synonyms: readonly string[];
}

export const ELEMENTS: readonly ElementInfo[] = [
  {
    no: 1,
    id: "summary",
    name: { "zh-CN": "执行概要", "en-US": "Executive summary" },
    synonyms: ["执行概要", "执行摘要", "概要", "摘要", "计划概要", "executivesummary", "summary", "overview"],
  },
  {
    no: 2,
    id: "capability",
    name: { "zh-CN": "能力分析", "en-US": "Capability analysis" },
    synonyms: [
      "能力分析",
      "优势分析",
      "能力与优势",
      "现状分析",
      "swot分析",
      "swot",
      "capabilityanalysis",
      "capabilities",
      "strengths",
      "situationanalysis",
    ],
  },
  {
    no: 3,
    id: "customers",
    name: { "zh-CN": "目标客户", "en-US": "Target customers" },
    synonyms: [
      "目标客户",
      "目标客户群",
      "目标客群",
      "客户分析",
      "目标市场",
      "targetcustomers",
      "targetcustomer",
      "targetcustomergroups",
      "targetmarket",
      "customers",
    ],
  },
  {
    no: 4,
    id: "marketingObjectives",
    name: { "zh-CN": "营销目标", "en-US": "Marketing objectives" },
    synonyms: [
      "营销目标",
      "市场目标",
      "销售目标",
      "阶段目标",
      "marketingobjectives",
      "marketinggoals",
      "marketingtargets",
      "objectives",
      "salestargets",
    ],
  },
  {
    no: 5,
    id: "financialObjectives",
    name: { "zh-CN": "财务目标", "en-US": "Financial objectives" },
    synonyms: ["财务目标", "财务指标", "financialobjectives", "financialgoals", "financialtargets"],
  },
  {
    no: 6,
    id: "strategy",
    name: { "zh-CN": "营销策略", "en-US": "Marketing strategy" },
    synonyms: ["营销策略", "市场策略", "策略", "marketingstrategy", "strategy"],
  },
  {
    no: 7,
    id: "mix",
    name: { "zh-CN": "营销组合", "en-US": "Marketing mix" },
    synonyms: [
      "营销组合",
      "行动计划",
      "营销活动",
      "活动安排",
      "具体行动",
      "marketingmix",
      "actionplan",
      "actions",
      "activities",
      "marketingactivities",
    ],
  },
  {
    no: 8,
    id: "expenses",
    name: { "zh-CN": "费用预测", "en-US": "Expense forecast" },
    synonyms: [
      "费用预测",
      "费用预算",
      "预算",
      "营销预算",
      "费用",
      "expenseforecast",
      "budget",
      "marketingbudget",
      "expenses",
      "costs",
    ],
  },
  {
    no: 9,
    id: "control",
    name: { "zh-CN": "控制反馈", "en-US": "Control and feedback" },
    synonyms: [
      "控制反馈",
      "控制与反馈",
      "过程控制",
      "反馈机制",
      "监控",
      "control and feedback",
      "control",
      "controls",
      "monitoring",
      "feedback",
      "kpis",
    ],
  },
  {
    no: 10,
    id: "schedule",
    name: { "zh-CN": "进度计划", "en-US": "Schedule" },
    synonyms: [
      "进度计划",
      "进度安排",
      "时间表",
      "时间进度",
      "日程",
      "排期",
      "schedule",
      "timeline",
      "timetable",
      "milestones",
    ],
  },
  {
    no: 11,
    id: "organization",
    name: { "zh-CN": "营销组织", "en-US": "Organization" },
    synonyms: [
      "营销组织",
      "组织分工",
      "组织架构",
      "人员分工",
      "职责分工",
      "责任分工",
      "organization",
      "organisation",
      "responsibilities",
      "team",
      "roles",
    ],
  },
  {
    no: 12,
    id: "review",
    name: { "zh-CN": "总结校正", "en-US": "Review and correction" },
    synonyms: [
      "总结校正",
      "总结与校正",
      "总结复盘",
      "复盘",
      "阶段总结",
      "review and correction",
      "review",
      "lessonslearned",
      "retrospective",
    ],
  },
];

export const ELEMENT_BY_ID: Readonly<Record<ElementId, ElementInfo>> = Object.fromEntries(
  ELEMENTS.map((e) => [e.id, e]),
) as Record<ElementId, ElementInfo>;

/**
 * Lower-case, drop spaces, leading numbering ("1.", "一、", "(3)", "第2部分") and trailing
 * punctuation, so "  3. Target Customers:" and "三、目标客户：" compare equal to the synonyms.
 */
export function normalizeHeading(text: string): string {
  let s = text.normalize("NFKC").trim().toLowerCase();
  s = s.replace(
    /^(第?[0-9一二三四五六七八九十]+(部分|章|节|项)?|[(（][0-9一二三四五六七八九十]+[)）]|[0-9]+(\.[0-9]+)*)[\s.、:：)）-]*/u,
    "",
  );
  s = s.replace(/\band\b/g, "");
  s = s.replace(/[\s_\-–—&/·:：.,，。、()（）与和及]+/gu, "");
  return s;
}

const SYNONYM_INDEX: ReadonlyMap<string, ElementId> = new Map(
  ELEMENTS.flatMap((e) => e.synonyms.map((s) => [normalizeHeading(s), e.id] as const)),
);

/** The element a heading names, or null. */
/** Longest synonyms first, for prefix matching. */
const BY_LENGTH: readonly (readonly [string, ElementId])[] = [...SYNONYM_INDEX.entries()].sort(
  (a, b) => b[0].length - a[0].length,
);

const CJK = /[\u3400-\u9fff]/u;

function exact(text: string, loose: boolean): ElementId | null {
  const n = normalizeHeading(text);
  if (n.length === 0) return null;
  const hit = SYNONYM_INDEX.get(n);
  if (hit || !loose || n.length > 24) return hit ?? null;
  // "营销目标与指标", "Budget overview": a heading that starts with a long enough synonym. Short
  // synonyms (预算, team) are left out, they start too many ordinary phrases.
  for (const [syn, id] of BY_LENGTH) {
    const long = CJK.test(syn) ? syn.length >= 4 : syn.length >= 6;
    if (long && n.startsWith(syn) && n.length - syn.length <= (CJK.test(syn) ? 4 : 10)) return id;
  }
  return null;
}

/**
 * The element a heading names, or null. Bilingual headings ("执行概要(Executive summary)",
 * "费用预算 / Budget") match by either part. With `loose`, a heading may also carry a few more words
 * after a synonym ("营销目标与指标").
 */
export function matchElementHeading(
  text: string,
  options: { readonly loose?: boolean } = {},
): ElementId | null {
  const loose = options.loose === true;
  const whole = exact(text, loose);
  if (whole) return whole;
  const outside = text.replace(/[(（][^)）]*[)）]/gu, " ").trim();
  const inside = [...text.matchAll(/[(（]([^)）]*)[)）]/gu)].map((m) => m[1]);
  const parts = [outside, ...inside, ...text.split(/\s[/|]\s|[/|｜]/u)].filter(
    (p) => p.trim() !== "" && p !== text,
  );
  for (const p of parts) {
    const id = exact(p, loose);
    if (id) return id;
  }
  return null;
}

export interface CriterionInfo {
  readonly id: CriterionId;
  readonly key: CriterionKey;
  readonly name: Localized;
}

export const CRITERIA: readonly CriterionInfo[] = [
  {
    id: 1,
    key: "complete",
    name: { "zh-CN": "计划完整,包含全部要素", "en-US": "Complete: holds every element" },
  },
  { id: 2, key: "concise", name: { "zh-CN": "简明扼要", "en-US": "Concise" } },
  {
    id: 3,
    key: "measurable",
    name: { "zh-CN": "有具体目标和测量指标", "en-US": "Concrete objectives with measurable indicators" },
  },
  {
    id: 4,
    key: "actions",
    name: { "zh-CN": "包括具体行动和活动", "en-US": "Concrete actions and activities" },
  },
  {
    id: 5,
    key: "salesBudgetSchedule",
    name: {
      "zh-CN": "包括销售目标、费用预算、时间进度和关键节点",
      "en-US": "Sales target, budget, schedule and milestones",
    },
  },
  {
    id: 6,
    key: "organization",
    name: { "zh-CN": "组织和人员责任明确", "en-US": "Clear organization and responsibilities" },
  },
  { id: 7, key: "feedback", name: { "zh-CN": "反馈校正机制", "en-US": "Feedback and correction mechanism" } },
  { id: 8, key: "results", name: { "zh-CN": "实际执行效果", "en-US": "Actual results of execution" } },
];
