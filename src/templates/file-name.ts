// What a downloaded template is called: its title in the sheet's language, the dealer and the year,
// "营销计划-杭州西湖丰田4S店-2026.xlsx", so a folder of them reads at a glance.
import { fileNamePart, safeFileName } from "../core/file-name";
import { templateKinds } from "./index";
import { resolveCommon, type TemplateOptions } from "./options";
import type { TemplateKind } from "./spec";
import type { Lang } from "../core/lang";

/** The league workbook's download: "经销商营销计划排名-2026-12-02.xlsx", dated as scored. */
export function leagueFileName(lang: Lang, now: Date = new Date()): string {
  const title = lang === "zh-CN" ? "经销商营销计划排名" : "Dealer plan league";
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, "0"))
    .join("-");
  return safeFileName(`${fileNamePart(title)}-${day}`);
}

export function templateFileName(
  kind: TemplateKind,
  options: TemplateOptions,
  now: Date = new Date(),
): string {
  const common = resolveCommon(options, now);
  const title = templateKinds.find((k) => k.kind === kind)?.title[common.lang] ?? kind;
  const parts = [title, common.dealerName, String(common.year)].map(fileNamePart);
  return safeFileName(parts.filter((x) => x !== "").join("-"));
}
