import { costPerSale } from "../../core/costPerSale";
import { L } from "../../core/lang";
import { ERR_DIV, negative, numIf } from "../../share/native";
import { COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "COST_PER_SALE",
  fn: "costPerSale",
  zhName: "单车营销成本",
  description: L(
    "单车营销成本：营销成本 / 销售台数。",
    "Marketing cost per vehicle sold: cost / vehicles sold.",
  ),
  args: [
    COST,
    {
      name: "vehicles_sold",
      kind: "count",
      zh: "销售台数",
      description: L("销售的车辆台数。", "Number of vehicles sold."),
    },
  ],
  checksEveryArgument: true,
  core: (cost, vehicles) => costPerSale(cost, vehicles),
  body: ([cost, vehicles]) =>
    numIf(
      [negative(cost), negative(vehicles)],
      `IF(${vehicles.text}=0,${ERR_DIV},${cost.text}/${vehicles.text})`,
    ),
});

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula: "cost per vehicle sold (单车营销成本) = marketing cost / vehicles sold",
    notes: { vehicles_sold: "Count the vehicles of the same period as the cost." },
    errors: [
      ["#NUM!", "a negative cost or number of vehicles"],
      ["#DIV/0!", "no vehicles sold"],
    ],
    example: [
      "`={FN}(250000, 50)` returns ¥5,000 per vehicle. With monthly costs in B2:M2 and vehicles in B3:M3, `={FN}(B2:M2, B3:M3)` spills twelve values across a row.",
    ],
  },
  "zh-CN": {
    formula: "单车营销成本 = 营销成本 / 销售台数",
    notes: { vehicles_sold: "与营销成本同期。" },
    errors: [
      ["#NUM!", "营销成本或销售台数为负"],
      ["#DIV/0!", "销售台数为 0"],
    ],
    example: [
      "`={FN}(250000, 50)` 返回每台 ¥5,000。B2:M2 为各月营销成本、B3:M3 为各月销售台数时，`={FN}(B2:M2, B3:M3)` 横向溢出十二个值。",
    ],
  },
};
