/**
 * What "Prepare for sharing", "Restore live functions" and the broken-cell check tell the user,
 * per cell, in both languages. The task pane shows these; the CLI prints them.
 */
import { quoteSheet } from "../core/a1";
import { printable } from "../core/printable";
import type { Lang, Localized } from "../core/lang";
import { tokenize } from "../core/formula";
import { DEALER_IDS, dealerIdOf, isSavedUdfName } from "./dealerNames";
import type { FreezeReason, RewriteReason } from "./plan";

export type ShareAction = "rewritten" | "frozen" | "restored" | "kept" | "skipped" | "broken";
export type ShareReason =
  | RewriteReason
  | FreezeReason
  | "restored"
  | "notFound"
  | "changedSincePrepared"
  | "movedSurroundings"
  | "notInCell"
  | "noCachedValue"
  | "cachedNameError"
  | "savedWithoutAddin";

export interface ShareReportEntry {
  readonly sheet: string;
  /** The cell (the anchor, for a spilled or array formula), e.g. "C5". */
  readonly address: string;
  /** The whole range a spilled or array result covered, e.g. "C5:C9", when more than one cell. */
  readonly range?: string;
  /** The formula as the user sees it, with "=" (e.g. "=DEALER.ROI(A1,B1)"). */
  readonly original: string;
  readonly action: ShareAction;
  readonly reason: ShareReason;
  /** Extra detail for the reason (the argument at fault, the size...), not translated. */
  readonly detail?: string;
  /** The native formula written (anchor cell), for rewritten cells. */
  readonly formula?: string;
  readonly message: Localized;
}

export interface ShareReport {
  readonly rewritten: number;
  readonly frozen: number;
  readonly restored: number;
  readonly kept: number;
  readonly skipped: number;
  readonly broken: number;
  readonly entries: readonly ShareReportEntry[];
  /** False when nothing was changed (the workbook comes back as it was). */
  readonly changed: boolean;
}

export const REASON_MESSAGES: Readonly<Record<ShareReason, Localized>> = {
  scalar: {
    "en-US": "Rewritten as a native formula that gives the same result without the add-in.",
    "zh-CN": "已改写为原生公式，无需加载项即可得出相同结果。",
  },
  spillPerCell: {
    "en-US": "The spilled result was rewritten cell by cell as native formulas (INDEX/IF), one per cell.",
    "zh-CN": "溢出结果已逐个单元格改写为原生公式（INDEX/IF），每个单元格一个公式。",
  },
  rangeArgument: {
    "en-US":
      "Frozen to its current value: a range is passed where one value belongs, outside a spilled result.",
    "zh-CN": "已冻结为当前值：在非溢出公式中，本应填单个值的参数传入了区域。",
  },
  arrayResult: {
    "en-US":
      "Frozen to its current value: the function returns several values inside a larger formula, which older Excel, WPS and LibreOffice cannot compute without dynamic arrays.",
    "zh-CN":
      "已冻结为当前值：该函数在更大的公式中返回多个值，旧版 Excel、WPS 和 LibreOffice 没有动态数组，无法计算。",
  },
  unknownShape: {
    "en-US":
      "Frozen to its current value: the size of an argument cannot be known before the sheet computes.",
    "zh-CN": "已冻结为当前值：某个参数的大小要等工作表计算后才能确定。",
  },
  volatile: {
    "en-US":
      "Frozen to its current value: an argument uses RAND(), which a rewrite would draw more than once.",
    "zh-CN": "已冻结为当前值：参数中含有 RAND()，改写后会被多次取值。",
  },
  tooLong: {
    "en-US":
      "Frozen to its current value: the native formula would exceed Excel's limits (8,192 characters, 64 levels).",
    "zh-CN": "已冻结为当前值：改写后的原生公式会超出 Excel 的限制（8192 个字符、64 层嵌套）。",
  },
  unparsable: {
    "en-US": "Frozen to its current value: the formula could not be read.",
    "zh-CN": "已冻结为当前值：无法解析该公式。",
  },
  spillMismatch: {
    "en-US": "Frozen to its current value: the spilled range does not have the size the arguments give.",
    "zh-CN": "已冻结为当前值：溢出区域的大小与参数给出的大小不一致。",
  },
  arrayFormula: {
    "en-US": "Frozen to its current values: a multi-cell array formula that is more than one DEALER call.",
    "zh-CN": "已冻结为当前值：这是多单元格数组公式，且不只是一个 DEALER 函数调用。",
  },
  tooLarge: {
    "en-US": "Frozen to its current values: the spilled result is too large to rewrite cell by cell.",
    "zh-CN": "已冻结为当前值：溢出结果太大，无法逐个单元格改写。",
  },
  needsRange: {
    "en-US":
      "Frozen to its current value: its classic formula reads the values cell by cell (a row of periods, a block of counts), which needs a range of cells, not an array constant or a computed range.",
    "zh-CN":
      "已冻结为当前值：其原生公式须逐个单元格读取数值（各期数值、各阶段人数），只能引用单元格区域，不能是数组常量或计算出的区域。",
  },
  restored: {
    "en-US": "The live DEALER formula is back.",
    "zh-CN": "已恢复实时 DEALER 公式。",
  },
  notFound: {
    "en-US": "Not restored: the cell is no longer in the workbook.",
    "zh-CN": "未恢复：工作簿中已找不到该单元格。",
  },
  changedSincePrepared: {
    "en-US": "Kept: the cell was edited after the workbook was prepared; the edit stays.",
    "zh-CN": "已保留：准备共享后该单元格被修改过，保留修改后的内容。",
  },
  movedSurroundings: {
    "en-US":
      "Not restored: rows, columns or sheets around it changed in a way that cannot be followed; the cell is kept as it is.",
    "zh-CN": "未恢复：周围的行、列或工作表发生了无法跟踪的变化，单元格保持原样。",
  },
  notInCell: {
    "en-US":
      "Left as it is: a DEALER call in a defined name, a conditional format or a data validation shows #NAME? without the add-in; move it into a cell to share it.",
    "zh-CN":
      "未改动：名称、条件格式或数据验证中的 DEALER 函数在未安装加载项时会显示 #NAME?；如需共享，请把它移到单元格中。",
  },
  noCachedValue: {
    "en-US": "Frozen, but the file held no computed value for it: the cell is now empty.",
    "zh-CN": "已冻结，但文件中没有该单元格的计算结果：单元格现为空。",
  },
  cachedNameError: {
    "en-US":
      "Broken: it shows #NAME? because it was computed where the add-in was missing. Open it with the add-in and choose Repair.",
    "zh-CN":
      "已损坏：因在未安装加载项的环境中计算而显示 #NAME?。请在装有加载项的 Excel 中打开并点击「修复」。",
  },
  savedWithoutAddin: {
    "en-US":
      "Broken: Excel opened it without the add-in and kept the call as _xldudf_…; Repair turns it back into a live DEALER call.",
    "zh-CN":
      "已损坏：Excel 在未加载加载项时打开，公式被保存为 _xldudf_…；点击「修复」可恢复为实时 DEALER 函数。",
  },
};

export function entryMessage(reason: ShareReason, detail?: string): Localized {
  const base = REASON_MESSAGES[reason];
  if (!detail) return base;
  return { "en-US": `${base["en-US"]} (${detail})`, "zh-CN": `${base["zh-CN"]}（${detail}）` };
}

export function summarize(entries: readonly ShareReportEntry[], changed: boolean): ShareReport {
  const count = (a: ShareAction): number => entries.filter((e) => e.action === a).length;
  return {
    rewritten: count("rewritten"),
    frozen: count("frozen"),
    restored: count("restored"),
    kept: count("kept"),
    skipped: count("skipped"),
    broken: count("broken"),
    entries,
    changed,
  };
}

/** One line per cell plus totals, in one language: what the CLI prints. */
export function formatReport(report: ShareReport, lang: Lang): string {
  const actions: Record<ShareAction, Localized> = {
    rewritten: { "en-US": "rewritten", "zh-CN": "已改写" },
    frozen: { "en-US": "frozen", "zh-CN": "已冻结" },
    restored: { "en-US": "restored", "zh-CN": "已恢复" },
    kept: { "en-US": "kept", "zh-CN": "已保留" },
    skipped: { "en-US": "skipped", "zh-CN": "已跳过" },
    broken: { "en-US": "broken", "zh-CN": "已损坏" },
  };
  const lines = report.entries.map(
    (e) =>
      // Sheet names and formulas come from the file: no control character reaches the terminal.
      // A workbook-scope defined name has no sheet: shown as the name alone, not ''!Name.
      `${e.sheet === "" ? "" : `${printable(quoteSheet(e.sheet))}!`}${e.range ?? e.address}\t${actions[e.action][lang]}\t${printable(e.original)}\t${e.message[lang]}`,
  );
  const totals =
    lang === "zh-CN"
      ? `改写 ${report.rewritten} 个，冻结 ${report.frozen} 个，恢复 ${report.restored} 个，保留修改 ${report.kept} 个，跳过 ${report.skipped} 个，损坏 ${report.broken} 个。`
      : `${report.rewritten} rewritten, ${report.frozen} frozen, ${report.restored} restored, ${report.kept} kept, ${report.skipped} skipped, ${report.broken} broken.`;
  return [...lines, totals].join("\n");
}

/** `_xldudf_DEALER_ROI` → `DEALER.ROI`; a Chinese name keeps its spelling (`DEALER.投资回报率`). */
function typedName(saved: string): string {
  const rest = saved.replace(/^_xldudf_dealer[._]/i, "");
  const id = DEALER_IDS.find((d) => d === rest.toUpperCase());
  if (id) return "DEALER." + id;
  // A localized name whose own dots were saved as underscores gets them back.
  return "DEALER." + (dealerIdOf("DEALER." + rest) ? rest : rest.replace(/_/g, "."));
}

/**
 * A formula as the user typed it, for showing in a report: calls Excel saved without the add-in
 * (`=_xldudf_DEALER_ROI(A1,B1)`) read `=DEALER.ROI(A1,B1)`. Only function-name tokens change (text
 * inside strings, names and references stay as they are). Display only: what restore writes back
 * is the record's own text, byte for byte.
 */
export function displayFormula(formula: string): string {
  return tokenize(formula)
    .map((t) =>
      t.type === "func" && isSavedUdfName(t.text) && dealerIdOf(t.text)
        ? t.ws + typedName(t.text)
        : t.ws + t.text,
    )
    .join("");
}
