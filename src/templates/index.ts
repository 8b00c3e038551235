// The templates' public face for the task pane and the CLI: the kinds with their localized titles,
// the fields each one asks for, option checks, and buildTemplate(kind, options) -> WorkbookSpec.
import { buildBudget } from "./budget";
import { buildEvent } from "./event";
import { buildFunnel } from "./funnel";
import { L } from "../core/lang";
import { currencies, currencyCodes } from "./i18n";
import { validateOptions, type FieldError, type TemplateOptions } from "./options";
import { buildPlan } from "./plan";
import type { Localized } from "../core/lang";
import type { TemplateKind, WorkbookSpec } from "./spec";

export type { Currency } from "./i18n";
export type {
  BudgetInputs,
  EventInputs,
  FieldError,
  FunnelInputs,
  PlanInputs,
  TemplateOptions,
} from "./options";
export type * from "./spec";
export { validateOptions, currencies, currencyCodes };
export { parseNumber, INPUT_MESSAGES } from "./input";
export { templateFileName } from "./file-name";
export type { NumberInput } from "./input";
export { withNamedValue, withValues, flattenCells } from "./spec";

/** How the pane should render an option's input. */
export type FieldType = "money" | "rate" | "count" | "text" | "boolean" | "names";

export interface FieldInfo {
  /** Dotted option path, the same as FieldError.field. */
  readonly field: string;
  readonly label: Localized;
  readonly type: FieldType;
}

export interface TemplateKindInfo {
  readonly kind: TemplateKind;
  readonly title: Localized;
  readonly description: Localized;
  /** Template-specific fields (all optional); the common ones are in `commonFields`. */
  readonly fields: readonly FieldInfo[];
}

export const commonFields: readonly FieldInfo[] = [
  { field: "dealerName", label: L("经销商名称", "Dealer name"), type: "text" },
  { field: "brand", label: L("品牌", "Brand"), type: "text" },
  { field: "year", label: L("年份", "Year"), type: "count" },
  { field: "firstMonth", label: L("起始月份", "First month"), type: "count" },
  { field: "currency", label: L("货币", "Currency"), type: "text" },
];

export const templateKinds: readonly TemplateKindInfo[] = [
  {
    kind: "plan",
    title: L("营销计划", "Marketing plan"),
    description: L(
      "十二要素作业流程、目标、进度与过程控制，可附五部分策略大纲。",
      "The twelve planning elements, targets, schedule and process control, with an optional five-part strategy outline.",
    ),
    fields: [
      { field: "plan.salesTarget", label: L("销售目标（台）", "Sales target (vehicles)"), type: "count" },
      { field: "plan.revenueTarget", label: L("销售收入目标", "Revenue target"), type: "money" },
      { field: "plan.budget", label: L("营销费用预算", "Marketing budget"), type: "money" },
      { field: "plan.strategyOutline", label: L("附策略大纲", "Add the strategy outline"), type: "boolean" },
    ],
  },
  {
    kind: "budget",
    title: L("全店营销投放预算", "Whole-store marketing budget"),
    description: L(
      "按投放结构列出十二个月的计划与实际投放，按年初至今比较差异，给出全年预测、投放占比、ROI、单车营销成本与单条线索成本，附摘要与图表。",
      "Twelve months of planned and actual spend by line, compared year to date, with the full-year forecast, share of spend, ROI, cost per vehicle and per lead, and a summary sheet with charts.",
    ),
    fields: [
      { field: "budget.margin", label: L("ROI 计算用毛利率", "Margin for ROI"), type: "rate" },
      { field: "budget.tolerance", label: L("偏差容差", "Tolerance"), type: "rate" },
    ],
  },
  {
    kind: "event",
    title: L("活动保本分析", "Event break-even"),
    description: L(
      "费用明细、单车毛利与成交率，求保本客户数、保本人数与利润，给出结论，附活动复盘与敏感性表。",
      "Cost lines, gross profit per buyer and conversion: break-even buyers and attendees, profit and a plain verdict, with the review after the event and sensitivity tables.",
    ),
    fields: [
      { field: "event.fixedCost", label: L("活动固定成本 F", "Fixed cost F"), type: "money" },
      {
        field: "event.variableCost",
        label: L("每位来宾变动成本 v", "Variable cost per attendee v"),
        type: "money",
      },
      { field: "event.margin", label: L("单车毛利 m", "Gross profit per buyer m"), type: "money" },
      { field: "event.conversionRate", label: L("来宾成交率 r", "Conversion rate r"), type: "rate" },
      { field: "event.attendees", label: L("计划来宾人数", "Planned attendees"), type: "count" },
    ],
  },
  {
    kind: "funnel",
    title: L("集客漏斗与过程控制", "Funnel tracker"),
    description: L(
      "六个阶段按月和按销售顾问记录，步骤转化率、控制线、状态与趋势预警，以及活动五大目标。",
      "Six stages by month and by salesperson, step rates, control lines, status and trend alerts, and the five event targets.",
    ),
    fields: [
      {
        field: "funnel.targetBuyers",
        label: L("销售目标（真实客户数）", "Sales target (real customers)"),
        type: "count",
      },
      { field: "funnel.salespeople", label: L("销售顾问", "Salespeople"), type: "names" },
    ],
  },
];

export function isTemplateKind(x: string): x is TemplateKind {
  return templateKinds.some((k) => k.kind === x);
}

export class TemplateOptionsError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message["en-US"]}`).join("; "));
    this.name = "TemplateOptionsError";
  }
}

const builders: Readonly<Record<TemplateKind, (o: TemplateOptions) => WorkbookSpec>> = {
  plan: buildPlan,
  budget: buildBudget,
  event: buildEvent,
  funnel: buildFunnel,
};

/** The spec of one template; throws TemplateOptionsError when validateOptions reports an error. */
export function buildTemplate(kind: TemplateKind, options: TemplateOptions): WorkbookSpec {
  const errors = validateOptions(kind, options).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new TemplateOptionsError(errors);
  return builders[kind](options);
}
