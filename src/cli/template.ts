// dealer-mkt template <plan|budget|event|funnel> --out FILE.xlsx [--lang zh-CN|en-US] [--currency ¥|$|€|£|CNY|USD|EUR|GBP]
// Writes one template as an .xlsx file for people without the add-in. The file's content follows
// --lang (default zh-CN); the command's own messages follow --lang too, else the environment (LC_ALL,
// LC_MESSAGES, LANG). Numbers are read by the templates module's reader, as the task pane reads them.
import { writeFileSync } from "node:fs";
import {
  buildTemplate,
  currencies,
  currencyCodes,
  INPUT_MESSAGES,
  isTemplateKind,
  parseNumber,
  templateKinds,
  validateOptions,
  type Currency,
  type TemplateOptions,
} from "../templates";
import { fill, isLang, L, langFromEnv, type Lang, type Localized } from "../core/lang";
import { templateToXlsx } from "../workbook/xlsx";
const KINDS = templateKinds.map((k) => k.kind);

export function templateUsage(lang: Lang): string {
  const list = templateKinds
    .map((k) => `  ${k.kind.padEnd(8)} ${k.title[lang]} (${k.title[lang === "zh-CN" ? "en-US" : "zh-CN"]})`)
    .join("\n");
  if (lang === "zh-CN")
    return `用法：dealer-mkt template <${KINDS.join("|")}> --out 文件.xlsx [选项]

选项：
  --out 文件.xlsx        工作簿的保存位置（必填）
  --lang zh-CN|en-US     工作簿内容与提示信息的语言（内容默认 zh-CN；提示默认跟随 LC_ALL、LC_MESSAGES、LANG）
  --currency 货币        ¥（默认）、$、€、£，或 CNY、USD、EUR、GBP
  --dealer 名称          标题中的经销商名称
  --brand 名称           标题中的品牌
  --year 年份            十二个月所在的年份（默认今年）
  --first-month 月份     十二个月的起始月份，1–12（默认 1）
  --force                文件已存在时覆盖
  仅活动保本：--fixed-cost F --variable-cost v --margin m --conversion-rate r --attendees a
  仅营销预算：--roi-margin 比率 --tolerance 比率
  仅集客漏斗：--target-buyers 人数 --salespeople 人数
  仅营销计划：--sales-target 台数 --revenue-target 金额 --budget 金额 --no-strategy
  数字可写作 1500、1,500、１５００、53% 或 46万。

模板：
${list}`;
  return `Usage: dealer-mkt template <${KINDS.join("|")}> --out FILE.xlsx [options]

Options:
  --out FILE.xlsx        where to write the workbook (required)
  --lang zh-CN|en-US     language of the workbook's content (default zh-CN) and of these messages
                         (default: from LC_ALL, LC_MESSAGES, LANG)
  --currency C           ¥ (default), $, €, £ or CNY, USD, EUR, GBP
  --dealer NAME          dealer name for the heading
  --brand NAME           brand for the heading
  --year YYYY            year of the twelve months (default: this year)
  --first-month M        first month of the twelve, 1-12 (default 1)
  --force                overwrite FILE.xlsx if it exists
  event only:  --fixed-cost F --variable-cost v --margin m --conversion-rate r --attendees a
  budget only: --roi-margin SHARE --tolerance SHARE
  funnel only: --target-buyers N --salespeople N
  plan only:   --sales-target N --revenue-target X --budget X --no-strategy
  Numbers may be written 1500, 1,500, 53% or 46万.

Templates:
${list}`;
}

/** The number flags and the option each one sets (the dotted path validateOptions reports). */
const NUMBER_FLAGS: Readonly<Record<string, string>> = {
  "--year": "year",
  "--first-month": "firstMonth",
  "--fixed-cost": "event.fixedCost",
  "--variable-cost": "event.variableCost",
  "--margin": "event.margin",
  "--conversion-rate": "event.conversionRate",
  "--attendees": "event.attendees",
  "--roi-margin": "budget.margin",
  "--tolerance": "budget.tolerance",
  "--target-buyers": "funnel.targetBuyers",
  "--salespeople": "funnel.salespeople",
  "--sales-target": "plan.salesTarget",
  "--revenue-target": "plan.revenueTarget",
  "--budget": "plan.budget",
};
const TEXT_FLAGS: Readonly<Record<string, string>> = {
  "--dealer": "dealerName",
  "--brand": "brand",
  "--currency": "currency",
  "--lang": "lang",
};
const valueFlags = new Set(["--out", ...Object.keys(NUMBER_FLAGS), ...Object.keys(TEXT_FLAGS)]);
const switchFlags = new Set(["--force", "--no-strategy", "--help", "-h"]);

/** The flag a user typed for an option path, so messages name what they can change. */
function flagOf(field: string): string {
  const all = { ...NUMBER_FLAGS, ...TEXT_FLAGS };
  return Object.keys(all).find((f) => all[f] === field) ?? field;
}

const T = {
  needsValue: L("{flag} 缺少参数值", "{flag} needs a value"),
  unknownOption: L("未知选项「{option}」", "unknown option '{option}'"),
  whichTemplate: L("要生成哪个模板？请给出其中之一：{kinds}", "which template? give one of {kinds}"),
  unknownTemplate: L(
    "未知模板「{kind}」；请从以下选择：{kinds}",
    "unknown template '{kind}'; choose one of {kinds}",
  ),
  unexpected: L("多余的参数「{arg}」", "unexpected argument '{arg}'"),
  outRequired: L("必须给出 --out 文件.xlsx", "--out FILE.xlsx is required"),
  outXlsx: L("--out 必须是 .xlsx 文件，收到「{out}」", "--out must name an .xlsx file, got '{out}'"),
  badLang: L("--lang 只能是 zh-CN 或 en-US，收到「{lang}」", "--lang must be zh-CN or en-US, got '{lang}'"),
  badCurrency: L(
    "--currency 只能是 {symbols} 或 {codes} 之一",
    "--currency must be one of {symbols} or {codes}",
  ),
  badNumber: L(
    "{flag} 须为数字，收到「{value}」：{reason}",
    "{flag} must be a number, got '{value}': {reason}",
  ),
  warning: L(
    "dealer-mkt template：注意：{flag}：{message}",
    "dealer-mkt template: warning: {flag}: {message}",
  ),
  exists: L(
    "dealer-mkt template：{out} 已存在；如需覆盖请加 --force",
    "dealer-mkt template: {out} exists; use --force to overwrite it",
  ),
  cannotWrite: L(
    "dealer-mkt template：无法写入 {out}：{why}",
    "dealer-mkt template: cannot write {out}: {why}",
  ),
  error: L("dealer-mkt template：{message}", "dealer-mkt template: {message}"),
};

class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text["en-US"]);
  }
}

function usageError(text: Localized, vars: Readonly<Record<string, string | number>> = {}): UsageError {
  return new UsageError(L(fill(text["zh-CN"], vars), fill(text["en-US"], vars)));
}

interface Parsed {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly switches: Set<string>;
}

function parse(args: readonly string[]): Parsed {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const [flag, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (valueFlags.has(flag)) {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw usageError(T.needsValue, { flag });
      values.set(flag, v);
    } else if (switchFlags.has(flag)) {
      switches.add(flag);
    } else if (a.startsWith("-") && a.length > 1) {
      throw usageError(T.unknownOption, { option: a });
    } else {
      positional.push(a);
    }
  }
  return { positional, values, switches };
}

/** The language of the messages: a valid --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG). */
function messageLang(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const at = args.indexOf("--lang");
  const given = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7);
  return isLang(given) ? given : langFromEnv(env);
}

function number(p: Parsed, flag: string): number | undefined {
  const v = p.values.get(flag);
  if (v === undefined) return undefined;
  const read = parseNumber(v);
  if (read.kind === "number") return read.value;
  const reason = read.kind === "invalid" ? read.message : INPUT_MESSAGES.empty;
  throw new UsageError(
    L(
      fill(T.badNumber["zh-CN"], { flag, value: v, reason: reason["zh-CN"] }),
      fill(T.badNumber["en-US"], { flag, value: v, reason: reason["en-US"] }),
    ),
  );
}

function currencyOf(v: string | undefined): Currency | undefined {
  if (v === undefined) return undefined;
  const c = currencyCodes[v.toUpperCase()] ?? currencies.find((x) => x === v);
  if (!c)
    throw usageError(T.badCurrency, {
      symbols: currencies.join(" "),
      codes: Object.keys(currencyCodes).join(", "),
    });
  return c;
}

function optionsFrom(p: Parsed, lang: Lang): TemplateOptions {
  return {
    lang,
    currency: currencyOf(p.values.get("--currency")),
    dealerName: p.values.get("--dealer"),
    brand: p.values.get("--brand"),
    year: number(p, "--year"),
    firstMonth: number(p, "--first-month"),
    event: {
      fixedCost: number(p, "--fixed-cost"),
      variableCost: number(p, "--variable-cost"),
      margin: number(p, "--margin"),
      conversionRate: number(p, "--conversion-rate"),
      attendees: number(p, "--attendees"),
    },
    budget: { margin: number(p, "--roi-margin"), tolerance: number(p, "--tolerance") },
    funnel: { targetBuyers: number(p, "--target-buyers"), salespeople: number(p, "--salespeople") },
    plan: {
      salesTarget: number(p, "--sales-target"),
      revenueTarget: number(p, "--revenue-target"),
      budget: number(p, "--budget"),
      strategyOutline: !p.switches.has("--no-strategy"),
    },
  };
}

export async function run(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const say = messageLang(args, env);
  const err = (text: Localized, vars: Readonly<Record<string, string | number>>) =>
    process.stderr.write(fill(text[say], vars) + "\n");
  try {
    const p = parse(args);
    if (p.switches.has("--help") || p.switches.has("-h")) {
      process.stdout.write(templateUsage(say) + "\n");
      return 0;
    }
    const [kind, ...extra] = p.positional;
    if (!kind) throw usageError(T.whichTemplate, { kinds: KINDS.join(", ") });
    if (!isTemplateKind(kind)) throw usageError(T.unknownTemplate, { kind, kinds: KINDS.join(", ") });
    if (extra.length) throw usageError(T.unexpected, { arg: extra[0] });
    const out = p.values.get("--out");
    if (!out) throw usageError(T.outRequired);
    if (!/\.xlsx$/i.test(out)) throw usageError(T.outXlsx, { out });
    const lang = p.values.get("--lang") ?? "zh-CN";
    if (!isLang(lang)) throw usageError(T.badLang, { lang });

    const options = optionsFrom(p, lang);
    const problems = validateOptions(kind, options);
    for (const w of problems.filter((x) => x.severity === "warning"))
      err(T.warning, { flag: flagOf(w.field), message: w.message[say] });
    const errors = problems.filter((x) => x.severity === "error");
    if (errors.length)
      throw new UsageError(
        L(
          errors.map((e) => `${flagOf(e.field)}：${e.message["zh-CN"]}`).join("\n"),
          errors.map((e) => `${flagOf(e.field)}: ${e.message["en-US"]}`).join("\n"),
        ),
      );

    const bytes = await templateToXlsx(buildTemplate(kind, options));
    try {
      // "wx" creates the file only if it does not exist: no window between a check and the write.
      writeFileSync(out, bytes, { flag: p.switches.has("--force") ? "w" : "wx" });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === "EEXIST") err(T.exists, { out });
      else err(T.cannotWrite, { out, why: e instanceof Error ? e.message : String(e) });
      return 1;
    }
    process.stdout.write(`${out}: ${templateKinds.find((k) => k.kind === kind)?.title[say]} (${lang})\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(T.error, { message: e.text[say] });
      process.stderr.write(`\n${templateUsage(say)}\n`);
      return 2;
    }
    throw e;
  }
}
