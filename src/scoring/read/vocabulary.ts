// The words dealers put in table headers and in front of a colon, in both languages, and what they
// mean to the reader. Headers are compared after normHeader (case, spaces, punctuation and a unit in
// brackets do not matter: "预算(元)" is a budget column, "Amount (CNY)" too).
import { matchElementHeading, type ElementId } from "../../core/rubric";

export type Role =
  | "element"
  | "content"
  | "guidance"
  | "owner"
  | "due"
  | "status"
  | "label"
  | "labelOrValue"
  | "value"
  | "period"
  | "measure"
  | "amount"
  | "start"
  | "end"
  | "milestone"
  | "standard"
  | "warning"
  | "controlLine"
  | "cycle"
  | "corrective"
  | "actual"
  | "attainment"
  | "deviation"
  | "kpiNote"
  | "department";

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  element: ["要素", "计划要素", "章节", "element", "planelement", "section"],
  content: ["内容", "计划内容", "具体内容", "描述", "说明", "content", "description", "details", "plan"],
  guidance: [
    "指引",
    "填写指引",
    "填写说明",
    "提示",
    "要求",
    "应包含的内容",
    "guidance",
    "hint",
    "whatitmusthold",
  ],
  owner: [
    "负责人",
    "责任人",
    "负责部门",
    "负责部门人",
    "执行人",
    "owner",
    "ownerdepartmentperson",
    "responsible",
    "personincharge",
    "lead",
  ],
  due: [
    "截止日期",
    "完成日期",
    "完成时间",
    "截止时间",
    "日期",
    "时间",
    "时间安排",
    "due",
    "duedate",
    "deadline",
    "date",
    "timing",
    "when",
  ],
  status: ["状态", "进展", "status", "progress"],
  label: [
    "项目",
    "费用项目",
    "投放项目",
    "预算项目",
    "活动",
    "活动名称",
    "任务",
    "工作",
    "指标",
    "kpi",
    "指标名称",
    "关键指标",
    "item",
    "line",
    "lineitem",
    "activity",
    "task",
    "indicator",
    "metric",
    "name",
  ],
  labelOrValue: ["目标", "target", "objective", "goal"],
  value: ["目标值", "计划值", "数值", "目标数", "value", "targetvalue", "planned", "planvalue"],
  period: ["合计", "二季度合计", "季度合计", "total", "q2total", "quarter"],
  measure: [
    "单位",
    "衡量指标",
    "测量指标",
    "测量方法",
    "衡量标准",
    "unit",
    "measure",
    "measurement",
    "units",
    "howitismeasured",
  ],
  amount: [
    "金额",
    "预算",
    "预算金额",
    "费用",
    "金额元",
    "计划合计",
    "amount",
    "budget",
    "cost",
    "amountcny",
    "amountrmb",
    "plannedtotal",
    "spend",
  ],
  start: ["开始", "开始日期", "开始时间", "start", "startdate", "from", "begin"],
  end: ["结束", "结束日期", "结束时间", "end", "enddate", "finish", "to"],
  milestone: ["里程碑", "关键节点", "节点", "milestone", "ismilestone", "checkpoint"],
  standard: ["标准值", "standard", "standardvalue"],
  warning: ["预警线", "警戒线", "warningline", "warning"],
  controlLine: ["控制线", "controlline", "controllimit", "threshold", "下限", "上限"],
  cycle: ["检查周期", "复盘周期", "周期", "频率", "reviewcycle", "cycle", "frequency", "review"],
  corrective: [
    "纠偏措施",
    "校正措施",
    "纠偏",
    "应对措施",
    "改进措施",
    "correctiveaction",
    "correction",
    "action",
    "nextstep",
    "fix",
  ],
  actual: [
    "实际",
    "实际值",
    "实际完成",
    "完成值",
    "实际合计",
    "完成",
    "actual",
    "actualresult",
    "actuals",
    "result",
    "actualtotal",
  ],
  attainment: ["达成率", "完成率", "达成", "attainment", "achievement", "achieved", "rate"],
  deviation: [
    "偏差原因",
    "原因",
    "差异原因",
    "原因分析",
    "reason",
    "deviationreason",
    "why",
    "cause",
    "variancereason",
  ],
  kpiNote: ["控制指标", "关键控制指标", "考核指标", "controlindicator", "kpitarget"],
  department: ["部门", "职责", "角色", "分工", "department", "role", "team"],
};

export function normHeader(t: string): string {
  return t
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/gu, "")
    .replace(/[\s_\-–—&/·:：.,，。、()（）¥$]+/gu, "");
}

const WORD_ROLE: ReadonlyMap<string, Role> = new Map(
  (Object.entries(ROLE_WORDS) as [Role, readonly string[]][]).flatMap(([role, words]) =>
    words.map((w) => [normHeader(w), role] as const),
  ),
);

/** Month and quarter columns ("4月", "Apr", "Q2") hold one stage of a target each. */
const PERIOD =
  /^(\d{1,2}月(份)?|[一二三四1-4]季度|第?[一二三四1-4]季度|q[1-4]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[a-z]{3}\d{4})$/u;

export function roleOf(text: string): Role | null {
  if (text === "" || text.length > 40) return null;
  const n = normHeader(text);
  if (n === "") return null;
  if (PERIOD.test(n)) return "period";
  return WORD_ROLE.get(n) ?? null;
}

/** The unit a header or label carries in brackets: "预算(元)" → "元", "新车销量（台）" → "台". */
export function bracketUnit(text: string): string {
  return /[(（]([^)）]{1,8})[)）]/u.exec(text)?.[1]?.trim() ?? "";
}

export const TOTAL_WORDS = /^(合计|总计|小计|共计|总额|预算合计|total|subtotal|sum|grandtotal)$/iu;

/**
 * Labels before a colon that name an element although no heading vocabulary does ("活动：车展、…",
 * "预算：85万", "Owners: …"). The element's own names are tried first.
 */
const LABEL_ELEMENT: Readonly<Record<string, ElementId>> = {
  目标: "marketingObjectives",
  销售目标: "marketingObjectives",
  工作目标: "marketingObjectives",
  goals: "marketingObjectives",
  goal: "marketingObjectives",
  targets: "marketingObjectives",
  客户: "customers",
  客群: "customers",
  customers: "customers",
  活动: "mix",
  主要活动: "mix",
  促销活动: "mix",
  activity: "mix",
  events: "mix",
  预算: "expenses",
  费用: "expenses",
  费用安排: "expenses",
  spend: "expenses",
  负责人: "organization",
  人员安排: "organization",
  分工: "organization",
  owners: "organization",
  people: "organization",
  时间: "schedule",
  时间安排: "schedule",
  时间节点: "schedule",
  timing: "schedule",
  dates: "schedule",
  控制: "control",
  检查: "control",
  检查与校正: "control",
  tracking: "control",
  总结: "review",
  策略: "strategy",
  思路: "strategy",
  approach: "strategy",
  优势: "capability",
  市场分析: "capability",
  现状: "capability",
  概述: "summary",
  执行情况: "review",
  执行结果: "review",
  results: "review",
  总结与计划: "review",
  actions: "mix",
  objective: "marketingObjectives",
  salesobjectives: "marketingObjectives",
  salesgoals: "marketingObjectives",
  owner: "organization",
  市场活动: "mix",
  objectives: "marketingObjectives",
};

/** "Q2 objectives", "二季度目标", "2026年一季度执行结果": the period in front names no element. */
const PERIOD_PREFIX =
  /^(20\d\d\s*年?|q[1-4]|h[12]|第?[一二三四1-4]季度|本季度|下季度|本期|下期|上半年|下半年|next quarter|this quarter|quarterly|monthly)\s*/iu;

const LABEL_INDEX: ReadonlyMap<string, ElementId> = new Map(
  Object.entries(LABEL_ELEMENT).map(([k, v]) => [normHeader(k), v] as const),
);

/** The element a heading or a line's label names: the element vocabulary, then the label words. */
export function elementOfLabel(text: string, loose = true): ElementId | null {
  const id = matchElementHeading(text, { loose });
  if (id) return id;
  let n = normHeader(text).replace(/^(第?[0-9一二三四五六七八九十]+[、.]|[0-9]+(\.[0-9]+)*)/u, "");
  for (let k = 0; k < 3; k++) {
    const hit = LABEL_INDEX.get(n) ?? (k > 0 ? matchElementHeading(n, { loose }) : null);
    if (hit) return hit;
    const next = n.replace(PERIOD_PREFIX, "");
    if (next === n || next === "") return null;
    n = next;
  }
  return null;
}
