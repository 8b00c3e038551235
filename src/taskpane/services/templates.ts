// The template form for both hosts, drawn from the templates module's own description of each kind
// (fields, labels, types), its validation and its builder. The pane only turns typed text into the
// option values and back into per-field messages.
import {
  buildTemplate,
  commonFields,
  currencies,
  parseNumber,
  templateFileName,
  templateKinds,
  validateOptions,
  type FieldInfo,
  type TemplateOptions,
  type WorkbookSpec,
} from "../../templates";
import { strings, type Lang } from "../i18n";
import type { FormValues, InputFieldView, TemplateFormView, TemplateKind, Validation } from "./types";

function monthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: "long" }).format(new Date(2000, month - 1, 1));
}

function fieldView(f: FieldInfo, lang: Lang, now: Date): InputFieldView {
  const t = strings(lang);
  const label = f.label[lang];
  switch (f.field) {
    case "year":
      return { key: f.field, label, type: "number", defaultValue: now.getFullYear() };
    case "firstMonth":
      return {
        key: f.field,
        label,
        type: "select",
        defaultValue: "1",
        options: Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: monthName(i + 1, lang),
        })),
      };
    case "currency":
      return {
        key: f.field,
        label,
        type: "select",
        defaultValue: currencies[0],
        options: currencies.map((c) => ({ value: c, label: c })),
      };
  }
  switch (f.type) {
    case "boolean":
      return {
        key: f.field,
        label,
        type: "select",
        defaultValue: "yes",
        options: [
          { value: "yes", label: t.yes },
          { value: "no", label: t.no },
        ],
      };
    case "text":
      return { key: f.field, label, type: "text", defaultValue: "", hint: t.optional };
    case "names":
      return { key: f.field, label, type: "text", defaultValue: "", hint: t.namesHint };
    case "rate":
      return { key: f.field, label, type: "number", defaultValue: "", hint: t.rateHint };
    case "count":
      return { key: f.field, label, type: "number", defaultValue: "", hint: t.optional };
    case "money":
      return { key: f.field, label, type: "number", defaultValue: "", hint: t.optional };
  }
}

export function templateForm(kind: TemplateKind, lang: Lang, now = new Date()): TemplateFormView {
  const t = strings(lang);
  const info = templateKinds.find((k) => k.kind === kind);
  const common = commonFields.map((f) => fieldView(f, lang, now));
  common.push({
    key: "lang",
    label: t.sheetLanguage,
    type: "select",
    defaultValue: lang,
    options: [
      { value: "zh-CN", label: t.langZh },
      { value: "en-US", label: t.langEn },
    ],
  });
  return { kind, common, specific: (info?.fields ?? []).map((f) => fieldView(f, lang, now)) };
}

/**
 * Typed text read by the templates module's one number reader (the command line's too). Empty stays
 * undefined (the template's default, or an input cell left empty); text that is not a number becomes
 * NaN, and `validate` reports the reader's own reason for it.
 */
function numberOf(value: string | number | undefined): number | undefined {
  const read = parseNumber(value);
  return read.kind === "number" ? read.value : read.kind === "empty" ? undefined : Number.NaN;
}

function textOf(value: string | number | undefined): string | undefined {
  const s = value === undefined ? "" : String(value).trim();
  return s === "" ? undefined : s;
}

/** Salespeople as a count ("8") or names ("Li, Wang、Zhao"). */
function namesOf(value: string | number | undefined): readonly string[] | number | undefined {
  const s = textOf(value);
  if (s === undefined) return undefined;
  const count = parseNumber(s);
  if (count.kind === "number") return count.value;
  return s
    .split(/[,，、;；\n]+/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest.join("."), value);
}

function fieldsOf(kind: TemplateKind): readonly FieldInfo[] {
  return [...commonFields, ...(templateKinds.find((k) => k.kind === kind)?.fields ?? [])];
}

function isNumeric(f: FieldInfo): boolean {
  return f.field !== "currency" && (f.type === "money" || f.type === "rate" || f.type === "count");
}

export function toOptions(kind: TemplateKind, v: FormValues): TemplateOptions {
  const out: Record<string, unknown> = { lang: v.lang === "en-US" ? "en-US" : "zh-CN" };
  for (const f of fieldsOf(kind)) {
    const raw = v[f.field];
    if (f.field === "currency")
      setPath(
        out,
        f.field,
        currencies.find((c) => c === raw),
      );
    else if (isNumeric(f)) setPath(out, f.field, numberOf(raw));
    else if (f.type === "boolean") setPath(out, f.field, raw === undefined ? undefined : raw !== "no");
    else if (f.type === "names") setPath(out, f.field, namesOf(raw));
    else setPath(out, f.field, textOf(raw));
  }
  return out as unknown as TemplateOptions;
}

/** Errors block creation; warnings (the event never breaks even) are shown but do not. */
export function validate(kind: TemplateKind, values: FormValues, lang: Lang): Validation {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  // A field whose text is not a number gets the reader's reason ("commas only between groups of
  // three digits"), not the range check's.
  for (const f of fieldsOf(kind))
    if (isNumeric(f)) {
      const read = parseNumber(values[f.field]);
      if (read.kind === "invalid") errors[f.field] = read.message[lang];
    }
  for (const e of validateOptions(kind, toOptions(kind, values))) {
    const into = e.severity === "error" ? errors : warnings;
    into[e.field] ??= e.message[lang];
  }
  return { errors, warnings };
}

/** The downloaded file's name: template, dealer and year ("营销计划-杭州西湖丰田4S店-2026.xlsx"). */
export function fileNameOf(kind: TemplateKind, values: FormValues): string {
  return templateFileName(kind, toOptions(kind, values));
}

export function buildSpec(kind: TemplateKind, values: FormValues): WorkbookSpec {
  return buildTemplate(kind, toOptions(kind, values));
}
