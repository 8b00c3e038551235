// Whole-store marketing spend budget (全店营销投放预算): the source's spend structure as rows, twelve
// months planned and actual, and per line the results that make ROI and cost per sale.
import { SheetBuilder } from "./builder";
import { L } from "../core/lang";
import { common, formats, monthLabels, moneyFormat, pick, str } from "./i18n";
import { resolveCommon, type TemplateOptions } from "./options";
import { colName } from "../core/a1";
import type { Localized } from "../core/lang";
import { type SpecCell, type WorkbookSpec } from "./spec";

const S = {
  sheet: L("营销投放预算", "Marketing Budget"),
  title: L("全店营销投放预算与 ROI", "Whole-store marketing budget and ROI"),
  settings: L("设置", "Settings"),
  margin: L("ROI 计算用毛利率", "Margin for ROI (gross profit share of revenue)"),
  marginNote: L(
    "100% 即按收入计算:ROI = (收入 − 成本) / 成本;填毛利率则按毛利计算",
    "100% gives the source's ROI = (revenue − cost) / cost; a lower share gives ROI on gross profit",
  ),
  tolerance: L("超支容差", "Over-plan tolerance"),
  toleranceNote: L(
    "实际超出计划超过此比例时标记",
    "Lines whose actual exceeds plan by more than this are flagged",
  ),
  group: L("类别", "Group"),
  line: L("投放项目", "Line"),
  planned: L("计划投放(按月)", "Planned spend (by month)"),
  plannedTotal: L("计划合计", "Planned total"),
  actual: L("实际投放(按月)", "Actual spend (by month)"),
  actualTotal: L("实际合计", "Actual total"),
  leads: L("线索数", "Leads"),
  vehicles: L("成交台数", "Vehicles sold"),
  revenue: L("带来的销售收入", "Attributable revenue"),
  roi: L("ROI", "ROI"),
  cps: L("单车营销成本", "Cost per vehicle sold"),
  variance: L("差异(实际−计划)", "Variance (actual − plan)"),
  variancePct: L("差异 %", "Variance %"),
  status: L("状态", "Status"),
  over: L("超支", "Over plan"),
  ok: L("正常", "Within plan"),
  subtotal: L("小计", "Subtotal"),
  total: L("合计", "Total"),
};

/** Texts the formulas return, for tests and for readers of the filled workbook. */
export const budgetTexts = {
  over: S.over,
  ok: S.ok,
};

interface Group {
  readonly name: Localized;
  readonly lines: readonly (readonly [Localized, Localized])[];
}

const online = L("线上", "Online");
const offline = L("线下", "Offline");
const salesPromo = L("销售促销", "Sales");
const afterPromo = L("售后促销", "After-sales");
const social = L("社交媒体", "Social media");
const events = L("活动", "Events");

export const budgetGroups: readonly Group[] = [
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
      [social, L("官微运营(微信/微博)", "Official accounts (WeChat / Weibo)")],
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

// Column positions (0-based): C..N planned months, O planned total, P..AA actual months, AB actual
// total, then the per-line results.
const PLAN0 = 2;
const PLAN_TOTAL = 14;
const ACT0 = 15;
const ACT_TOTAL = 27;
const LEADS = 28;
const VEH = 29;
const REV = 30;
const ROI = 31;
const CPS = 32;
const VAR = 33;
const VARP = 34;
const STATUS = 35;
const LAST = STATUS;
const HEADER_ROW = 8;
const FIRST_DATA_ROW = 10;

/** Row layout of the budget table, exported so tests can fill it. */
export interface BudgetLayout {
  /** 1-based rows of the spend lines, by group. */
  readonly lineRows: readonly (readonly number[])[];
  readonly subtotalRows: readonly number[];
  readonly totalRow: number;
}

export function budgetLayout(): BudgetLayout {
  let r = FIRST_DATA_ROW;
  const lineRows: number[][] = [];
  const subtotalRows: number[] = [];
  for (const g of budgetGroups) {
    r++; // group header
    lineRows.push(g.lines.map(() => r++));
    subtotalRows.push(r++);
  }
  return { lineRows, subtotalRows, totalRow: r };
}

export const budgetColumns = {
  PLAN0,
  PLAN_TOTAL,
  ACT0,
  ACT_TOTAL,
  LEADS,
  VEH,
  REV,
  ROI,
  CPS,
  VAR,
  VARP,
  STATUS,
};

export function buildBudget(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: Localized) => pick(x, c.lang);
  const money = moneyFormat(c.currency);
  const bo = options.budget ?? {};
  const b = new SheetBuilder("budget", t(S.sheet));
  const C = colName;
  const lastCol = C(LAST);

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:J1");
  b.cell("A2", t(common.subtitle(c.dealerName, c.brand, c.year)))
    .style("A2", "subtitle")
    .merge("A2:J2");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:J3");

  b.cell("A4", t(S.settings)).style("A4:D4", "section");
  b.put("A5", [
    [t(S.margin), null, bo.margin ?? 1, t(S.marginNote)],
    [t(S.tolerance), null, bo.tolerance ?? 0.1, t(S.toleranceNote)],
  ]);
  b.merge("A5:B5").merge("A6:B6").style("A5:A6", "label").style("D5:D6", "note");
  b.input("C5", { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percentWhole);
  b.input("C6", { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percentWhole);
  const margin = "IF(ISNUMBER($C$5),$C$5,1)";
  const tolerance = "IF(ISNUMBER($C$6),$C$6,0)";

  // Two header rows: the month blocks get a merged title over twelve month labels.
  const months = monthLabels(c.year, c.firstMonth, c.lang);
  const h1: SpecCell[] = new Array<SpecCell>(LAST + 1).fill(null);
  const h2: SpecCell[] = new Array<SpecCell>(LAST + 1).fill(null);
  h1[0] = t(S.group);
  h1[1] = t(S.line);
  h1[PLAN0] = t(S.planned);
  h1[PLAN_TOTAL] = t(S.plannedTotal);
  h1[ACT0] = t(S.actual);
  h1[ACT_TOTAL] = t(S.actualTotal);
  h1[LEADS] = t(S.leads);
  h1[VEH] = t(S.vehicles);
  h1[REV] = t(S.revenue);
  h1[ROI] = t(S.roi);
  h1[CPS] = t(S.cps);
  h1[VAR] = t(S.variance);
  h1[VARP] = t(S.variancePct);
  h1[STATUS] = t(S.status);
  months.forEach((m, i) => {
    h2[PLAN0 + i] = m;
    h2[ACT0 + i] = m;
  });
  b.put(`A${HEADER_ROW}`, [h1, h2]);
  b.format(`${C(PLAN0)}${HEADER_ROW + 1}:${C(ACT0 + 11)}${HEADER_ROW + 1}`, formats.text);
  b.style(`A${HEADER_ROW}:${lastCol}${HEADER_ROW + 1}`, "header");
  b.merge(`${C(PLAN0)}${HEADER_ROW}:${C(PLAN0 + 11)}${HEADER_ROW}`);
  b.merge(`${C(ACT0)}${HEADER_ROW}:${C(ACT0 + 11)}${HEADER_ROW}`);
  for (const k of [0, 1, PLAN_TOTAL, ACT_TOTAL, LEADS, VEH, REV, ROI, CPS, VAR, VARP, STATUS]) {
    b.merge(`${C(k)}${HEADER_ROW}:${C(k)}${HEADER_ROW + 1}`);
  }

  const over = str(t(S.over));
  const ok = str(t(S.ok));
  /** The result columns (ROI .. status) of a row whose totals sit in the row itself. */
  const results = (r: number): SpecCell[] => {
    const [pt, at, rev, veh] = [
      `${C(PLAN_TOTAL)}${r}`,
      `${C(ACT_TOTAL)}${r}`,
      `${C(REV)}${r}`,
      `${C(VEH)}${r}`,
    ];
    return [
      `=IF(AND(ISNUMBER(${rev}),ISNUMBER(${at})),IF(AND(${at}>0,${margin}>0,${margin}<=1),(${rev}*${margin}-${at})/${at},""),"")`,
      `=IF(AND(ISNUMBER(${veh}),ISNUMBER(${at})),IF(${veh}>0,${at}/${veh},""),"")`,
      `=IF(AND(${pt}=0,${at}=0),"",${at}-${pt})`,
      `=IF(${pt}>0,(${at}-${pt})/${pt},"")`,
      `=IF(AND(${pt}=0,${at}=0),"",IF(${at}>${pt}*(1+${tolerance}),${over},${ok}))`,
    ];
  };

  const layout = budgetLayout();
  const inputRanges: string[] = [];
  budgetGroups.forEach((g, gi) => {
    const rows = layout.lineRows[gi];
    const headerRow = rows[0] - 1;
    b.cell(`A${headerRow}`, t(g.name)).style(`A${headerRow}:${lastCol}${headerRow}`, "section");
    g.lines.forEach(([sub, name], li) => {
      const r = rows[li];
      const row: SpecCell[] = new Array<SpecCell>(LAST + 1).fill(null);
      row[0] = t(sub);
      row[1] = t(name);
      row[PLAN_TOTAL] = `=SUM(${C(PLAN0)}${r}:${C(PLAN0 + 11)}${r})`;
      row[ACT_TOTAL] = `=SUM(${C(ACT0)}${r}:${C(ACT0 + 11)}${r})`;
      results(r).forEach((f, k) => (row[ROI + k] = f));
      b.row(`A${r}`, row);
    });
    const [first, last] = [rows[0], rows[rows.length - 1]];
    inputRanges.push(`${C(PLAN0)}${first}:${C(PLAN0 + 11)}${last}`);
    inputRanges.push(`${C(ACT0)}${first}:${C(ACT0 + 11)}${last}`);
    inputRanges.push(`${C(LEADS)}${first}:${C(REV)}${last}`);
    const s = layout.subtotalRows[gi];
    const sub: SpecCell[] = new Array<SpecCell>(LAST + 1).fill(null);
    sub[1] = `${t(g.name)} ${t(S.subtotal)}`;
    for (let k = PLAN0; k <= LEADS; k++) sub[k] = `=SUM(${C(k)}${first}:${C(k)}${last})`;
    // Vehicles and revenue stay blank until some line has them, so ROI and cost per sale do not show
    // −100% or a division by nothing for a group nobody has reported on yet.
    for (const k of [VEH, REV]) {
      sub[k] = `=IF(COUNT(${C(k)}${first}:${C(k)}${last})=0,"",SUM(${C(k)}${first}:${C(k)}${last}))`;
    }
    results(s).forEach((f, k) => (sub[ROI + k] = f));
    b.row(`A${s}`, sub);
    b.style(`A${s}:${lastCol}${s}`, "output");
  });

  const T = layout.totalRow;
  const tot: SpecCell[] = new Array<SpecCell>(LAST + 1).fill(null);
  tot[0] = t(S.total);
  const refs = (k: number) => layout.subtotalRows.map((s) => `${C(k)}${s}`).join(",");
  for (let k = PLAN0; k <= LEADS; k++) tot[k] = `=SUM(${refs(k)})`;
  for (const k of [VEH, REV]) tot[k] = `=IF(COUNT(${refs(k)})=0,"",SUM(${refs(k)}))`;
  results(T).forEach((f, k) => (tot[ROI + k] = f));
  b.row(`A${T}`, tot);
  b.style(`A${T}:${lastCol}${T}`, "output");

  const statusRange = `${C(STATUS)}${FIRST_DATA_ROW}:${C(STATUS)}${T}`;
  b.whenText(statusRange, t(S.over), "bad").whenText(statusRange, t(S.ok), "good");
  for (const r of inputRanges) b.input(r, { type: "decimal", min: 0 }, t(common.nonNegative));
  const dataRows = `${FIRST_DATA_ROW}:${T}`;
  const [r0, r1] = dataRows.split(":");
  b.format(`${C(PLAN0)}${r0}:${C(ACT_TOTAL)}${r1}`, money)
    .format(`${C(LEADS)}${r0}:${C(VEH)}${r1}`, formats.count)
    .format(`${C(REV)}${r0}:${C(REV)}${r1}`, money)
    .format(`${C(ROI)}${r0}:${C(ROI)}${r1}`, formats.percent)
    .format(`${C(CPS)}${r0}:${C(VAR)}${r1}`, money)
    .format(`${C(VARP)}${r0}:${C(VARP)}${r1}`, formats.percent);

  b.width(0, 14).width(1, 28);
  for (let k = PLAN0; k <= LAST; k++) b.width(k, k === STATUS ? 12 : 13);
  b.freezeAt(HEADER_ROW + 1, 2);

  b.name("Budget_Margin", "C5", "input")
    .name("Budget_Tolerance", "C6", "input")
    .name("Budget_TotalPlanned", `${C(PLAN_TOTAL)}${T}`, "output")
    .name("Budget_TotalActual", `${C(ACT_TOTAL)}${T}`, "output")
    .name("Budget_TotalLeads", `${C(LEADS)}${T}`, "output")
    .name("Budget_TotalVehicles", `${C(VEH)}${T}`, "output")
    .name("Budget_TotalRevenue", `${C(REV)}${T}`, "output")
    .name("Budget_ROI", `${C(ROI)}${T}`, "output")
    .name("Budget_CostPerSale", `${C(CPS)}${T}`, "output")
    .name("Budget_Variance", `${C(VAR)}${T}`, "output")
    .name("Budget_Table", `A${HEADER_ROW}:${lastCol}${T}`, "output");

  return { kind: "budget", lang: c.lang, title: t(S.title), sheets: [b.build()], names: b.names };
}
