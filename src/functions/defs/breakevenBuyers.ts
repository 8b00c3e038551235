import { breakevenBuyers } from "../../core/breakeven";
import { L } from "../../core/lang";
import { ceilSafe, ERR_DIV, negative, numIf } from "../../share/native";
import { ATTENDEES, FIXED_COST, MARGIN_PER_BUYER, VARIABLE_COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "BREAKEVEN_BUYERS",
  fn: "breakevenBuyers",
  zhName: "保本成交人数",
  description: L(
    "在给定到场人数下，活动保本所需的成交客户数，⌈(F + v·a) / m⌉。",
    "Buyers an event needs at a given attendance to break even, ⌈(F + v·a) / m⌉.",
  ),
  args: [FIXED_COST, VARIABLE_COST, MARGIN_PER_BUYER, ATTENDEES],
  checksEveryArgument: true,
  core: breakevenBuyers,
  body: ([F, v, m, a]) =>
    numIf(
      [negative(F), negative(v), negative(m), negative(a)],
      `IF(${m.text}=0,${ERR_DIV},${ceilSafe(`(${F.text}+${v.text}*${a.text})/${m.text}`)})`,
    ),
});

export const help: FunctionHelp = {
  symbols: { fixed_cost: "F", variable_cost_per_attendee: "v", margin_per_buyer: "m", attendees: "a" },
  "en-US": {
    formula: "B(a) = ⌈(F + v·a) / m⌉",
    notes: {
      margin_per_buyer: "A buyer is a real customer (真实客户); m is the marginal contribution of one sale.",
    },
    errors: [
      ["#NUM!", "a negative cost, margin or attendance"],
      ["#DIV/0!", "margin_per_buyer is 0"],
    ],
    example: [
      "An event with F = ¥460,000, v = ¥1,500 and m = ¥10,000 of gross profit per vehicle: at least 46 guests must become real customers before it pays off, and with 120 attendees 64 must buy, a success rate of 53%.",
      [
        "`={FN}(460000, 1500, 10000, 120)` returns **64**: (460,000 + 180,000) / 10,000 = 64; 64 / 120 = 53.3%.",
        "`={FN}(460000, 1500, 10000, 0)` returns 46: the fixed cost alone needs 46 buyers.",
        "With attendances 80, 120, 160 in B2:B4, `={FN}(460000, 1500, 10000, B2:B4)` spills 58, 64, 70 down a column.",
      ],
    ],
  },
  "zh-CN": {
    formula: "B(a) = ⌈(F + v·a) / m⌉",
    notes: { margin_per_buyer: "即每位成交客户的边际贡献。" },
    errors: [
      ["#NUM!", "成本、单车毛利或到场人数为负"],
      ["#DIV/0!", "单车毛利为 0"],
    ],
    example: [
      "某活动 F = ¥460,000，v = ¥1,500，单车毛利 m = ¥10,000：至少要有 46 名来宾成为成交客户才有效益；到场 120 人时需要 64 人成交，成功率达到 53%。",
      [
        "`={FN}(460000, 1500, 10000, 120)` 返回 **64**：（460,000 + 180,000）/ 10,000 = 64；64 / 120 = 53.3%。",
        "`={FN}(460000, 1500, 10000, 0)` 返回 46：仅固定成本就需要 46 位成交客户。",
        "B2:B4 为到场人数 80、120、160 时，`={FN}(460000, 1500, 10000, B2:B4)` 向下溢出 58、64、70。",
      ],
    ],
  },
};
