// Marketing plan (营销计划): the twelve elements of the planning workflow, targets, schedule and
// control blocks; optionally the five-part strategy outline on a second sheet. The scoring reads
// plans by the names set here (Plan_Elements, Plan_Indicators, Plan_Schedule, Plan_Control ...).
import { SheetBuilder } from "./builder";
import { L } from "../core/lang";
import { common, formats, moneyFormat, pick } from "./i18n";
import { resolveCommon, type TemplateOptions } from "./options";
import type { Lang, Localized } from "../core/lang";
import { textOrNull, type SheetSpec, type SpecCell, type WorkbookSpec } from "./spec";
import { attainmentFormula, PLAN_NAMES } from "./plan-names";

export { attainmentFormula, LOWER_IS_BETTER_WORDS, PLAN_NAMES, PLAN_PLACEHOLDERS } from "./plan-names";

const S = {
  sheet: L("营销计划", "Marketing Plan"),
  strategySheet: L("策略大纲", "Strategy Outline"),
  title: L("营销计划", "Marketing plan"),
  dealer: L("经销商", "Dealer"),
  brand: L("品牌", "Brand"),
  workflow: L("一、营销计划作业流程（十二要素）", "1. Planning workflow: the twelve elements"),
  no: L("序号", "#"),
  element: L("要素", "Element"),
  guidance: L("应包含的内容", "What it must hold"),
  content: L("内容", "Content"),
  owner: L("负责部门/人", "Owner (department / person)"),
  due: L("完成日期", "Due date"),
  status: L("状态", "Status"),
  targets: L("二、目标", "2. Targets"),
  salesTarget: L("销售目标（台）", "Sales target (vehicles)"),
  revenueTarget: L("销售收入目标", "Revenue target"),
  budget: L("营销费用预算", "Marketing budget"),
  perVehicle: L("单车营销预算", "Budget per vehicle"),
  perVehicleNote: L("营销费用预算 / 销售目标", "Marketing budget / sales target"),
  indicators: L("关键指标", "Key indicators"),
  indicator: L("指标", "Indicator"),
  measure: L("测量方法", "How it is measured"),
  targetValue: L("目标值", "Target value"),
  indicatorsNote: L(
    "例如：集客率、成交率、单车营销成本、ROI；每个指标写明目标值和测量方法。",
    "E.g. lead capture rate, closing rate, cost per vehicle sold, ROI; give each a target value and how it is measured.",
  ),
  schedule: L("三、进度计划与关键节点", "3. Schedule and milestones"),
  milestone: L("关键节点", "Milestone"),
  description: L("说明", "Description"),
  date: L("日期", "Date"),
  control: L("四、过程控制", "4. Process control"),
  kpi: L("KPI", "KPI"),
  action: L("校正措施", "Corrective action"),
  standard: L("标准值", "Standard value"),
  controlLine: L("控制线", "Control line"),
  cycle: L("检查周期", "Review cycle"),
  controlNote: L(
    "成功 = 目标 × 行动 × 校正：为每个 KPI 设定标准值和控制线，定期检查并写明偏离时的校正措施。",
    "Success = target × action × correction: give each KPI a standard value and a control line, review it regularly and say what is done when it drifts.",
  ),
  part: L("部分", "Part"),
  actual: L("实际值", "Actual"),
  attainment: L("达成率", "Attainment"),
  item: L("条目", "Item"),
};

const statuses = [L("未开始", "Not started"), L("进行中", "In progress"), L("已完成", "Done")];
const cycles = [L("每周", "Weekly"), L("每月", "Monthly"), L("每季度", "Quarterly")];

export const planElements: readonly (readonly [Localized, Localized])[] = [
  [
    L("执行概要", "Executive summary"),
    L("主要目标和关键步骤，高层一看即懂", "Main goals and key steps, readable by top management at once"),
  ],
  [
    L("能力分析", "Capability analysis"),
    L("本期要发挥的门店能力与优势", "The store's capabilities and strengths to raise in this period"),
  ],
  [
    L("目标客户", "Target customers"),
    L(
      "目标客户与群体、他们关注什么（来自市场与 CRM 数据）",
      "Target customers and groups and their concerns, from market and CRM data",
    ),
  ],
  [L("营销目标", "Marketing objectives"), L("分阶段的营销目标", "Staged marketing objectives")],
  [
    L("财务目标", "Financial objectives"),
    L("基于成本分析的财务目标", "Financial objectives from cost analysis"),
  ],
  [L("营销策略", "Marketing strategy"), L("以目标为导向的策略", "Goal-oriented strategy")],
  [
    L("营销组合", "Marketing mix"),
    L(
      "行动与活动，及其关键控制目标和指标",
      "Actions and activities, their key control targets and indicators",
    ),
  ],
  [L("费用预测", "Expense forecast"), L("各项活动的预算", "The budget of the activities")],
  [
    L("控制反馈", "Control and feedback"),
    L("控制、反馈与校正机制", "Control, feedback and correction mechanism"),
  ],
  [L("进度计划", "Schedule"), L("时间进度表", "Timetable")],
  [
    L("营销组织", "Organization"),
    L("负责、支持与协助部门", "Responsible, supporting and assisting departments"),
  ],
  [L("总结校正", "Review and correction"), L("阶段总结如何进行", "How stage reviews are run")],
];

export const strategyOutline: readonly (readonly [Localized, readonly Localized[]])[] = [
  [
    L("市场分析和目标市场确定", "Market analysis and target market"),
    [
      L("市场现状分析", "Current market"),
      L("目标市场确定", "Choice of target market"),
      L("目标市场需求分析", "Needs of the target market"),
    ],
  ],
  [
    L("产品与品牌定位", "Product and brand positioning"),
    [
      L("产品定位分析", "Product positioning"),
      L("品牌定位策略", "Brand positioning strategy"),
      L("品牌传播与推广策略", "Brand communication and promotion"),
    ],
  ],
  [
    L("营销渠道策划", "Marketing channels"),
    [
      L("渠道选择分析", "Choice of channels"),
      L("渠道合作伙伴选择与管理", "Channel partners: choice and management"),
      L("渠道拓展策略", "Channel expansion"),
    ],
  ],
  [
    L("营销传播策划", "Marketing communication"),
    [
      L("广告与宣传策略", "Advertising and publicity"),
      L("促销活动策划", "Promotions"),
      L("社交媒体营销策略", "Social media marketing"),
    ],
  ],
  [
    L("售后服务策划", "After-sales service"),
    [
      L("售后服务战略", "After-sales strategy"),
      L("CRM系统建设", "CRM system"),
      L("反馈机制建立", "Feedback mechanism"),
    ],
  ],
];

/** 1-based rows of the plan's blocks (the scoring and the tests find cells by them or by the names). */
export const planLayout = {
  elementRows: [7, 18] as const,
  salesTargetRow: 21,
  revenueTargetRow: 22,
  budgetRow: 23,
  perVehicleRow: 24,
  indicatorRows: [27, 32] as const,
  scheduleRows: [36, 43] as const,
  controlRows: [47, 52] as const,
};

function strategySheet(lang: Lang, title: string, dealer: string): SheetSpec {
  const t = (x: Localized) => pick(x, lang);
  const b = new SheetBuilder("strategy", t(S.strategySheet));
  b.cell("A1", title).style("A1", "title").merge("A1:E1");
  b.row("A3", [t(S.no), t(S.part), t(S.item), t(S.content), t(S.owner)]).style("A3:E3", "header");
  const rows: SpecCell[][] = [];
  strategyOutline.forEach(([part, items], i) =>
    items.forEach((item, j) =>
      rows.push([`${i + 1}.${j + 1}`, j === 0 ? `${i + 1} ${t(part)}` : null, t(item), null, null]),
    ),
  );
  b.put("A4", rows).format(`A4:A${3 + rows.length}`, formats.text);
  b.style(`D4:E${3 + rows.length}`, "input").style(`B4:C${3 + rows.length}`, "label");
  b.width("A", 6).width("B", 24).width("C", 28).width("D", 60).width("E", 18);
  b.freezeAt(3, 0);
  b.print({ orientation: "landscape", footer: dealer });
  return b.build();
}

export function buildPlan(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: Localized) => pick(x, c.lang);
  const money = moneyFormat(c.currency);
  const po = options.plan ?? {};
  const b = new SheetBuilder("plan", t(S.sheet));
  const L0 = planLayout;

  b.cell("A1", `${t(S.title)} ${c.year}`)
    .style("A1", "title")
    .merge("A1:G1");
  // Dealer and brand are cells of their own (not baked into a heading) so a manager comparing plans
  // from several dealers can read who wrote which.
  b.row("B2", [t(S.dealer), textOrNull(c.dealerName), t(S.brand), textOrNull(c.brand)]);
  b.style("B2", "label").style("D2", "label").style("C2", "input").style("E2", "input");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:G3");

  const [e0, e1] = L0.elementRows;
  b.cell(`A${e0 - 2}`, t(S.workflow)).style(`A${e0 - 2}:G${e0 - 2}`, "section");
  b.row(`A${e0 - 1}`, [
    t(S.no),
    t(S.element),
    t(S.guidance),
    t(S.content),
    t(S.owner),
    t(S.due),
    t(S.status),
  ]);
  b.style(`A${e0 - 1}:G${e0 - 1}`, "header");
  b.put(
    `A${e0}`,
    planElements.map(([el, g], i) => [i + 1, t(el), t(g), null, null, null, null]),
  );
  b.style(`B${e0}:B${e1}`, "label").style(`C${e0}:C${e1}`, "note");
  b.style(`D${e0}:E${e1}`, "input");
  b.input(`F${e0}:F${e1}`, { type: "date" }, t(common.date), formats.date);
  b.input(`G${e0}:G${e1}`, { type: "list", values: statuses.map(t) }, t(common.list));

  const tr = L0.salesTargetRow;
  b.cell(`A${tr - 1}`, t(S.targets)).style(`A${tr - 1}:G${tr - 1}`, "section");
  b.put(`B${tr}`, [
    [t(S.salesTarget), null, po.salesTarget ?? null],
    [t(S.revenueTarget), null, po.revenueTarget ?? null],
    [t(S.budget), null, po.budget ?? null],
    [
      t(S.perVehicle),
      t(S.perVehicleNote),
      `=IF(AND(ISNUMBER(D${L0.budgetRow}),ISNUMBER(D${tr})),IF(D${tr}>0,D${L0.budgetRow}/D${tr},""),"")`,
    ],
  ]);
  b.style(`B${tr}:B${L0.perVehicleRow}`, "label").style(`C${L0.perVehicleRow}`, "note");
  b.input(`D${tr}`, { type: "whole", min: 0 }, t(common.wholeNonNegative), formats.count);
  b.input(
    `D${L0.revenueTargetRow}:D${L0.budgetRow}`,
    { type: "decimal", min: 0 },
    t(common.nonNegative),
    money,
  );
  b.style(`D${L0.perVehicleRow}`, "output").format(`D${L0.perVehicleRow}`, money);

  const [i0, i1] = L0.indicatorRows;
  b.cell(`B${i0 - 2}`, t(S.indicators)).style(`B${i0 - 2}`, "label");
  b.row(`A${i0 - 1}`, [t(S.no), t(S.indicator), t(S.measure), t(S.targetValue), t(S.owner)]);
  b.style(`A${i0 - 1}:E${i0 - 1}`, "header");
  // Actual and attainment sit right of the note, so criterion 8 can be scored from the template.
  b.row(`H${i0 - 1}`, [t(S.actual), t(S.attainment)]).style(`H${i0 - 1}:I${i0 - 1}`, "header");
  b.put(
    `I${i0}`,
    Array.from({ length: i1 - i0 + 1 }, (_, i) => [
      attainmentFormula(`B${i0 + i}`, `D${i0 + i}`, `H${i0 + i}`),
    ]),
  );
  b.style(`H${i0}:H${i1}`, "input").style(`I${i0}:I${i1}`, "output").format(`I${i0}:I${i1}`, formats.percent);
  b.put(
    `A${i0}`,
    Array.from({ length: i1 - i0 + 1 }, (_, i) => [i + 1, null, null, null, null]),
  );
  b.cell(`F${i0}`, t(S.indicatorsNote)).style(`F${i0}:G${i1}`, "note").merge(`F${i0}:G${i1}`);
  b.style(`B${i0}:E${i1}`, "input");

  const [s0, s1] = L0.scheduleRows;
  b.cell(`A${s0 - 2}`, t(S.schedule)).style(`A${s0 - 2}:G${s0 - 2}`, "section");
  b.row(`A${s0 - 1}`, [t(S.no), t(S.milestone), t(S.description), t(S.date), t(S.owner)]);
  b.style(`A${s0 - 1}:E${s0 - 1}`, "header");
  b.put(
    `A${s0}`,
    Array.from({ length: s1 - s0 + 1 }, (_, i) => [i + 1, null, null, null, null]),
  );
  b.style(`B${s0}:C${s1}`, "input").style(`E${s0}:E${s1}`, "input");
  b.input(`D${s0}:D${s1}`, { type: "date" }, t(common.date), formats.date);

  const [k0, k1] = L0.controlRows;
  b.cell(`A${k0 - 2}`, t(S.control)).style(`A${k0 - 2}:G${k0 - 2}`, "section");
  b.row(`A${k0 - 1}`, [
    t(S.no),
    t(S.kpi),
    t(S.action),
    t(S.standard),
    t(S.controlLine),
    t(S.cycle),
    t(S.owner),
  ]);
  b.style(`A${k0 - 1}:G${k0 - 1}`, "header");
  b.row(`H${k0 - 1}`, [t(S.actual), t(S.attainment)]).style(`H${k0 - 1}:I${k0 - 1}`, "header");
  b.put(
    `I${k0}`,
    Array.from({ length: k1 - k0 + 1 }, (_, i) => [
      attainmentFormula(`B${k0 + i}`, `D${k0 + i}`, `H${k0 + i}`),
    ]),
  );
  b.style(`H${k0}:H${k1}`, "input").style(`I${k0}:I${k1}`, "output").format(`I${k0}:I${k1}`, formats.percent);
  b.put(
    `A${k0}`,
    Array.from({ length: k1 - k0 + 1 }, (_, i) => [i + 1, null, null, null, null, null, null]),
  );
  b.style(`B${k0}:E${k1}`, "input").style(`G${k0}:G${k1}`, "input");
  b.input(`F${k0}:F${k1}`, { type: "list", values: cycles.map(t) }, t(common.list));
  b.cell(`A${k1 + 2}`, t(S.controlNote))
    .style(`A${k1 + 2}`, "note")
    .merge(`A${k1 + 2}:G${k1 + 2}`);

  b.width("A", 6)
    .width("B", 20)
    .width("C", 40)
    .width("D", 44)
    .width("E", 20)
    .width("F", 13)
    .width("G", 13)
    .width("H", 13)
    .width("I", 11);

  const N = PLAN_NAMES;
  b.name(N.dealer, "C2", "input").name(N.brand, "E2", "input");
  b.name(N.elements, `D${e0}:D${e1}`, "input")
    .name(N.elementOwners, `E${e0}:E${e1}`, "input")
    .name(N.elementDueDates, `F${e0}:F${e1}`, "input")
    .name(N.elementStatus, `G${e0}:G${e1}`, "input")
    .name(N.salesTarget, `D${tr}`, "input")
    .name(N.revenueTarget, `D${L0.revenueTargetRow}`, "input")
    .name(N.budget, `D${L0.budgetRow}`, "input")
    .name(N.budgetPerVehicle, `D${L0.perVehicleRow}`, "output")
    .name(N.indicators, `B${i0}:E${i1}`, "input")
    .name(N.schedule, `B${s0}:E${s1}`, "input")
    .name(N.control, `B${k0}:G${k1}`, "input")
    .name(N.indicatorActuals, `H${i0}:H${i1}`, "input")
    .name(N.controlActuals, `H${k0}:H${k1}`, "input");

  // Sections 3 and 4 (schedule, process control) start page 2 rather than split across the break.
  b.print({ orientation: "landscape", titleRows: "1:2", footer: c.dealerName, breaksAfter: [s0 - 3] });
  const sheets = [b.build()];
  const names = [...b.names];
  if (po.strategyOutline !== false) {
    const s = strategySheet(c.lang, t(S.strategySheet), c.dealerName);
    sheets.push(s);
    names.push({ name: PLAN_NAMES.strategy, sheet: "strategy", ref: "D4:D18", role: "input" });
  }
  return { kind: "plan", lang: c.lang, title: t(S.title), sheets, names };
}
