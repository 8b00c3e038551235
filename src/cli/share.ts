/**
 * dealer-mkt share IN.xlsx --out OUT.xlsx            prepare a workbook for people without the add-in
 * dealer-mkt share --restore IN.xlsx --out OUT.xlsx  put the live DEALER functions back
 * dealer-mkt share --check IN.xlsx                   list DEALER cells that show #NAME?
 * --tag (alone, or with --prepare) makes Excel open the add-in's pane with the workbook.
 * Never writes over IN (through any link); refuses an existing OUT unless --force. Every file is
 * checked by the package layer's limits before anything is inflated.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isLang, L, langFromEnv, type Lang } from "../core/lang";
import { printable } from "../core/printable";
import { formatReport } from "../share/report";
import { manifestId, tagXlsx } from "../share/tag";
import { prepareXlsx, restoreXlsx, scanXlsx, ShareError } from "../share/xlsx";
import { isOpenError } from "../workbook/ooxml/limits";
import { Package } from "../workbook/ooxml/package";
import { readWorkbookBytes } from "../workbook/ooxml/read";
import { EXIT, OutputGuard, readInput, WriteRefused } from "./files";

const USAGE: Record<Lang, string> = {
  "en-US": `Usage:
  dealer-mkt share IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check IN.xlsx [--lang en-US|zh-CN]
  dealer-mkt share --tag [--prepare] IN.xlsx --out OUT.xlsx [--addin-id ID] [--catalog]
    --tag: open the add-in's task pane with the workbook where the add-in is installed
    (sideloaded; with --catalog: centrally deployed). Add --prepare to prepare it as well.`,
  "zh-CN": `用法：
  dealer-mkt share 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check 输入.xlsx [--lang en-US|zh-CN]
  dealer-mkt share --tag [--prepare] 输入.xlsx --out 输出.xlsx [--addin-id ID] [--catalog]
    --tag：在已安装加载项（旁加载；加 --catalog 表示集中部署）的 Excel 中打开工作簿时自动打开任务窗格。
    加 --prepare 可同时做共享准备。`,
};

const TEXT = {
  missingIn: L("未指定输入工作簿", "no input workbook given"),
  oneInput: L("一次只能处理一个输入工作簿", "give one input workbook"),
  missingOut: L("必须用 --out 指定输出文件", "--out OUT.xlsx is required"),
  missingValue: L("缺少参数值：", "missing value for "),
  unknown: L("未知选项：", "unknown option: "),
  badLang: L("--lang 只能是 zh-CN 或 en-US", "--lang must be zh-CN or en-US"),
  macroName: L(
    "输入工作簿含有宏（.xlsm），输出文件名也必须以 .xlsm 结尾，否则 Excel 无法打开",
    "the input holds macros (.xlsm): name the output .xlsm too, or Excel refuses to open it",
  ),
  unchanged: L(
    "未找到 DEALER 函数：工作簿原样写出。",
    "No DEALER functions found: the workbook is written unchanged.",
  ),
  wrote: L("已写出", "Wrote"),
  prepared: L(
    "此工作簿已做共享准备（可用 --restore 恢复）。",
    "This workbook is prepared for sharing (restore with --restore).",
  ),
  found: L("DEALER 公式单元格", "DEALER formula cells"),
  noAddinId: L(
    "未知加载项 ID：请用 --addin-id 指定，或在项目目录（含 manifest.xml）中运行",
    "the add-in id is unknown: pass --addin-id or run from the project (manifest.xml)",
  ),
  tagged: L(
    "已标记：在已安装加载项的 Excel 中打开此工作簿时会自动打开任务窗格。",
    "Tagged: Excel opens the add-in's task pane with this workbook where the add-in is installed.",
  ),
};

interface Args {
  lang: Lang;
  restore: boolean;
  check: boolean;
  force: boolean;
  tag: boolean;
  prepare: boolean;
  catalog: boolean;
  addinId?: string;
  out?: string;
  inputs: string[];
}

function parse(args: readonly string[]): Args | { error: string; lang: Lang } {
  const a: Args = {
    lang: langFromEnv(process.env),
    restore: false,
    check: false,
    force: false,
    tag: false,
    prepare: false,
    catalog: false,
    inputs: [],
  };
  // --lang first, so every other message is in that language.
  const li = args.indexOf("--lang");
  if (li >= 0) {
    const l = args[li + 1];
    if (!isLang(l)) return { error: TEXT.badLang[a.lang], lang: a.lang };
    a.lang = l;
  }
  for (let i = 0; i < args.length; i++) {
    const x = args[i];
    const value = (): string | undefined => {
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--")) return undefined;
      i++;
      return v;
    };
    if (x === "--restore") a.restore = true;
    else if (x === "--check") a.check = true;
    else if (x === "--force") a.force = true;
    else if (x === "--tag") a.tag = true;
    else if (x === "--prepare") a.prepare = true;
    else if (x === "--catalog") a.catalog = true;
    else if (x === "--lang") i++;
    else if (x === "--addin-id" || x === "--out") {
      const v = value();
      if (v === undefined) return { error: TEXT.missingValue[a.lang] + x, lang: a.lang };
      if (x === "--out") a.out = v;
      else a.addinId = v;
    } else if (x.startsWith("--")) return { error: TEXT.unknown[a.lang] + printable(x, 40), lang: a.lang };
    else a.inputs.push(x);
  }
  return a;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    const p = parse(args);
    process.stdout.write(USAGE[p.lang] + "\n");
    return EXIT.ok;
  }
  const a = parse(args);
  if ("error" in a) return fail(a.error, a.lang, EXIT.usage);
  const { lang } = a;
  if (a.inputs.length === 0) return fail(TEXT.missingIn[lang], lang, EXIT.usage);
  if (a.inputs.length > 1) return fail(TEXT.oneInput[lang], lang, EXIT.usage);
  const input = a.inputs[0];
  const read = readInput(input);
  if (!read.ok) return fail(`${printable(input)}: ${read.error.text[lang]}`, lang, EXIT.failed);
  const data = read.bytes;
  try {
    // Every command reads the whole workbook first, as score does: a part that is damaged, holds a
    // DTD or is not XML refuses the file here, before --check reports on it or anything is written.
    readWorkbookBytes(data);
    if (a.check) {
      const scan = await scanXlsx(data);
      process.stdout.write(`${TEXT.found[lang]}: ${scan.dealerCells}\n`);
      if (scan.prepared) process.stdout.write(TEXT.prepared[lang] + "\n");
      process.stdout.write(formatReport(scan.report, lang) + "\n");
      return scan.report.broken > 0 ? EXIT.broken : EXIT.ok;
    }
    if (!a.out) return fail(TEXT.missingOut[lang], lang, EXIT.usage);
    // An .xlsm stays an .xlsm: Excel refuses a macro workbook named .xlsx.
    if (Package.open(data).macroEnabled && !/\.xlsm$/i.test(a.out))
      return fail(TEXT.macroName[lang], lang, EXIT.usage);
    const guard = new OutputGuard({ force: a.force, protect: [input] });
    let source: Uint8Array = data;
    if (a.tag) {
      const id = a.addinId ?? findManifestId();
      if (!id) return fail(TEXT.noAddinId[lang], lang, EXIT.usage);
      source = await tagXlsx(data, { addinId: id, storeType: a.catalog ? "EXCatalog" : "Registry" });
    }
    const onlyTag = a.tag && !a.restore && !a.prepare;
    const result = onlyTag
      ? { data: source, report: null }
      : a.restore
        ? await restoreXlsx(source)
        : await prepareXlsx(source);
    guard.write(a.out, result.data);
    if (a.tag) process.stdout.write(TEXT.tagged[lang] + "\n");
    if (result.report && !result.report.changed && result.report.entries.length === 0)
      process.stdout.write(TEXT.unchanged[lang] + "\n");
    else if (result.report) process.stdout.write(formatReport(result.report, lang) + "\n");
    process.stdout.write(`${TEXT.wrote[lang]} ${printable(a.out)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ShareError) return fail(`${printable(input)}: ${e.text[lang]}`, lang, EXIT.failed);
    if (isOpenError(e)) return fail(`${printable(input)}: ${e.text[lang]}`, lang, EXIT.failed);
    if (e instanceof WriteRefused) return fail(e.text[lang], lang, EXIT.usage);
    throw e;
  }
}

/** The add-in id from the project's manifest.xml (next to package.json), when run from the project. */
function findManifestId(): string | undefined {
  for (const dir of [process.cwd(), resolve(__dirname, "..", ".."), resolve(__dirname, "..", "..", "..")]) {
    const p = resolve(dir, "manifest.xml");
    if (existsSync(p)) return manifestId(readFileSync(p, "utf8"));
  }
  return undefined;
}

function fail(message: string, lang: Lang, code: number): number {
  process.stderr.write(`dealer-mkt share: ${message}\n${code === EXIT.usage ? USAGE[lang] + "\n" : ""}`);
  return code;
}
