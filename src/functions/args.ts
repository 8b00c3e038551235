/**
 * Arguments several functions share, described once (name, kind, zh-CN name, what Excel shows in
 * both languages). A descriptor may override the description where its function means more.
 */
import { L } from "../core/lang";
import type { ArgDef } from "./define";

export const FIXED_COST: ArgDef = {
  name: "fixed_cost",
  kind: "amount",
  zh: "固定成本",
  description: L(
    "活动固定成本（场地、广告），金额。",
    "Fixed cost of the event (venue, advertising), in money.",
  ),
};

export const VARIABLE_COST: ArgDef = {
  name: "variable_cost_per_attendee",
  kind: "amount",
  zh: "每人变动成本",
  description: L(
    "每位到场来宾的变动成本（礼品、餐饮、试驾油费），金额。",
    "Cost per attendee (gifts, meals, test-drive fuel), in money.",
  ),
};

export const MARGIN_PER_BUYER: ArgDef = {
  name: "margin_per_buyer",
  kind: "amount",
  zh: "单车毛利",
  description: L(
    "每成交一台车的毛利（含金融、保险、精品），金额。",
    "Gross profit of one sale (incl. finance, insurance, accessories), in money.",
  ),
};

export const CONVERSION_RATE: ArgDef = {
  name: "conversion_rate",
  kind: "rate",
  zh: "成交转化率",
  description: L(
    "到场来宾成为成交客户的比例，大于 0% 且不超过 100%。",
    "Share of attendees who buy, above 0% and at most 100%.",
  ),
};

export const ATTENDEES: ArgDef = {
  name: "attendees",
  kind: "count",
  zh: "到场人数",
  description: L("预计到场的来宾人数。", "Number of attendees expected."),
};

export const COST: ArgDef = {
  name: "cost",
  kind: "amount",
  zh: "营销成本",
  description: L("营销成本，金额。", "Marketing cost, in money."),
};

export const COUNTS: ArgDef = {
  name: "counts",
  kind: "counts",
  zh: "各阶段人数",
  description: L(
    "各漏斗阶段的客户人数，最早阶段在前：一行或一列（至少 2 个阶段），或每行一个序列（销售顾问、月份）的区域。",
    "Customer counts per funnel stage, earliest stage first: a row or a column (at least 2 stages), or a block with one series (salesperson, month) per row.",
  ),
};

export const HIGHER_IS_BETTER: ArgDef & { readonly fallback: number } = {
  name: "higher_is_better",
  kind: "logical",
  optional: true,
  fallback: 1,
  zh: "越高越好",
  description: L(
    "可选。TRUE（默认）表示越高越好（销量、转化率）；FALSE 表示越低越好（费用、单车成本）。",
    "Optional. TRUE (the default) where higher is better (sales, rates); FALSE where lower is better (spend, cost per vehicle).",
  ),
};
