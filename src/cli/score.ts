// dealer-mkt score FILE... [--json | --csv] [--out DIR] [--report league.xlsx] [--force] [--lang zh-CN|en-US]
// Scores the plans a regional manager received as mail attachments. A file that cannot be read gets
// one line on stderr and makes the exit code non-zero, but never stops the others from being scored.
import { fill, L, langFromEnv } from "../core/lang";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Lang, type Localized, type PlanScore } from "../core/rubric";
import { addSheetToXlsx } from "../scoring/inject-sheet";
import { printable } from "../core/printable";
import { rankPlans, type BatchScores } from "../scoring/batch";
import { leagueWorkbook } from "../scoring/league";
import { scoreWorkbookBytes } from "../scoring/score-workbook";
import { scorecardSheet } from "../scoring/scorecard";
import { isOpenError } from "../workbook/ooxml/limits";
import { templateToXlsx } from "../workbook/xlsx";
import { EXIT, OutputGuard, readInput, WriteRefused } from "./files";
import { formatCsv, formatJson, formatTable } from "./score-format";

const T = {
  usage: L(
    "用法：dealer-mkt score 文件... [--json | --csv] [--out 目录] [--report 排名.xlsx] [--force] [--lang zh-CN|en-US]",
    "Usage: dealer-mkt score FILE... [--json | --csv] [--out DIR] [--report league.xlsx] [--force] [--lang zh-CN|en-US]",
  ),
  noFiles: L("没有给出要评分的文件", "no files given"),
  bothFormats: L("--json 和 --csv 只能选一个", "choose either --json or --csv, not both"),
  badLang: L("--lang 只能是 zh-CN 或 en-US", "--lang must be zh-CN or en-US"),
  needsValue: L("缺少参数值：", "missing value for "),
  unknown: L("未知选项：", "unknown option: "),
  copy: L(
    "已写出评分副本：{out}（新增工作表“{sheet}”；原工作簿的图表与格式保持不变）",
    'scored copy written: {out} (sheet "{sheet}" added; the workbook\'s charts and formatting are kept)',
  ),
  copyFailed: L("无法写出评分副本：", "could not write the scored copy: "),
  progress: L("已评分 {n}/{total}", "scored {n}/{total}"),
  unreadable: L("{n} 个文件无法读取", "{n} file(s) could not be read"),
  outNotFolder: L("--out 必须是文件夹：", "--out must be a folder: "),
  reportExt: L("--report 必须是 .xlsx 文件：", "--report must name an .xlsx file: "),
  report: L(
    "已写出排名工作簿：{out}（{n} 份计划，{f} 份无法读取）",
    "league workbook written: {out} ({n} plan(s), {f} unreadable)",
  ),
  reportFailed: L("无法写出排名工作簿：", "could not write the league workbook: "),
};

export interface FileResult {
  readonly file: string;
  readonly ok: boolean;
  readonly dealer?: string;
  readonly score?: PlanScore;
  readonly error?: { readonly code: string; readonly message: Localized };
  readonly scoredCopy?: string;
  readonly copySheet?: string;
}

export interface BatchOptions {
  readonly out?: string;
  readonly lang: Lang;
  /** Replace existing scored copies (never an input of the batch). */
  readonly force?: boolean;
  /** Called after each file, for progress. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The run's guard, shared with the league report so neither replaces the other nor an input. */
  readonly guard?: OutputGuard;
}

/** NAME.scored.xlsx, or NAME.scored.xlsm for a macro workbook (Excel refuses macros in an .xlsx). */
function copyName(file: string, macro: boolean): string {
  const stem = path.basename(file).replace(/\.xls[xm]$/i, "");
  return `${stem}.scored.${macro ? "xlsm" : "xlsx"}`;
}

/** Score every file; the same path the bench measures. */
export async function scoreFiles(files: readonly string[], options: BatchOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  // No output of this batch may replace one of its inputs (acme.scored.xlsx scored with acme.xlsx).
  const guard = options.guard ?? new OutputGuard({ force: options.force ?? false, protect: files });
  for (const [i, file] of files.entries()) {
    results.push(await scoreOne(file, options, guard));
    options.onProgress?.(i + 1, files.length);
  }
  return results;
}

async function scoreOne(file: string, options: BatchOptions, guard: OutputGuard): Promise<FileResult> {
  // The size is checked before reading, so a huge attachment is never pulled into memory.
  const read = readInput(file);
  if (!read.ok) return { file, ok: false, error: { code: read.error.code, message: read.error.text } };
  const bytes = read.bytes;
  const r = await scoreWorkbookBytes(bytes);
  if (!r.ok) return { file, ok: false, error: { code: r.code, message: r.message } };
  const dealer = r.plan.dealer ?? path.basename(file).replace(/\.xls[xm]$/i, "");
  const base: FileResult = { file, ok: true, dealer, score: r.score };
  if (!options.out) return base;
  try {
    const sheet = scorecardSheet(r.score, { lang: options.lang, dealer, source: path.basename(file) });
    const injected = await addSheetToXlsx(bytes, sheet);
    const out = path.join(options.out, copyName(file, injected.macroEnabled));
    guard.write(out, injected.bytes);
    return { ...base, scoredCopy: out, copySheet: injected.sheetName };
  } catch (err) {
    const message =
      err instanceof WriteRefused
        ? err.text
        : isOpenError(err)
          ? err.text
          : L(T.copyFailed["zh-CN"] + String(err), T.copyFailed["en-US"] + String(err));
    return { ...base, error: { code: "copy-failed", message } };
  }
}

/** The run's results as the scoring's batch (scored plans and unreadable files), for the league report. */
export function toBatch(results: readonly FileResult[]): BatchScores {
  const plans = results.flatMap((r) =>
    r.ok && r.score ? [{ file: path.basename(r.file), dealer: r.dealer ?? "", score: r.score }] : [],
  );
  const failures = results.flatMap((r) =>
    !r.ok && r.error ? [{ file: path.basename(r.file), code: r.error.code, reason: r.error.message }] : [],
  );
  return { plans: rankPlans(plans), failures };
}

/** The scored files, best first (the scoring's one ranking, the task pane's too). */
export function ranked(results: readonly FileResult[]): FileResult[] {
  return rankPlans(results.flatMap((r) => (r.ok && r.score ? [{ ...r, score: r.score }] : [])));
}

export { csvCell, formatCsv, formatJson, formatTable } from "./score-format";

// ---- arguments ----------------------------------------------------------------------------------

interface Args {
  files: string[];
  format: "table" | "json" | "csv";
  out?: string;
  report?: string;
  force: boolean;
  lang: Lang;
}

const defaultLang = (): Lang => langFromEnv(process.env);

function parseArgs(args: readonly string[]): Args | { error: Localized; lang: Lang } {
  const out: Args = { files: [], format: "table", force: false, lang: defaultLang() };
  let json = false;
  let csv = false;
  const langAt = args.indexOf("--lang");
  const langArg = langAt >= 0 ? args[langAt + 1] : args.find((a) => a.startsWith("--lang="))?.slice(7);
  if (langArg !== undefined) {
    if (langArg !== "zh-CN" && langArg !== "en-US") return { error: T.badLang, lang: out.lang };
    out.lang = langArg;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--csv") csv = true;
    else if (a === "--force") out.force = true;
    else if (a === "--out" || a === "--lang" || a === "--report") {
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--"))
        return { error: L(T.needsValue["zh-CN"] + a, T.needsValue["en-US"] + a), lang: out.lang };
      if (a === "--out") out.out = v;
      if (a === "--report") out.report = v;
      i++;
    } else if (a.startsWith("--out=")) out.out = a.slice(6);
    else if (a.startsWith("--report=")) out.report = a.slice(9);
    else if (a.startsWith("--lang=")) continue;
    else if (a.startsWith("--"))
      return {
        error: L(T.unknown["zh-CN"] + printable(a, 40), T.unknown["en-US"] + printable(a, 40)),
        lang: out.lang,
      };
    else out.files.push(a);
  }
  if (json && csv) return { error: T.bothFormats, lang: out.lang };
  if (out.files.length === 0) return { error: T.noFiles, lang: out.lang };
  // Excel refuses to open an .xlsx body under another extension; a typo'd name is caught up front.
  if (out.report !== undefined && !/\.xlsx$/i.test(out.report)) {
    const shown = printable(out.report);
    return { error: L(T.reportExt["zh-CN"] + shown, T.reportExt["en-US"] + shown), lang: out.lang };
  }
  out.format = json ? "json" : csv ? "csv" : "table";
  return out;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(T.usage[defaultLang()] + "\n");
    return EXIT.ok;
  }
  const parsed = parseArgs(args);
  if ("error" in parsed) {
    process.stderr.write(`dealer-mkt score: ${parsed.error[parsed.lang]}\n${T.usage[parsed.lang]}\n`);
    return EXIT.usage;
  }
  const { lang } = parsed;
  if (parsed.out) {
    // --out names a folder: made when missing, refused when it is a file.
    try {
      if (!statSync(parsed.out).isDirectory()) {
        process.stderr.write(`dealer-mkt score: ${T.outNotFolder[lang]}${printable(parsed.out)}\n`);
        return EXIT.usage;
      }
    } catch {
      mkdirSync(parsed.out, { recursive: true });
    }
  }
  const tty = process.stderr.isTTY === true;
  const guard = new OutputGuard({ force: parsed.force, protect: parsed.files });
  const results = await scoreFiles(parsed.files, {
    lang,
    ...(parsed.out ? { out: parsed.out } : {}),
    force: parsed.force,
    guard,
    onProgress: (done, total) => {
      if (total < 10 && !tty) return;
      const msg = fill(T.progress[lang], { n: done, total });
      if (tty) process.stderr.write(`\r${msg}${done === total ? "\n" : ""}`);
      else if (done % 10 === 0 || done === total) process.stderr.write(msg + "\n");
    },
  });
  for (const r of results)
    if (r.error) process.stderr.write(`dealer-mkt score: ${printable(r.file)}: ${r.error.message[lang]}\n`);
  const text =
    parsed.format === "json"
      ? formatJson(results, lang)
      : parsed.format === "csv"
        ? formatCsv(results, lang)
        : formatTable(results, lang);
  process.stdout.write(text);
  if (parsed.format === "table")
    for (const r of results)
      if (r.scoredCopy)
        process.stdout.write(
          fill(T.copy[lang], { out: printable(r.scoredCopy), sheet: printable(r.copySheet ?? "") }) + "\n",
        );
  let reportFailed = false;
  if (parsed.report !== undefined) {
    const batch = toBatch(results);
    try {
      guard.write(parsed.report, await templateToXlsx(leagueWorkbook(batch, lang)));
      const line = fill(T.report[lang], {
        out: printable(parsed.report),
        n: batch.plans.length,
        f: batch.failures.length,
      });
      // JSON and CSV keep stdout for the data; the report's line goes to stderr then.
      (parsed.format === "table" ? process.stdout : process.stderr).write(line + "\n");
    } catch (err) {
      const why = err instanceof WriteRefused ? err.text[lang] : T.reportFailed[lang] + String(err);
      process.stderr.write(`dealer-mkt score: ${why}\n`);
      reportFailed = true;
    }
  }
  const failed = results.filter((r) => !r.ok || r.error).length;
  if (reportFailed && failed === 0) return EXIT.failed;
  if (failed > 0) {
    process.stderr.write(`dealer-mkt score: ${fill(T.unreadable[lang], { n: failed })}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
