import { breakevenAttendees } from "../../core/breakeven";
import { L } from "../../core/lang";
import { ceilSafe, negative, notClearlyGreater, numIf, outsideUnit } from "../../share/native";
import { CONVERSION_RATE, FIXED_COST, MARGIN_PER_BUYER, VARIABLE_COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "BREAKEVEN_ATTENDEES",
  fn: "breakevenAttendees",
  zhName: "保本到场人数",
  description: L(
    "营销活动保本人数：成交客户的单车毛利足以覆盖固定成本和每人变动成本的最少到场人数，⌈F / (r·m − v)⌉。",
    "Break-even attendance of a marketing event: the fewest attendees at which buyers' margin covers fixed and per-attendee cost, ⌈F / (r·m − v)⌉.",
  ),
  args: [FIXED_COST, VARIABLE_COST, MARGIN_PER_BUYER, CONVERSION_RATE],
  checksEveryArgument: true,
  core: breakevenAttendees,
  body: ([F, v, m, r]) => {
    const rm = `${r.text}*${m.text}`;
    return numIf(
      // r·m ≤ v within the core's tolerance: the event never breaks even.
      [negative(F), negative(v), negative(m), outsideUnit(r), notClearlyGreater(rm, v.text)],
      ceilSafe(`${F.text}/(${rm}-${v.text})`),
    );
  },
});

export const help: FunctionHelp = {
  symbols: { fixed_cost: "F", variable_cost_per_attendee: "v", margin_per_buyer: "m", conversion_rate: "r" },
  "en-US": {
    formula: "a* = ⌈F / (r·m − v)⌉, defined only where r·m > v",
    notes: {
      margin_per_buyer: "A buyer is a real customer (真实客户); economists call m the marginal contribution.",
      conversion_rate: "Type 15% or 0.15, not 15.",
    },
    errors: [
      [
        "#NUM!",
        "a negative cost or margin; a conversion rate outside (0%, 100%]; r·m ≤ v, so each extra attendee loses money and the event never breaks even (r·m equal to v counts, even where floating point makes 7% × 10,000 a hair above 700)",
      ],
    ],
    example: [
      "m = ¥10,000 of gross profit per vehicle, F = ¥460,000, v = ¥1,500, and 64 of 120 attendees buy (r = 64/120 ≈ 53.3%).",
      [
        "`={FN}(460000, 1500, 10000, 64/120)` returns **120**: 460,000 / (5,333.33… − 1,500) = 120 exactly. Rounding up is float-safe: the 120.0000000001 of floating point does not become 121.",
        "`={FN}(100000, 700, 10000, 7%)` returns #NUM!: each buyer's ¥700 share of margin only pays an attendee's ¥700, so no attendance breaks even.",
      ],
    ],
  },
  "zh-CN": {
    formula: "a* = ⌈F / (r·m − v)⌉，仅当 r·m > v 时有解",
    notes: {
      margin_per_buyer: "即每位成交客户的边际贡献。",
      conversion_rate: "输入 15% 或 0.15，而不是 15。",
    },
    errors: [
      [
        "#NUM!",
        "成本或单车毛利为负；转化率不在 (0%, 100%] 内；r·m ≤ v，每多一位来宾都亏损，活动永远无法保本（r·m 等于 v 也算在内，即使浮点运算使 7% × 10,000 略大于 700）",
      ],
    ],
    example: [
      "单车毛利 m = ¥10,000，F = ¥460,000，v = ¥1,500，120 名来宾中有 64 人成交（r = 64/120 ≈ 53.3%）。",
      [
        "`={FN}(460000, 1500, 10000, 64/120)` 返回 **120**：460,000 / (5,333.33… − 1,500) 恰为 120。向上取整不受浮点误差影响：120.0000000001 不会变成 121。",
        "`={FN}(100000, 700, 10000, 7%)` 返回 #NUM!：每位来宾带来的 ¥700 毛利只够抵消 ¥700 的变动成本，到场人数再多也无法保本。",
      ],
    ],
  },
};
