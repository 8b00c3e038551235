// What an older Excel could not add to a written template (WriteResult.skipped of the Office adapter,
// src/workbook/office.ts), as phrases in the pane's language rather than the adapter's keys.
import { L, type Localized } from "../../core/lang";
import { strings, type Lang } from "./index";

const FEATURES: Readonly<Record<string, Localized>> = {
  format: L("列宽与合并单元格", "column widths and merged cells"),
  dataValidation: L("数据验证", "data validation"),
  freezePanes: L("冻结窗格", "frozen panes"),
  pageLayout: L("打印设置", "print set-up"),
  conditionalFormats: L("条件格式", "conditional formatting"),
  chart: L("图表", "charts"),
  chartCategories: L("图表的分类标签", "chart category labels"),
  names: L("定义的名称", "defined names"),
  colorScales: L("色阶", "colour scales"),
  hyperlinks: L("超链接", "hyperlinks"),
};

/** A key this table does not know yet is still said in words, never shown raw. */
const OTHER = L("其他格式", "other formatting");

export function featureList(keys: readonly string[], lang: Lang): string {
  const phrases = [...new Set(keys.map((k) => (FEATURES[k] ?? OTHER)[lang]))];
  return phrases.join(strings(lang).listSeparator);
}

/** The keys this table translates (for the test that holds it to the adapter's). */
export const FEATURE_KEYS: readonly string[] = Object.keys(FEATURES);
