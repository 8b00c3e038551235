// What the task pane (or the CLI) may ask of a template, and the checks on it, so the pane holds no
// rules: it shows `validateOptions`'s field errors as they come.
import { L } from "../core/lang";
import { clearlyGreater } from "../core/tolerance";
import { currencies, type Currency } from "./i18n";
import type { Lang, Localized } from "../core/lang";
import type { TemplateKind } from "./spec";

export interface EventInputs {
  /** F: fixed cost of the event (venue, advertising). */
  readonly fixedCost?: number;
  /** v: variable cost per attendee. */
  readonly variableCost?: number;
  /** m: gross profit per real customer (单车毛利, the marginal contribution). */
  readonly margin?: number;
  /** r: conversion attendee → real customer, 0..1. */
  readonly conversionRate?: number;
  /** a: planned attendees. */
  readonly attendees?: number;
}

export interface BudgetInputs {
  /** Gross-profit share of revenue for ROI, 0..1 (default 1: ROI on revenue). */
  readonly margin?: number;
  /** Actual to date may differ from plan to date by this share before the line is flagged over or
   * under plan, 0..1 (default 0.1). */
  readonly tolerance?: number;
}

export interface FunnelInputs {
  readonly targetBuyers?: number;
  /** Names of the salespeople, or how many rows to leave for them (default 8). */
  readonly salespeople?: readonly string[] | number;
}

export interface PlanInputs {
  readonly salesTarget?: number;
  readonly revenueTarget?: number;
  readonly budget?: number;
  /** Add the five-part strategy outline as a second sheet (default true). */
  readonly strategyOutline?: boolean;
}

export interface TemplateOptions {
  readonly lang: Lang;
  readonly currency?: Currency;
  readonly dealerName?: string;
  readonly brand?: string;
  readonly year?: number;
  /** First month of the twelve (1–12), e.g. 4 for a fiscal year starting in April. */
  readonly firstMonth?: number;
  readonly event?: EventInputs;
  readonly budget?: BudgetInputs;
  readonly funnel?: FunnelInputs;
  readonly plan?: PlanInputs;
}

export interface ResolvedCommon {
  readonly lang: Lang;
  readonly currency: Currency;
  readonly dealerName: string;
  readonly brand: string;
  readonly year: number;
  readonly firstMonth: number;
}

export function resolveCommon(o: TemplateOptions, now: Date = new Date()): ResolvedCommon {
  return {
    lang: o.lang,
    currency: o.currency ?? "¥",
    dealerName: (o.dealerName ?? "").trim(),
    brand: (o.brand ?? "").trim(),
    year: o.year ?? now.getFullYear(),
    firstMonth: o.firstMonth ?? 1,
  };
}

export interface FieldError {
  /** Dotted path of the option, e.g. "event.conversionRate". */
  readonly field: string;
  readonly message: Localized;
  /** "error" blocks building; "warning" builds but deserves a look (the event never breaks even). */
  readonly severity: "error" | "warning";
}

const MAX_SALESPEOPLE = 50;

const msg = {
  lang: L("语言须为 zh-CN 或 en-US。", "Language must be zh-CN or en-US."),
  currency: L(`货币须为 ${currencies.join(" ")} 之一。`, `Currency must be one of ${currencies.join(" ")}.`),
  year: L("年份须为 2000 到 2100 之间的整数。", "Year must be a whole number from 2000 to 2100."),
  firstMonth: L("起始月份须为 1 到 12 之间的整数。", "First month must be a whole number from 1 to 12."),
  text: L("名称过长（最多 80 个字符）。", "Too long (80 characters at most)."),
  nonNegative: L("须为不小于 0 的数。", "Must be a number of 0 or more."),
  whole: L("须为不小于 0 的整数。", "Must be a whole number of 0 or more."),
  rate: L(
    "须为 0 到 1 之间的比率（例如 0.53 表示 53%）。",
    "Must be a rate from 0 to 1 (e.g. 0.53 for 53%).",
  ),
  marginShare: L(
    "毛利率须大于 0 且不超过 1（1 表示按收入计算 ROI）。",
    "Margin must be above 0 and at most 1 (1 gives ROI on revenue).",
  ),
  salespeople: L(
    `销售顾问须为 1 到 ${MAX_SALESPEOPLE} 人。`,
    `Salespeople must number from 1 to ${MAX_SALESPEOPLE}.`,
  ),
  neverBreaksEven: L(
    "按此转化率，每位来宾带来的毛利（r×m）不超过变动成本 v，活动永远无法保本。",
    "At this conversion rate each attendee brings no more (r×m) than he costs (v): the event never breaks even.",
  ),
};

function num(
  errors: FieldError[],
  field: string,
  v: number | undefined,
  ok: (x: number) => boolean,
  m: Localized,
) {
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v) || !ok(v))
    errors.push({ field, message: m, severity: "error" });
}

/**
 * Field-level errors for a template's options, each with its reason in both languages; empty when
 * the template can be built. Warnings that still allow building (never breaking even) come with
 * severity "warning".
 */
export function validateOptions(kind: TemplateKind, o: TemplateOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (o.lang !== "zh-CN" && o.lang !== "en-US")
    errors.push({ field: "lang", message: msg.lang, severity: "error" });
  if (o.currency !== undefined && !currencies.includes(o.currency)) {
    errors.push({ field: "currency", message: msg.currency, severity: "error" });
  }
  num(errors, "year", o.year, (x) => Number.isInteger(x) && x >= 2000 && x <= 2100, msg.year);
  num(errors, "firstMonth", o.firstMonth, (x) => Number.isInteger(x) && x >= 1 && x <= 12, msg.firstMonth);
  for (const f of ["dealerName", "brand"] as const) {
    const v = o[f];
    if (v !== undefined && (typeof v !== "string" || v.length > 80))
      errors.push({ field: f, message: msg.text, severity: "error" });
  }
  const nonNeg = (x: number) => x >= 0;
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const rate = (x: number) => x >= 0 && x <= 1;
  if (kind === "event" && o.event) {
    const e = o.event;
    num(errors, "event.fixedCost", e.fixedCost, nonNeg, msg.nonNegative);
    num(errors, "event.variableCost", e.variableCost, nonNeg, msg.nonNegative);
    num(errors, "event.margin", e.margin, nonNeg, msg.nonNegative);
    num(errors, "event.conversionRate", e.conversionRate, rate, msg.rate);
    num(errors, "event.attendees", e.attendees, whole, msg.whole);
    const { variableCost: v, margin: m, conversionRate: r } = e;
    if (
      errors.length === 0 &&
      typeof v === "number" &&
      typeof m === "number" &&
      typeof r === "number" &&
      !clearlyGreater(r * m, v)
    ) {
      errors.push({ field: "event.conversionRate", message: msg.neverBreaksEven, severity: "warning" });
    }
  }
  if (kind === "budget" && o.budget) {
    num(errors, "budget.margin", o.budget.margin, (x) => x > 0 && x <= 1, msg.marginShare);
    num(errors, "budget.tolerance", o.budget.tolerance, rate, msg.rate);
  }
  if (kind === "funnel" && o.funnel) {
    num(errors, "funnel.targetBuyers", o.funnel.targetBuyers, whole, msg.whole);
    const sp = o.funnel.salespeople;
    const n = typeof sp === "number" ? sp : sp?.length;
    if (sp !== undefined && (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_SALESPEOPLE)) {
      errors.push({ field: "funnel.salespeople", message: msg.salespeople, severity: "error" });
    }
  }
  if (kind === "plan" && o.plan) {
    num(errors, "plan.salesTarget", o.plan.salesTarget, whole, msg.whole);
    num(errors, "plan.revenueTarget", o.plan.revenueTarget, nonNeg, msg.nonNegative);
    num(errors, "plan.budget", o.plan.budget, nonNeg, msg.nonNegative);
  }
  return errors;
}
