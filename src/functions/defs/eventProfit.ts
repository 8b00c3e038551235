import { eventProfit } from "../../core/eventProfit";
import { L } from "../../core/lang";
import { negative, numIf, outsideUnit } from "../../share/native";
import { ATTENDEES, CONVERSION_RATE, FIXED_COST, MARGIN_PER_BUYER, VARIABLE_COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "EVENT_PROFIT",
  fn: "eventProfit",
  zhName: "活动预期利润",
  description: L(
    "营销活动的预期利润：成交客户的单车毛利减去固定成本和到场来宾的变动成本，a·r·m − F − v·a；为负即亏损。",
    "Expected profit of a marketing event: buyers' margin less the fixed and per-attendee cost, a·r·m − F − v·a; negative is a loss.",
  ),
  args: [FIXED_COST, VARIABLE_COST, MARGIN_PER_BUYER, CONVERSION_RATE, ATTENDEES],
  checksEveryArgument: true,
  core: eventProfit,
  body: ([F, v, m, r, a]) =>
    numIf(
      [negative(F), negative(v), negative(m), outsideUnit(r), negative(a)],
      // The core's order of operations, so both give the very same number.
      `${a.text}*${r.text}*${m.text}-${F.text}-${v.text}*${a.text}`,
    ),
});

export const help: FunctionHelp = {
  symbols: {
    fixed_cost: "F",
    variable_cost_per_attendee: "v",
    margin_per_buyer: "m",
    conversion_rate: "r",
    attendees: "a",
  },
  "en-US": {
    formula:
      "profit = a·r·m − F − v·a: the buyers a·r times the gross profit per vehicle, less the event's costs",
    notes: {
      margin_per_buyer: "The marginal contribution of one sale.",
      attendees: "The break-even attendance is where the profit turns positive: see BREAKEVEN_ATTENDEES.",
    },
    errors: [["#NUM!", "a negative cost, margin or attendance; a conversion rate outside (0%, 100%]"]],
    example: [
      "F = ¥460,000, v = ¥1,500, m = ¥10,000 of gross profit per vehicle, 53.3% of attendees buy (64/120).",
      [
        "`={FN}(460000, 1500, 10000, 64/120, 150)` returns **¥115,000**: 80 buyers bring ¥800,000, less ¥460,000 and 150 × ¥1,500.",
        "`={FN}(460000, 1500, 10000, 64/120, 120)` returns ¥0: 120 attendees is exactly the break-even attendance.",
        "With attendances 80, 120, 160 in A2:A4, `={FN}(460000, 1500, 10000, 64/120, A2:A4)` spills −¥153,333, ¥0, ¥153,333 down a column.",
      ],
    ],
  },
  "zh-CN": {
    formula: "利润 = a·r·m − F − v·a：成交人数 a·r 乘以单车毛利，减去活动成本",
    notes: {
      margin_per_buyer: "即每位成交客户的边际贡献。",
      attendees: "利润由负转正的到场人数即保本到场人数。",
    },
    errors: [["#NUM!", "成本、单车毛利或到场人数为负；转化率不在 (0%, 100%] 内"]],
    example: [
      "F = ¥460,000，v = ¥1,500，单车毛利 m = ¥10,000，到场来宾中 53.3% 成交（64/120）。",
      [
        "`={FN}(460000, 1500, 10000, 64/120, 150)` 返回 **¥115,000**：80 位成交客户带来 ¥800,000，减去 ¥460,000 和 150 × ¥1,500。",
        "`={FN}(460000, 1500, 10000, 64/120, 120)` 返回 ¥0：120 人正是保本到场人数。",
        "A2:A4 为到场人数 80、120、160 时，`={FN}(460000, 1500, 10000, 64/120, A2:A4)` 向下溢出 −¥153,333、¥0、¥153,333。",
      ],
    ],
  },
};
