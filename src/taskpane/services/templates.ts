// The template form for both hosts: which fields to show (labels are the pane's), and the bridge to
// the templates module, which owns the defaults, the validation and the sheet specs.
import { buildBudget } from "../../templates/budget";
import { buildEvent } from "../../templates/event";
import { buildFunnel } from "../../templates/funnel";
import { currencies } from "../../templates/i18n";
import { validateOptions, type TemplateOptions } from "../../templates/options";
import { buildPlan } from "../../templates/plan";
import type { WorkbookSpec } from "../../templates/spec";
import { strings, type Lang, type StringKey } from "../i18n";
import type { FormValues, Validation, InputFieldView, TemplateFormView, TemplateKind } from "./types";

const builders: Record<TemplateKind, (o: TemplateOptions) => WorkbookSpec> = {
  plan: buildPlan,
  budget: buildBudget,
  event: buildEvent,
  funnel: buildFunnel,
};

type Spec = {
  key: string;
  label: StringKey;
  type: InputFieldView["type"];
  min?: number;
  max?: number;
  step?: number;
};

const SPECIFIC: Record<TemplateKind, readonly Spec[]> = {
  plan: [
    { key: "plan.salesTarget", label: "salesTarget", type: "number", min: 0, step: 1 },
    { key: "plan.revenueTarget", label: "revenueTarget", type: "number", min: 0 },
    { key: "plan.budget", label: "planBudget", type: "number", min: 0 },
    { key: "plan.strategyOutline", label: "strategyOutline", type: "select" },
  ],
  budget: [
    { key: "budget.margin", label: "budgetMargin", type: "number", min: 0, max: 1, step: 0.01 },
    { key: "budget.tolerance", label: "tolerance", type: "number", min: 0, max: 1, step: 0.01 },
  ],
  event: [
    { key: "event.fixedCost", label: "fixedCost", type: "number", min: 0 },
    { key: "event.variableCost", label: "variableCost", type: "number", min: 0 },
    { key: "event.margin", label: "eventMargin", type: "number", min: 0 },
    { key: "event.conversionRate", label: "conversionRate", type: "number", min: 0, max: 1, step: 0.01 },
    { key: "event.attendees", label: "attendees", type: "number", min: 0, step: 1 },
  ],
  funnel: [
    { key: "funnel.targetBuyers", label: "targetBuyers", type: "number", min: 0, step: 1 },
    { key: "funnel.salespeople", label: "salespeople", type: "number", min: 1, step: 1 },
  ],
};

function monthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: "long" }).format(new Date(2000, month - 1, 1));
}

export function templateForm(kind: TemplateKind, lang: Lang, now = new Date()): TemplateFormView {
  const t = strings(lang);
  const common: InputFieldView[] = [
    { key: "dealerName", label: t.dealerName, type: "text", defaultValue: "", hint: t.optional },
    { key: "brand", label: t.brand, type: "text", defaultValue: "", hint: t.optional },
    {
      key: "year",
      label: t.year,
      type: "number",
      defaultValue: now.getFullYear(),
      min: 2000,
      max: 2100,
      step: 1,
    },
    {
      key: "firstMonth",
      label: t.firstMonth,
      type: "select",
      defaultValue: "1",
      options: Array.from({ length: 12 }, (_, i) => ({
        value: String(i + 1),
        label: monthName(i + 1, lang),
      })),
    },
    {
      key: "currency",
      label: t.currency,
      type: "select",
      defaultValue: currencies[0],
      options: currencies.map((c) => ({ value: c, label: c })),
    },
    {
      key: "lang",
      label: t.sheetLanguage,
      type: "select",
      defaultValue: lang,
      options: [
        { value: "zh-CN", label: t.langZh },
        { value: "en-US", label: t.langEn },
      ],
    },
  ];
  const specific = SPECIFIC[kind].map((s): InputFieldView => {
    if (s.key === "plan.strategyOutline") {
      return {
        key: s.key,
        label: t[s.label],
        type: "select",
        defaultValue: "yes",
        options: [
          { value: "yes", label: t.yes },
          { value: "no", label: t.no },
        ],
      };
    }
    return {
      key: s.key,
      label: t[s.label],
      type: s.type,
      defaultValue: "",
      hint: t.optional,
      min: s.min,
      max: s.max,
      step: s.step,
    };
  });
  return { kind, common, specific };
}

/** Empty stays undefined (the template's own default or an empty input cell); anything else must be a number. */
function numberOf(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  const s = value.trim();
  // NaN is handed on so the templates module reports the field, with its reason.
  return s === "" ? undefined : Number(s.replace(/[,，\s]/g, ""));
}

function textOf(value: string | number | undefined): string | undefined {
  const s = value === undefined ? "" : String(value).trim();
  return s === "" ? undefined : s;
}

export function toOptions(kind: TemplateKind, v: FormValues): TemplateOptions {
  const lang: Lang = v.lang === "en-US" ? "en-US" : "zh-CN";
  const currency = currencies.find((c) => c === v.currency);
  const n = (key: string) => numberOf(v[key]);
  const base: TemplateOptions = {
    lang,
    ...(currency ? { currency } : {}),
    dealerName: textOf(v.dealerName),
    brand: textOf(v.brand),
    year: n("year"),
    firstMonth: n("firstMonth"),
  };
  switch (kind) {
    case "plan":
      return {
        ...base,
        plan: {
          salesTarget: n("plan.salesTarget"),
          revenueTarget: n("plan.revenueTarget"),
          budget: n("plan.budget"),
          strategyOutline: v["plan.strategyOutline"] !== "no",
        },
      };
    case "budget":
      return { ...base, budget: { margin: n("budget.margin"), tolerance: n("budget.tolerance") } };
    case "event":
      return {
        ...base,
        event: {
          fixedCost: n("event.fixedCost"),
          variableCost: n("event.variableCost"),
          margin: n("event.margin"),
          conversionRate: n("event.conversionRate"),
          attendees: n("event.attendees"),
        },
      };
    case "funnel":
      return {
        ...base,
        funnel: { targetBuyers: n("funnel.targetBuyers"), salespeople: n("funnel.salespeople") },
      };
  }
}

/** Only blocking errors; a warning (the event never breaks even) is shown but does not stop creation. */
export function validate(kind: TemplateKind, values: FormValues, lang: Lang): Validation {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  for (const e of validateOptions(kind, toOptions(kind, values))) {
    const into = e.severity === "error" ? errors : warnings;
    into[e.field] ??= e.message[lang];
  }
  return { errors, warnings };
}

export function buildSpec(kind: TemplateKind, values: FormValues): WorkbookSpec {
  return builders[kind](toOptions(kind, values));
}
