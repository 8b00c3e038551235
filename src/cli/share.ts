/**
 * dealer-mkt share IN.xlsx --out OUT.xlsx            prepare a workbook for people without the add-in
 * dealer-mkt share --restore IN.xlsx --out OUT.xlsx  put the live DEALER functions back
 * dealer-mkt share --check IN.xlsx                   list DEALER cells that show #NAME?
 * Never writes over IN; refuses an existing OUT unless --force.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatReport, type ShareLang } from "../share/report";
import { prepareXlsx, restoreXlsx, scanXlsx, ShareError, SHARE_ERROR_TEXT } from "../share/xlsx";

const USAGE: Record<ShareLang, string> = {
  "en-US": `Usage:
  dealer-mkt share IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check IN.xlsx [--lang en-US|zh-CN]`,
  "zh-CN": `用法:
  dealer-mkt share 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check 输入.xlsx [--lang en-US|zh-CN]`,
};

const TEXT = {
  missingIn: { "en-US": "no input workbook given", "zh-CN": "未指定输入工作簿" },
  missingOut: { "en-US": "--out OUT.xlsx is required", "zh-CN": "必须用 --out 指定输出文件" },
  sameFile: {
    "en-US": "OUT is the same file as IN; the input is never overwritten",
    "zh-CN": "输出文件与输入文件相同;不会覆盖输入文件",
  },
  exists: {
    "en-US": "OUT already exists; add --force to overwrite it",
    "zh-CN": "输出文件已存在;如需覆盖请加 --force",
  },
  notFound: { "en-US": "input file not found", "zh-CN": "找不到输入文件" },
  unchanged: {
    "en-US": "No DEALER functions found: the workbook is written unchanged.",
    "zh-CN": "未找到 DEALER 函数:工作簿原样写出。",
  },
  wrote: { "en-US": "Wrote", "zh-CN": "已写出" },
  prepared: {
    "en-US": "This workbook is prepared for sharing (restore with --restore).",
    "zh-CN": "此工作簿已做共享准备(可用 --restore 恢复)。",
  },
  found: { "en-US": "DEALER formula cells", "zh-CN": "DEALER 公式单元格" },
} as const;

function defaultLang(): ShareLang {
  const env = process.env.LANG ?? process.env.LC_ALL ?? "";
  return /^zh/i.test(env) ? "zh-CN" : "en-US";
}

export async function run(args: string[]): Promise<number> {
  let lang: ShareLang = defaultLang();
  let restore = false;
  let check = false;
  let force = false;
  let out: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--restore") restore = true;
    else if (a === "--check") check = true;
    else if (a === "--force") force = true;
    else if (a === "--out") out = args[++i];
    else if (a === "--lang") {
      const l = args[++i];
      if (l !== "en-US" && l !== "zh-CN") return fail(`--lang en-US|zh-CN`, lang);
      lang = l;
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE[lang] + "\n");
      return 0;
    } else if (a.startsWith("--")) return fail(`unknown option ${a}`, lang);
    else inputs.push(a);
  }
  if (inputs.length !== 1) return fail(TEXT.missingIn[lang], lang);
  const inPath = resolve(inputs[0]);
  if (!existsSync(inPath)) return fail(`${TEXT.notFound[lang]}: ${inputs[0]}`, lang);
  const data = new Uint8Array(readFileSync(inPath));
  try {
    if (check) {
      const scan = await scanXlsx(data);
      process.stdout.write(`${TEXT.found[lang]}: ${scan.dealerCells}\n`);
      if (scan.prepared) process.stdout.write(TEXT.prepared[lang] + "\n");
      process.stdout.write(formatReport(scan.report, lang) + "\n");
      return scan.report.broken > 0 ? 3 : 0;
    }
    if (!out) return fail(TEXT.missingOut[lang], lang);
    const outPath = resolve(out);
    if (outPath === inPath) return fail(TEXT.sameFile[lang], lang);
    if (existsSync(outPath) && !force) return fail(`${TEXT.exists[lang]}: ${out}`, lang);
    const result = restore ? await restoreXlsx(data) : await prepareXlsx(data);
    writeFileSync(outPath, result.data, { flag: force ? "w" : "wx" });
    if (!result.report.changed) process.stdout.write(TEXT.unchanged[lang] + "\n");
    else process.stdout.write(formatReport(result.report, lang) + "\n");
    process.stdout.write(`${TEXT.wrote[lang]} ${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ShareError) return fail(SHARE_ERROR_TEXT[e.code][lang], lang, 1);
    throw e;
  }
}

function fail(message: string, lang: ShareLang, code = 2): number {
  process.stderr.write(`dealer-mkt share: ${message}\n${code === 2 ? USAGE[lang] + "\n" : ""}`);
  return code;
}
