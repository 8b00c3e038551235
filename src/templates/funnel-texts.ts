// What the funnel tracker says, in both languages: the six stages, the five step rates with their
// owners, the five event targets, and the texts its formulas return.
import { L, type Localized } from "../core/lang";

export const funnelStrings = {
  sheet: L("集客漏斗", "Funnel Tracker"),
  title: L("集客漏斗与过程控制", "Customer funnel and process control"),
  target: L("目标", "Target"),
  targetBuyers: L("销售目标（真实客户数）", "Sales target (real customers)"),
  targetNote: L(
    "用于按标准值倒推各阶段所需客户数",
    "Used to plan each stage backwards with the standard rates",
  ),
  byMonth: L("按月", "By month"),
  month: L("月份", "Month"),
  status: L("状态", "Status"),
  statusOf: L("状态：", "Status: "),
  trendOf: L("趋势：", "Trend: "),
  total: L("合计", "Total"),
  control: L(
    "过程控制：标准值与控制线（比率越高越好）",
    "Process control: standard values and lines (higher is better)",
  ),
  rate: L("比率", "Rate"),
  owner: L("负责", "Owner"),
  standard: L("标准值", "Standard value"),
  warningLine: L("预警线", "Warning line"),
  controlLine: L("控制线", "Control line"),
  controlNote: L(
    "预警线以上为达标，预警线与控制线之间为预警，低于控制线为偏离；连续 3 个月下滑触发趋势预警。比率超过 100% 表示后一阶段含往期客户，并非错误。",
    "At or above the warning line: on target; between the lines: warning; below the control line: off track. Three falls in a row raise a trend alert. A rate above 100% means a later stage holds customers from earlier periods; it is not an error.",
  ),
  backwards: L("按目标倒推各阶段所需客户数", "Planning backwards from the target"),
  stage: L("阶段", "Stage"),
  required: L("所需客户数", "Required count"),
  bySalesperson: L(
    "按销售顾问（研究分布，平均会掩盖问题）",
    "By salesperson (study the spread: the average hides the problem)",
  ),
  salesperson: L("销售顾问", "Salesperson"),
  min: L("最低", "Min"),
  median: L("中位数", "Median"),
  max: L("最高", "Max"),
  average: L("平均", "Average"),
  eventTargets: L("营销活动五大量化目标", "Five quantitative targets of a marketing event"),
  count: L("计数", "Count"),
  value: L("数量", "Value"),
  targetCol: L("目标", "Target"),
  targetValue: L("目标值", "Target value"),
  actual: L("实际", "Actual"),
  onTarget: L("达标", "On target"),
  warning: L("预警", "Warning"),
  offTrack: L("偏离", "Off track"),
  badLines: L("控制线有误", "Check the lines"),
  trendAlert: L("▼ 连续3月下滑", "▼ 3 falls in a row"),
  met: L("达成", "Met"),
  below: L("未达成", "Below target"),
};

/** Texts the formulas return, for tests and for readers of the filled workbook. */
export const funnelTexts = {
  onTarget: funnelStrings.onTarget,
  warning: funnelStrings.warning,
  offTrack: funnelStrings.offTrack,
  badLines: funnelStrings.badLines,
  trendAlert: funnelStrings.trendAlert,
  met: funnelStrings.met,
  below: funnelStrings.below,
};

export const funnelStages: readonly Localized[] = [
  L("市场客户", "Market contacts"),
  L("潜在客户", "Prospects"),
  L("目标客户", "Target customers"),
  L("真实客户", "Real customers"),
  L("终身客户", "Lifetime customers"),
  L("忠诚客户", "Loyal customers"),
];

export const funnelRates: readonly { readonly name: Localized; readonly owner: Localized }[] = [
  { name: L("集客率", "Lead capture rate"), owner: L("市场", "Marketing") },
  { name: L("留客率", "Prospect retention rate"), owner: L("销售（成交前）", "Sales (before the deal)") },
  { name: L("成交率", "Closing rate"), owner: L("销售（成交）", "Sales (closing)") },
  { name: L("回厂率", "Service return rate"), owner: L("售后（保期内）", "After-sales (in warranty)") },
  { name: L("保有率", "Loyalty rate"), owner: L("售后（保期外）", "After-sales (after warranty)") },
];

export const eventCounts: readonly Localized[] = [
  L("信息传递数量", "Messages delivered"),
  L("咨询数", "Inquiries"),
  L("留存线索数（留有联系方式）", "Leads kept (with contact details)"),
  L("邀约数", "Invitations"),
  L("邀约到店数", "Store visits from invitations"),
  L("周期内成交数", "Deals closed within the cycle"),
];

export const eventTargets: readonly Localized[] = [
  L("信息传递数量", "Messages delivered"),
  L("信息咨询率", "Inquiry rate"),
  L("信息留存率", "Lead retention rate"),
  L("邀约到店率", "Invitation-to-visit rate"),
  L("周期类成单率", "In-cycle closing rate"),
];
