/**
 * What the function help pages say beyond the metadata, and the texts every page shares. Each
 * function's own help (formula, symbols, notes, errors, worked example) is the `help` export of its
 * descriptor (src/functions/defs/<name>.ts); names, descriptions and parameters come from the
 * metadata Excel shows, so help cannot drift from them. build/help-pages.js renders them.
 *
 * Worked examples use a tiny markup: `code`, **strong**, and {FN} for the function's localized name
 * with its namespace (DEALER.保本到场人数), so an example cannot name the function wrongly. A string
 * is a paragraph; an array of strings is a bulleted list.
 */
import type { Lang } from "../core/lang";

export { NAMESPACE } from "./registry";

/** A paragraph, or a bulleted list. */
export type ExampleBlock = string | readonly string[];

export interface FunctionHelpText {
  readonly formula: string;
  /** Help-only notes on arguments, after the metadata's description, by parameter name. */
  readonly notes: Readonly<Record<string, string>>;
  /** The function's own errors, after the shared ones: [code, when]. */
  readonly errors: readonly (readonly [string, string])[];
  readonly example: readonly ExampleBlock[];
  /** Replaces the shared paragraph on ranges where the function reads them otherwise. */
  readonly ranges?: string;
}

export type FunctionHelp = { readonly symbols: Readonly<Record<string, string>> } & Readonly<
  Record<Lang, FunctionHelpText>
>;

export interface SharedHelpText {
  readonly product: string;
  readonly help: string;
  readonly allFunctions: string;
  readonly headings: Readonly<Record<"formula" | "syntax" | "arguments" | "errors" | "example", string>>;
  readonly argumentColumns: readonly [string, string];
  readonly errorColumns: readonly [string, string];
  /** Between the symbol (F, v, …) and the metadata's description, and before a help-only note. */
  readonly symbolSeparator: string;
  readonly noteSeparator: string;
  readonly ranges: string;
  /** The errors every function shares, listed first on each page. */
  readonly errors: readonly (readonly [string, string])[];
  readonly index: {
    readonly intro: string;
    readonly columns: readonly [string, string];
    readonly other: { readonly lang: Lang; readonly text: string };
  };
}

export const SHARED: Readonly<Record<Lang, SharedHelpText>> = {
  "en-US": {
    product: "Dealer Marketing Power",
    help: "function help",
    allFunctions: "All functions",
    headings: {
      formula: "Formula",
      syntax: "Syntax",
      arguments: "Arguments",
      errors: "Errors",
      example: "Worked example",
    },
    argumentColumns: ["Argument", "Meaning"],
    errorColumns: ["Result", "When"],
    symbolSeparator: ": ",
    noteSeparator: " ",
    ranges:
      "Every argument takes a single cell or a range. Ranges of the same shape combine cell by cell, a single cell applies to every cell of the other ranges, and ranges of different shapes give #VALUE!. The result spills in the shape of the input (a column in, a column out). An error in one cell stays in that cell's result; the others still compute.",
    errors: [
      [
        "#VALUE!",
        "text or TRUE/FALSE where a number belongs; ranges of different shapes (the message names the argument)",
      ],
      ["#N/A", "a blank cell where a number belongs (a blank is never read as 0)"],
    ],
    index: {
      intro:
        "Custom functions of the Dealer Marketing Power add-in (经销商营销力) for car dealerships (4S stores). Type them in any cell with the DEALER. prefix.",
      columns: ["Function", "What it returns"],
      other: { lang: "zh-CN", text: "中文帮助" },
    },
  },
  "zh-CN": {
    product: "经销商营销力",
    help: "函数帮助",
    allFunctions: "全部函数",
    headings: { formula: "公式", syntax: "语法", arguments: "参数", errors: "错误值", example: "计算示例" },
    argumentColumns: ["参数", "含义"],
    errorColumns: ["结果", "出现情况"],
    symbolSeparator: "：",
    noteSeparator: "",
    ranges:
      "每个参数都可以是单个单元格或一个区域。形状相同的区域逐个单元格计算，单个单元格会应用到其他区域的每个单元格，形状不同的区域返回 #VALUE!。结果按输入的方向溢出（输入一列，输出一列）。某个单元格的错误只留在该单元格的结果中，其余照常计算。",
    errors: [
      ["#VALUE!", "应填数字处为文本或 TRUE/FALSE；区域形状不一致（提示信息会指出是哪个参数）"],
      ["#N/A", "应填数字处为空白单元格（空白不会按 0 计算）"],
    ],
    index: {
      intro:
        "经销商营销力（Dealer Marketing Power）加载项为汽车经销商（4S 店）提供的自定义函数。在任意单元格中以 DEALER. 前缀输入。",
      columns: ["函数", "返回"],
      other: { lang: "en-US", text: "Help in English" },
    },
  },
};
