import { controlLevel } from "../../core/controlLevel";
import { L } from "../../core/lang";
import { ERR_VALUE } from "../../share/native";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "CONTROL_STATUS",
  fn: "controlStatus",
  zhName: "过程控制状态",
  description: L(
    "过程控制状态：1 为达标，0 为预警，−1 为失控。警戒线和控制线低于标准值时越高越好，高于标准值时越低越好（费用）。",
    "Process control status: 1 on target, 0 warning, −1 off track. Lines below the standard mean higher is better; lines above it mean lower is better (costs).",
  ),
  args: [
    {
      name: "value",
      kind: "value",
      zh: "数值",
      description: L(
        "本期的实际值（转化率、利润、费用……），可为负。",
        "This period's value (a rate, a profit, a cost …); may be negative.",
      ),
    },
    {
      name: "standard",
      kind: "value",
      zh: "标准值",
      description: L("该指标的标准值（目标）。", "The KPI's standard value (its target)."),
    },
    {
      name: "warning_line",
      kind: "value",
      zh: "警戒线",
      description: L(
        "警戒线：越过它即为预警；位于标准值与控制线之间。",
        "Warning line: beyond it the status is a warning; between the standard and the control line.",
      ),
    },
    {
      name: "control_line",
      kind: "value",
      zh: "控制线",
      description: L("控制线：越过它即为失控。", "Control line: beyond it the status is off track."),
    },
  ],
  core: controlLevel,
  body: ([x, s, w, c]) => {
    const below = `IF(${x.text}>=${w.text},1,IF(${x.text}>=${c.text},0,-1))`;
    const above = `IF(${x.text}<=${w.text},1,IF(${x.text}<=${c.text},0,-1))`;
    return `IF(AND(${c.text}<=${w.text},${w.text}<=${s.text}),${below},IF(AND(${c.text}>=${w.text},${w.text}>=${s.text}),${above},${ERR_VALUE}))`;
  },
});

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula:
      "lines below the standard (control ≤ warning ≤ standard): value ≥ warning → 1, ≥ control → 0, else −1; lines above it (control ≥ warning ≥ standard): value ≤ warning → 1, ≤ control → 0, else −1",
    notes: {
      value: "Profits and other amounts may be negative.",
      control_line: "The order of the lines tells the direction: no separate switch is needed.",
    },
    errors: [
      ["#VALUE!", "lines in neither order (the warning line outside the standard and the control line)"],
    ],
    example: [
      "A closing rate (成交率) with standard 30%, warning line 27% and control line 22% (higher is better):",
      [
        "`={FN}(31%, 30%, 27%, 22%)` returns **1** (on target); `={FN}(25%, 30%, 27%, 22%)` returns 0 (warning); `={FN}(20%, 30%, 27%, 22%)` returns −1 (off track).",
        "Cost per vehicle with standard ¥3,000, warning ¥3,300, control ¥3,600 (lower is better): `={FN}(3450, 3000, 3300, 3600)` returns 0.",
        "Twelve months of rates in B2:M2: `={FN}(B2:M2, 30%, 27%, 22%)` spills twelve statuses across a row, ready for conditional formatting.",
      ],
    ],
  },
  "zh-CN": {
    formula:
      "两条线低于标准值（控制线 ≤ 警戒线 ≤ 标准值）时：数值 ≥ 警戒线 → 1，≥ 控制线 → 0，否则 −1；高于标准值（控制线 ≥ 警戒线 ≥ 标准值）时：数值 ≤ 警戒线 → 1，≤ 控制线 → 0，否则 −1",
    notes: {
      value: "利润等金额可以为负。",
      control_line: "由各线的排列方向判断越高越好还是越低越好，无需另设开关。",
    },
    errors: [["#VALUE!", "各线排列方向不一致（警戒线不在标准值与控制线之间）"]],
    example: [
      "成交率的标准值 30%，警戒线 27%，控制线 22%（越高越好）：",
      [
        "`={FN}(31%, 30%, 27%, 22%)` 返回 **1**（达标）；`={FN}(25%, 30%, 27%, 22%)` 返回 0（预警）；`={FN}(20%, 30%, 27%, 22%)` 返回 −1（失控）。",
        "单车营销成本的标准值 ¥3,000，警戒线 ¥3,300，控制线 ¥3,600（越低越好）：`={FN}(3450, 3000, 3300, 3600)` 返回 0。",
        "B2:M2 为十二个月的转化率：`={FN}(B2:M2, 30%, 27%, 22%)` 横向溢出十二个状态，可直接设置条件格式。",
      ],
    ],
  },
};
