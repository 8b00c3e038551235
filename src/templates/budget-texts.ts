// What the budget's two sheets say, in both languages, and the spend structure they lay out as rows
// (广告投放, 促销活动, 社交媒体营销, 活动, each with its lines).
import { L, type Localized } from "../core/lang";

export const budgetStrings = {
  sheet: L("营销投放预算", "Marketing Budget"),
  summarySheet: L("预算摘要", "Budget Summary"),
  title: L("全店营销投放预算与 ROI", "Whole-store marketing budget and ROI"),
  summaryTitle: L("营销投放预算摘要", "Marketing budget at a glance"),
  summaryNote: L(
    "本页全部由公式从预算表汇总，无需填写。",
    "Everything on this page is summed up from the budget sheet by formulas; nothing to fill in.",
  ),
  settings: L("设置", "Settings"),
  margin: L("ROI 计算用毛利率", "Margin for ROI (gross profit share of revenue)"),
  marginNote: L(
    "100% 即按收入计算：ROI =（收入 − 成本）/ 成本；填毛利率则按毛利计算。",
    "100% gives ROI on revenue: (revenue − cost) / cost; a lower share gives ROI on gross profit.",
  ),
  tolerance: L("偏差容差", "Tolerance"),
  toleranceNote: L(
    "年初至今实际高出计划超过此比例标记超支，低于计划超过此比例标记投放不足。",
    "Year to date, actual above plan by more than this is over plan; below plan by more than this is under plan.",
  ),
  monthsOverride: L("已报告月数（可手填）", "Months reported (override)"),
  monthsOverrideNote: L(
    "留空时自动取：从第一个月到最后一个录入了实际投放的月份。",
    "Leave blank to count from the first month to the last month with any actual entered.",
  ),
  months: L("已报告月数", "Months reported"),
  monthsAuto: L("按已录入的实际投放", "from the actuals entered"),
  monthsManual: L("按手填月数", "as overridden"),
  planned: L("一、计划投放（按月）", "1. Planned spend by month"),
  actual: L("二、实际投放（按月）", "2. Actual spend by month"),
  analysis: L("三、年初至今执行分析", "3. Year to date against plan"),
  group: L("类别", "Group"),
  line: L("投放项目", "Line"),
  quarter: (q: number): Localized => L(`第${q}季度`, `Q${q}`),
  plannedYear: L("全年计划", "Full-year plan"),
  actualYear: L("实际合计", "Actual total"),
  ytdPlanned: L("年初至今计划", "Planned to date"),
  ytdActual: L("年初至今实际", "Actual to date"),
  variance: L("差异（实际 − 计划）", "Variance (actual − plan)"),
  variancePct: L("差异 %", "Variance %"),
  status: L("状态", "Status"),
  forecast: L("全年预测", "Full-year forecast"),
  forecastNote: L("年初至今实际 + 剩余月份计划", "Actual to date + plan of the remaining months"),
  share: L("投放占比", "Share of spend"),
  plannedShare: L("计划占比", "Planned share"),
  actualShare: L("实际占比", "Actual share"),
  leads: L("线索数", "Leads"),
  vehicles: L("成交台数", "Vehicles sold"),
  revenue: L("带来的销售收入", "Attributable revenue"),
  roi: L("ROI", "ROI"),
  cps: L("单车营销成本", "Cost per vehicle sold"),
  cpl: L("单条线索成本", "Cost per lead"),
  notes: L("备注", "Notes"),
  over: L("超支", "Over plan"),
  under: L("投放不足", "Under plan"),
  ok: L("正常", "Within plan"),
  subtotal: L("小计", "subtotal"),
  total: L("合计", "Total"),
  keyFigures: L("关键指标", "Key figures"),
  byGroup: L("按类别", "By group"),
  byMonth: L("按月：计划与实际", "By month: planned and actual"),
  month: L("月份", "Month"),
  plannedMonth: L("计划投放", "Planned"),
  actualMonth: L("实际投放", "Actual"),
  cumPlanned: L("累计计划", "Cumulative plan"),
  cumActual: L("累计实际", "Cumulative actual"),
  charts: L("图表", "Charts"),
  mixChart: L("投放结构（年初至今实际，按类别）", "Spend mix by group (actual to date)"),
  monthChart: L("每月计划与实际投放", "Planned and actual spend by month"),
  ytdNote: L(
    "年初至今 = 前 N 个月（N 为已报告月数）；ROI、单车营销成本、单条线索成本按年初至今实际投放计算。",
    "To date = the first N months (N: months reported); ROI, cost per vehicle and cost per lead use the actual spend to date.",
  ),
};

/** Texts the formulas return, for tests and for readers of the filled workbook. */
export const budgetTexts = {
  over: budgetStrings.over,
  under: budgetStrings.under,
  ok: budgetStrings.ok,
};

export interface BudgetGroup {
  readonly name: Localized;
  readonly lines: readonly (readonly [Localized, Localized])[];
}

const online = L("线上", "Online");
const offline = L("线下", "Offline");
const salesPromo = L("销售促销", "Sales");
const afterPromo = L("售后促销", "After-sales");
const social = L("社交媒体", "Social media");
const events = L("活动", "Events");

export const budgetGroups: readonly BudgetGroup[] = [
  {
    name: L("广告投放", "Advertising"),
    lines: [
      [online, L("搜索引擎推广", "Search engine ads")],
      [online, L("社交媒体广告", "Social media ads")],
      [online, L("汽车网站合作", "Auto portals")],
      [offline, L("户外广告", "Outdoor")],
      [offline, L("报纸杂志", "Newspapers and magazines")],
      [offline, L("电视/广播", "TV / radio")],
    ],
  },
  {
    name: L("促销活动", "Promotions"),
    lines: [
      [salesPromo, L("新车优惠", "New-car price offers")],
      [salesPromo, L("购车礼包", "Purchase gift packs")],
      [salesPromo, L("置换补贴", "Trade-in subsidies")],
      [afterPromo, L("保养套餐", "Maintenance packages")],
      [afterPromo, L("延保", "Extended warranty")],
    ],
  },
  {
    name: L("社交媒体营销", "Social media marketing"),
    lines: [
      [social, L("官微运营（微信/微博）", "Official accounts (WeChat / Weibo)")],
      [social, L("KOL 合作", "KOL partnerships")],
    ],
  },
  {
    name: L("活动", "Events"),
    lines: [
      [events, L("车展", "Auto shows")],
      [events, L("试驾活动", "Test-drive events")],
      [events, L("车主俱乐部", "Owner clubs")],
    ],
  },
];
