import { L } from "../../core/lang";
import { roi } from "../../core/roi";
import { ERR_DIV, negative, numIf, outsideUnit } from "../../share/native";
import { COST } from "../args";
import { defineElementwise } from "../define";
import type { FunctionHelp } from "../help";

export const def = defineElementwise({
  id: "ROI",
  fn: "roi",
  zhName: "投资回报率",
  description: L(
    "营销投资回报率：（销售收入 × 毛利率 − 营销成本）/ 营销成本；省略毛利率时即（销售收入 − 营销成本）/ 营销成本。",
    "Return on marketing investment: (revenue × margin − cost) / cost. Without margin, the plain (revenue − cost) / cost.",
  ),
  args: [
    {
      name: "revenue",
      kind: "amount",
      zh: "销售收入",
      description: L("营销带来的销售收入，金额。", "Sales revenue attributed to the marketing, in money."),
    },
    COST,
    {
      name: "margin",
      kind: "margin",
      optional: true,
      // An omitted margin is 100%: plain ROI on revenue.
      fallback: 1,
      zh: "毛利率",
      description: L(
        "可选。销售收入的毛利率，大于 0% 且不超过 100%；省略时为 100%。",
        "Optional. Gross margin on revenue, above 0% and at most 100%; 100% if omitted.",
      ),
    },
  ],
  checksEveryArgument: true,
  core: (revenue, cost, margin) => roi(revenue, cost, margin),
  body: ([revenue, cost, margin]) => {
    const [R, C] = [revenue.text, cost.text];
    const value = margin.literal === 1 ? `(${R}-${C})/${C}` : `(${R}*${margin.text}-${C})/${C}`;
    return numIf([negative(revenue), negative(cost), outsideUnit(margin)], `IF(${C}=0,${ERR_DIV},${value})`);
  },
});

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula:
      "ROI = (revenue × margin − cost) / cost; margin defaults to 100%, the plain (revenue − cost) / cost",
    notes: {
      revenue: "(销售收入)",
      cost: "(营销成本)",
      margin: "A blank cell given here is #N/A, not 100%.",
    },
    errors: [
      ["#NUM!", "negative revenue or cost; a margin outside (0%, 100%] (15 typed instead of 15%)"],
      ["#DIV/0!", "cost is 0: no ROI without cost"],
    ],
    example: [
      [
        "`={FN}(300000, 100000)` returns 200%: (300,000 − 100,000) / 100,000.",
        "`={FN}(1000000, 100000, 15%)` returns 50%: ROI on gross profit, (150,000 − 100,000) / 100,000.",
        "Per channel: `={FN}(C5:C20, D5:D20)` spills one ROI per row.",
      ],
    ],
  },
  "zh-CN": {
    formula:
      "ROI =（销售收入 × 毛利率 − 营销成本）/ 营销成本；毛利率默认为 100%，即（销售收入 − 营销成本）/ 营销成本",
    notes: { margin: "若引用空白单元格则返回 #N/A，而不是按 100% 计算。" },
    errors: [
      ["#NUM!", "销售收入或营销成本为负；毛利率不在 (0%, 100%] 内（误输入 15 而不是 15%）"],
      ["#DIV/0!", "营销成本为 0：没有成本就没有 ROI"],
    ],
    example: [
      [
        "`={FN}(300000, 100000)` 返回 200%：（300,000 − 100,000）/ 100,000。",
        "`={FN}(1000000, 100000, 15%)` 返回 50%：按毛利计算，（150,000 − 100,000）/ 100,000。",
        "按渠道：`={FN}(C5:C20, D5:D20)` 每行溢出一个 ROI。",
      ],
    ],
  },
};
