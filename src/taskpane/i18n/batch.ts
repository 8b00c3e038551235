// Strings of the Score page's batch (several plans at once). Kept out of the main tables because only
// the lazily loaded Score page uses them: they stay out of the first load.
import type { Lang } from "./index";

const en = {
  batchHeading: "Score several plans",
  batchIntro:
    "Pick several plan workbooks, or a folder of them, from disk. Each is scored on its own; a file that cannot be read is listed with the reason and the others are still scored.",
  openFiles: "Open several workbooks…",
  openFolder: "Open a folder…",
  batchProgress: "Scored {done} of {total}",
  batchDone: "{count} plans scored.",
  batchNone: "No plan could be scored.",
  rankingCaption: "Plans ranked by total score",
  colRank: "Rank",
  colDealer: "Dealer",
  colTotal: "Total",
  colPercent: "Percent",
  colTop: "Fix first",
  openDetails: "Details of {dealer}",
  overriddenMark: "* includes a person’s override",
  needsPersonMark: "† needs a person’s judgement; counted as 0 until scored",
  nothingToFix: "Full marks",
  failuresHeading: "Could not be read ({count})",
  failureReason: ": {reason}",
  skippedFiles: "{count} other files in the folder are not workbooks and were left out.",
  backToRanking: "Back to the ranking",
  planFile: "File: {file}",
  rank: "Rank {rank} of {count}",
  leagueDownload: "Download the league workbook",
  leagueWrite: "Write the league as new sheets",
  leagueBusy: "Writing the league workbook…",
  leagueDownloaded: "Downloaded {file}.",
  leagueWritten: "The league was written to new sheets, starting with “{sheet}”.",
  leagueSkipped: "This version of Excel could not add: {features}.",
};

export type BatchStrings = { readonly [K in keyof typeof en]: string };

const zh: BatchStrings = {
  batchHeading: "多份营销计划评分",
  batchIntro:
    "从本地选择多个营销计划工作簿，或整个文件夹。每份计划单独评分；无法读取的文件会列出原因，其余文件照常评分。",
  openFiles: "打开多个工作簿…",
  openFolder: "打开文件夹…",
  batchProgress: "已评分 {done}/{total}",
  batchDone: "已为 {count} 份计划评分。",
  batchNone: "没有可评分的计划。",
  rankingCaption: "按总分排名的营销计划",
  colRank: "名次",
  colDealer: "经销商",
  colTotal: "总分",
  colPercent: "得分率",
  colTop: "优先改进",
  openDetails: "{dealer} 的评分详情",
  overriddenMark: "* 含人工评分",
  needsPersonMark: "† 需人工判断，评分前计 0 分",
  nothingToFix: "满分",
  failuresHeading: "无法读取的文件（{count} 个）",
  failureReason: "：{reason}",
  skippedFiles: "文件夹中另有 {count} 个文件不是工作簿，已忽略。",
  backToRanking: "返回排名",
  planFile: "文件：{file}",
  rank: "第 {rank} 名，共 {count} 份",
  leagueDownload: "下载排名工作簿",
  leagueWrite: "将排名写入新工作表",
  leagueBusy: "正在生成排名工作簿…",
  leagueDownloaded: "已下载 {file}。",
  leagueWritten: "排名已写入新工作表（从「{sheet}」开始）。",
  leagueSkipped: "此版本的 Excel 未能添加：{features}。",
};

const tables: Record<Lang, BatchStrings> = { "en-US": en, "zh-CN": zh };

export function batchStrings(lang: Lang): BatchStrings {
  return tables[lang];
}
