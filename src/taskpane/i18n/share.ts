// Strings of the Share page's received-workbook check (broken cells, repair, tagging). Kept out of the
// main tables because only the lazily loaded Share page uses them: they stay out of the first load.
import type { Lang } from "./index";

const en = {
  checkHeading: "Broken add-in formulas",
  checkIntro:
    "A workbook opened or recalculated without the add-in shows #NAME? in its DEALER cells, and Excel saves their formulas as _xldudf_…",
  checkIntroPreview:
    "Open a workbook you received to see which DEALER cells are broken. Repair needs Excel with the add-in.",
  checking: "Checking the workbook…",
  checkSummary: "{dealer} cells use DEALER functions; {broken} of them are broken.",
  checkPrepared: "This workbook is prepared for sharing: Restore brings the live functions back.",
  noBroken: "No broken DEALER cells.",
  brokenList: "Broken cells",
  repair: "Repair",
  repairing: "Repairing…",
  repaired: "{count} cells have their live DEALER formula again.",
  recheck: "Check again",
  openReceived: "Open a received workbook…",
  checkedFile: "Checked {file}.",
  autoOpen: "Open this pane with the workbook",
  autoOpenHint:
    "Where the add-in is installed (sideloaded or deployed by your administrator), Excel opens this pane when the workbook opens. Elsewhere the workbook opens as usual.",
  autoOpenOn: "This workbook will open the pane. Save the workbook to keep it.",
  autoOpenOff: "This workbook will no longer open the pane. Save the workbook to keep it.",
  downloadTagged: "Download a copy that opens the pane",
};

export type ShareStrings = { readonly [K in keyof typeof en]: string };

const zh: ShareStrings = {
  checkHeading: "已损坏的加载项公式",
  checkIntro:
    "在未安装加载项的环境中打开或重算过的工作簿，DEALER 单元格会显示 #NAME?，Excel 还会把公式保存为 _xldudf_…",
  checkIntroPreview: "打开收到的工作簿，查看哪些 DEALER 单元格已损坏。修复需要装有加载项的 Excel。",
  checking: "正在检查工作簿…",
  checkSummary: "有 {dealer} 个单元格使用 DEALER 函数，其中 {broken} 个已损坏。",
  checkPrepared: "此工作簿已做分享准备：点击“还原”可恢复实时函数。",
  noBroken: "没有已损坏的 DEALER 单元格。",
  brokenList: "已损坏的单元格",
  repair: "修复",
  repairing: "正在修复…",
  repaired: "已为 {count} 个单元格恢复实时 DEALER 公式。",
  recheck: "重新检查",
  openReceived: "打开收到的工作簿…",
  checkedFile: "已检查 {file}。",
  autoOpen: "打开工作簿时自动打开此任务窗格",
  autoOpenHint:
    "在已安装加载项（旁加载或由管理员集中部署）的 Excel 中，打开工作簿时会自动打开此任务窗格；在其他环境中工作簿照常打开。",
  autoOpenOn: "此工作簿将自动打开任务窗格。请保存工作簿使设置生效。",
  autoOpenOff: "此工作簿将不再自动打开任务窗格。请保存工作簿使设置生效。",
  downloadTagged: "下载会自动打开任务窗格的副本",
};

const tables: Record<Lang, ShareStrings> = { "en-US": en, "zh-CN": zh };

export function shareStrings(lang: Lang): ShareStrings {
  return tables[lang];
}
