// dealer-mkt template <plan|budget|event|funnel> --out FILE.xlsx [--lang zh-CN|en-US] [--currency ¥|$|€|£|CNY|USD|EUR|GBP]
// Writes one template as an .xlsx file for people without the add-in. The file's content follows
// --lang (default zh-CN); the command's own messages are in English.
import { writeFileSync } from "node:fs";
import {
  buildTemplate,
  currencies,
  currencyCodes,
  isTemplateKind,
  templateKinds,
  validateOptions,
  type Currency,
  type TemplateOptions,
} from "../templates";
import type { Lang } from "../core/lang";
import { templateToXlsx } from "../workbook/xlsx";

export const templateUsage = `Usage: dealer-mkt template <${templateKinds.map((k) => k.kind).join("|")}> --out FILE.xlsx [options]

Options:
  --out FILE.xlsx        where to write the workbook (required)
  --lang zh-CN|en-US     language of the workbook's content (default zh-CN)
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

Templates:
${templateKinds.map((k) => `  ${k.kind.padEnd(8)} ${k.title["en-US"]} (${k.title["zh-CN"]})`).join("\n")}`;

const valueFlags = new Set([
  "--out",
  "--lang",
  "--currency",
  "--dealer",
  "--brand",
  "--year",
  "--first-month",
  "--fixed-cost",
  "--variable-cost",
  "--margin",
  "--conversion-rate",
  "--attendees",
  "--roi-margin",
  "--tolerance",
  "--target-buyers",
  "--salespeople",
  "--sales-target",
  "--revenue-target",
  "--budget",
]);
const switchFlags = new Set(["--force", "--no-strategy", "--help", "-h"]);

class UsageError extends Error {}

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
        throw new UsageError(`${flag} needs a value`);
      values.set(flag, v);
    } else if (switchFlags.has(flag)) {
      switches.add(flag);
    } else if (a.startsWith("-") && a.length > 1) {
      throw new UsageError(`unknown option '${a}'`);
    } else {
      positional.push(a);
    }
  }
  return { positional, values, switches };
}

function number(p: Parsed, flag: string): number | undefined {
  const v = p.values.get(flag);
  if (v === undefined) return undefined;
  const s = v.trim();
  // "53%" is how people write rates.
  const n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
  if (s === "" || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got '${v}'`);
  return n;
}

function currencyOf(v: string | undefined): Currency | undefined {
  if (v === undefined) return undefined;
  const c = currencyCodes[v.toUpperCase()] ?? currencies.find((x) => x === v);
  if (!c)
    throw new UsageError(
      `--currency must be one of ${currencies.join(" ")} or ${Object.keys(currencyCodes).join(", ")}`,
    );
  return c;
}

export async function run(args: string[]): Promise<number> {
  let p: Parsed;
  try {
    p = parse(args);
    if (p.switches.has("--help") || p.switches.has("-h")) {
      process.stdout.write(templateUsage + "\n");
      return 0;
    }
    const [kind, ...extra] = p.positional;
    if (!kind)
      throw new UsageError("which template? give one of " + templateKinds.map((k) => k.kind).join(", "));
    if (!isTemplateKind(kind)) {
      throw new UsageError(
        `unknown template '${kind}'; choose one of ${templateKinds.map((k) => k.kind).join(", ")}`,
      );
    }
    if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const out = p.values.get("--out");
    if (!out) throw new UsageError("--out FILE.xlsx is required");
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, got '${out}'`);
    const lang = p.values.get("--lang") ?? "zh-CN";
    if (lang !== "zh-CN" && lang !== "en-US")
      throw new UsageError(`--lang must be zh-CN or en-US, got '${lang}'`);

    const salespeople = number(p, "--salespeople");
    const options: TemplateOptions = {
      lang: lang as Lang,
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
      funnel: { targetBuyers: number(p, "--target-buyers"), salespeople },
      plan: {
        salesTarget: number(p, "--sales-target"),
        revenueTarget: number(p, "--revenue-target"),
        budget: number(p, "--budget"),
        strategyOutline: !p.switches.has("--no-strategy"),
      },
    };
    const problems = validateOptions(kind, options);
    for (const w of problems.filter((x) => x.severity === "warning")) {
      process.stderr.write(`dealer-mkt template: warning: ${w.field}: ${w.message["en-US"]}\n`);
    }
    const errors = problems.filter((x) => x.severity === "error");
    if (errors.length)
      throw new UsageError(errors.map((e) => `${e.field}: ${e.message["en-US"]}`).join("\n"));

    const bytes = await templateToXlsx(buildTemplate(kind, options));
    try {
      // "wx" creates the file only if it does not exist: no window between a check and the write.
      writeFileSync(out, bytes, { flag: p.switches.has("--force") ? "w" : "wx" });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === "EEXIST") {
        process.stderr.write(`dealer-mkt template: ${out} exists; use --force to overwrite it\n`);
        return 1;
      }
      process.stderr.write(
        `dealer-mkt template: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`,
      );
      return 1;
    }
    process.stdout.write(
      `${out}: ${templateKinds.find((k) => k.kind === kind)?.title[options.lang]} (${lang})\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`dealer-mkt template: ${e.message}\n\n${templateUsage}\n`);
      return 2;
    }
    throw e;
  }
}
