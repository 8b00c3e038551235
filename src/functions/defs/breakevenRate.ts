import { breakevenRate } from "../../core/breakevenRate";
import { L } from "../../core/lang";
import { ceilSafe, ERR_DIV, negative, numIf } from "../../share/native";
import { ATTENDEES, FIXED_COST, MARGIN_PER_BUYER, VARIABLE_COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "BREAKEVEN_RATE",
  fn: "breakevenRate",
  zhName: "保本成交率",
  description: L(
    "在给定到场人数下，活动保本所需的成交转化率：保本成交人数 / 到场人数，⌈(F + v·a) / m⌉ / a；超过 100% 照实返回。",
    "The conversion an event needs at a given attendance to break even: break-even buyers over attendees, ⌈(F + v·a) / m⌉ / a; above 100% is returned as it is.",
  ),
  args: [FIXED_COST, VARIABLE_COST, MARGIN_PER_BUYER, ATTENDEES],
  checksEveryArgument: true,
  core: breakevenRate,
  body: ([F, v, m, a]) =>
    numIf(
      [negative(F), negative(v), negative(m), negative(a)],
      `IF(${m.text}=0,${ERR_DIV},IF(${a.text}=0,${ERR_DIV},${ceilSafe(`(${F.text}+${v.text}*${a.text})/${m.text}`)}/${a.text}))`,
    ),
});

export const help: FunctionHelp = {
  symbols: { fixed_cost: "F", variable_cost_per_attendee: "v", margin_per_buyer: "m", attendees: "a" },
  "en-US": {
    formula: "required conversion = B(a) / a = ⌈(F + v·a) / m⌉ / a",
    notes: {
      margin_per_buyer: "The marginal contribution of one sale.",
      attendees: "Compare the result with the conversion you expect: below it, the event pays off.",
    },
    errors: [
      ["#NUM!", "a negative cost, margin or attendance"],
      ["#DIV/0!", "margin_per_buyer is 0, or no attendees"],
    ],
    example: [
      "F = ¥460,000, v = ¥1,500, m = ¥10,000 of gross profit per vehicle.",
      [
        "`={FN}(460000, 1500, 10000, 120)` returns **53.3%**: 64 of the 120 attendees must buy.",
        "With attendances 80, 120, 160 in A2:A4, `={FN}(460000, 1500, 10000, A2:A4)` spills 72.5%, 53.3%, 43.8%: the more attendees, the lower the conversion needed.",
        "`={FN}(460000, 1500, 10000, 40)` returns 130%: with 40 attendees even everyone buying does not pay for the event.",
      ],
    ],
  },
  "zh-CN": {
    formula: "保本成交率 = B(a) / a = ⌈(F + v·a) / m⌉ / a",
    notes: {
      margin_per_buyer: "即每位成交客户的边际贡献。",
      attendees: "与预计的成交转化率比较：预计值高于结果时活动有效益。",
    },
    errors: [
      ["#NUM!", "成本、单车毛利或到场人数为负"],
      ["#DIV/0!", "单车毛利为 0，或到场人数为 0"],
    ],
    example: [
      "F = ¥460,000，v = ¥1,500，单车毛利 m = ¥10,000。",
      [
        "`={FN}(460000, 1500, 10000, 120)` 返回 **53.3%**：120 名来宾中须有 64 人成交。",
        "A2:A4 为到场人数 80、120、160 时，`={FN}(460000, 1500, 10000, A2:A4)` 向下溢出 72.5%、53.3%、43.8%：到场人数越多，所需成交率越低。",
        "`={FN}(460000, 1500, 10000, 40)` 返回 130%：只有 40 人到场时，即使人人成交也无法保本。",
      ],
    ],
  },
};
