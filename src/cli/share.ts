/**
 * dealer-mkt share IN.xlsx --out OUT.xlsx            prepare a workbook for people without the add-in
 * dealer-mkt share --restore IN.xlsx --out OUT.xlsx  put the live DEALER functions back
 * dealer-mkt share --check IN.xlsx                   list DEALER cells that show #NAME?
 * --tag (alone, or with --prepare) makes Excel open the add-in's pane with the workbook.
 * Never writes over IN; refuses an existing OUT unless --force.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { langFromEnv, type Lang } from "../core/lang";
import { formatReport } from "../share/report";
import { manifestId, tagXlsx } from "../share/tag";
import { prepareXlsx, restoreXlsx, scanXlsx, ShareError, SHARE_ERROR_TEXT } from "../share/xlsx";

const USAGE: Record<Lang, string> = {
  "en-US": `Usage:
  dealer-mkt share IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore IN.xlsx --out OUT.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check IN.xlsx [--lang en-US|zh-CN]
  dealer-mkt share --tag [--prepare] IN.xlsx --out OUT.xlsx [--addin-id ID] [--catalog]
    --tag: open the add-in's task pane with the workbook where the add-in is installed
    (sideloaded; with --catalog: centrally deployed). Add --prepare to prepare it as well.`,
  "zh-CN": `用法:
  dealer-mkt share 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --restore 输入.xlsx --out 输出.xlsx [--force] [--lang en-US|zh-CN]
  dealer-mkt share --check 输入.xlsx [--lang en-US|zh-CN]
  dealer-mkt share --tag [--prepare] 输入.xlsx --out 输出.xlsx [--addin-id ID] [--catalog]
    --tag:在已安装加载项(旁加载;加 --catalog 表示集中部署)的 Excel 中打开工作簿时自动打开任务窗格。
    加 --prepare 可同时做共享准备。`,
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
  noAddinId: {
    "en-US": "the add-in id is unknown: pass --addin-id or run from the project (manifest.xml)",
    "zh-CN": "未知加载项 ID:请用 --addin-id 指定,或在项目目录(含 manifest.xml)中运行",
  },
  tagged: {
    "en-US": "Tagged: Excel opens the add-in's task pane with this workbook where the add-in is installed.",
    "zh-CN": "已标记:在已安装加载项的 Excel 中打开此工作簿时会自动打开任务窗格。",
  },
} as const;

const defaultLang = (): Lang => langFromEnv(process.env);

export async function run(args: string[]): Promise<number> {
  let lang: Lang = defaultLang();
  let restore = false;
  let check = false;
  let force = false;
  let tag = false;
  let catalog = false;
  let addinId: string | undefined;
  let out: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--restore") restore = true;
    else if (a === "--check") check = true;
    else if (a === "--force") force = true;
    else if (a === "--tag") tag = true;
    else if (a === "--prepare") continue;
    else if (a === "--catalog") catalog = true;
    else if (a === "--addin-id") addinId = args[++i];
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
    let source: Uint8Array = data;
    if (tag) {
      const id = addinId ?? findManifestId();
      if (!id) return fail(TEXT.noAddinId[lang], lang);
      source = await tagXlsx(data, { addinId: id, storeType: catalog ? "EXCatalog" : "Registry" });
      process.stdout.write(TEXT.tagged[lang] + "\n");
    }
    const onlyTag = tag && !restore && !args.includes("--prepare");
    const result = onlyTag
      ? { data: source, report: null }
      : restore
        ? await restoreXlsx(source)
        : await prepareXlsx(source);
    writeFileSync(outPath, result.data, { flag: force ? "w" : "wx" });
    if (result.report && !result.report.changed) process.stdout.write(TEXT.unchanged[lang] + "\n");
    else if (result.report) process.stdout.write(formatReport(result.report, lang) + "\n");
    process.stdout.write(`${TEXT.wrote[lang]} ${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ShareError) return fail(SHARE_ERROR_TEXT[e.code][lang], lang, 1);
    throw e;
  }
}

/** The add-in id from the project's manifest.xml (next to package.json), when run from the project. */
function findManifestId(): string | undefined {
  for (const dir of [process.cwd(), resolve(__dirname, "..", ".."), resolve(__dirname, "..", "..", "..")]) {
    const path = resolve(dir, "manifest.xml");
    if (existsSync(path)) return manifestId(readFileSync(path, "utf8"));
  }
  return undefined;
}

function fail(message: string, lang: Lang, code = 2): number {
  process.stderr.write(`dealer-mkt share: ${message}\n${code === 2 ? USAGE[lang] + "\n" : ""}`);
  return code;
}
