import { attainment } from "../../core/attainment";
import { L } from "../../core/lang";
import { ERR_DIV, logicalText, negative, numIf } from "../../share/native";
import { HIGHER_IS_BETTER } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "ATTAINMENT",
  fn: "attainment",
  zhName: "目标达成率",
  description: L(
    "目标达成率：实际值 / 目标值；越低越好时（费用、单车成本）为目标值 / 实际值。100% 即达标，高于 100% 即优于目标。",
    "Attainment of a target: actual / target, or target / actual where lower is better (spend, cost per vehicle). 100% is on target, above it better.",
  ),
  args: [
    {
      name: "actual",
      kind: "amount",
      zh: "实际值",
      description: L(
        "实际完成的数值（销量、费用……），不能为负。",
        "The actual figure (sales, spend …), not negative.",
      ),
    },
    {
      name: "target",
      kind: "amount",
      zh: "目标值",
      description: L("计划的目标或预算，不能为负。", "The planned target or budget, not negative."),
    },
    HIGHER_IS_BETTER,
  ],
  core: (actual, target, higher) => attainment(actual, target, higher !== 0),
  body: ([actual, target, higher]) => {
    const [A, T] = [actual.text, target.text];
    const up = `IF(${T}=0,${ERR_DIV},${A}/${T})`;
    const down = `IF(${A}=0,${ERR_DIV},${T}/${A})`;
    const h = logicalText(higher);
    const value = h === "TRUE" ? up : h === "FALSE" ? down : `IF(${h},${up},${down})`;
    return numIf([negative(actual), negative(target)], value);
  },
});

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula: "attainment = actual / target; where higher_is_better is FALSE, target / actual",
    notes: {
      higher_is_better: "A blank cell given here is #N/A, not TRUE.",
    },
    errors: [
      ["#NUM!", "a negative actual or target"],
      ["#DIV/0!", "target is 0 (higher is better), or actual is 0 (lower is better)"],
      ["#VALUE!", "text in higher_is_better"],
    ],
    example: [
      [
        "`={FN}(108, 100)` returns **108%**: 108 vehicles sold against a target of 100.",
        "`={FN}(1080000, 1000000, FALSE)` returns **92.6%**: ¥1,080,000 spent against a budget of ¥1,000,000.",
        "Per month: `={FN}(B5:M5, B4:M4)` spills twelve attainments across a row.",
      ],
    ],
  },
  "zh-CN": {
    formula: "达成率 = 实际值 / 目标值；越高越好为 FALSE 时，目标值 / 实际值",
    notes: { higher_is_better: "若引用空白单元格则返回 #N/A，而不是按 TRUE 计算。" },
    errors: [
      ["#NUM!", "实际值或目标值为负"],
      ["#DIV/0!", "目标值为 0（越高越好），或实际值为 0（越低越好）"],
      ["#VALUE!", "越高越好处为文本"],
    ],
    example: [
      [
        "`={FN}(108, 100)` 返回 **108%**：目标 100 台，实际销售 108 台。",
        "`={FN}(1080000, 1000000, FALSE)` 返回 **92.6%**：预算 ¥1,000,000，实际花费 ¥1,080,000。",
        "按月：`={FN}(B5:M5, B4:M4)` 横向溢出十二个达成率。",
      ],
    ],
  },
};
