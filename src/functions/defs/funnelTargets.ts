import { domainError, isDomainError } from "../../core/errors";
import { funnelTargetsByStage } from "../../core/funnel";
import { L } from "../../core/lang";
import { ceilSafe, guardNumber, negative, numIf, outsideUnit, type Arg } from "../../share/native";
import { Freeze } from "../../share/planning";
import { at, coerceGrid, type Num } from "../coerce";
import { fitsSeries, layOut, orientationOf, seriesOf, type Result } from "../compute";
import type { FunctionDef } from "../define";
import type { FunctionHelp } from "../help";

function compute(target: unknown, stepRatesValue: unknown): Result {
  const rates = coerceGrid(stepRatesValue, "step_rates");
  if (isDomainError(rates)) return rates;
  const targets = coerceGrid(target, "target");
  if (isDomainError(targets)) return targets;
  const orientation = orientationOf(rates);
  const series = seriesOf(rates, orientation);
  if (!fitsSeries(targets, series.length)) return domainError("shapeMismatch", "target");
  const stages: Num[][] = new Array<Num[]>(series.length);
  for (let i = 0; i < series.length; i++) stages[i] = funnelTargetsByStage(at(targets, i, 0), series[i]);
  return layOut(stages, orientation);
}

/** The last stage of backward planning: the target, rounded up. */
function lastStage(target: Arg): string {
  return guardNumber(target, numIf([negative(target)], ceilSafe(target.text)));
}

/** Stage k of backward planning from the (already computed) stage after it and step rate k. */
function stepStage(next: string, rate: Arg): string {
  return `IF(ISERROR(${next}),${next},${guardNumber(rate, numIf([outsideUnit(rate)], ceilSafe(`${next}/${rate.text}`)))})`;
}

export const def: FunctionDef = {
  id: "FUNNEL_TARGETS",
  fn: "funnelTargets",
  zhName: "漏斗分段目标",
  description: L(
    "倒推漏斗目标：为使最后阶段达到目标，各阶段须达到的人数，最早阶段在前，每个阶段向上取整到整人。",
    "Plans the funnel backwards: the count each stage must reach so the last stage reaches the target, earliest stage first, rounded up to whole people.",
  ),
  args: [
    {
      name: "target",
      kind: "count",
      zh: "目标成交数",
      description: L(
        "最后阶段的目标人数（例如销售台数）。",
        "Target count for the last stage (for example vehicles to sell).",
      ),
    },
    {
      name: "step_rates",
      kind: "rates",
      zh: "各步转化率",
      description: L(
        "各阶段之间的预计转化率，最早在前，每个大于 0% 且不超过 100%：一行或一列。",
        "Expected step rates between stages, earliest first, each above 0% and at most 100%: a row or a column.",
      ),
    },
  ],
  compute,
  shape: ([, rates]) => {
    if (!rates) return undefined;
    // As the wrapper lays it out: a row (also a single cell) gives a row, a column a column, a block
    // one row of stages per series.
    return rates.cols === 1 && rates.rows > 1
      ? { rows: rates.rows + 1, cols: 1 }
      : { rows: rates.rows, cols: rates.cols + 1 };
  },
  native: {
    // Several values: inside a larger formula there is no classic equivalent.
    cells: (ctx, shape) => {
      const rates = ctx.shapes[1];
      if (!ctx.given(0) || !rates) throw new Freeze("unknownShape");
      const target = ctx.scalar(0);
      const down = rates.cols === 1 && rates.rows > 1;
      const n = down ? rates.rows : rates.cols;
      const out: string[][] = Array.from({ length: shape.rows }, () =>
        new Array<string>(shape.cols).fill(""),
      );
      // Stage k of series s sits at (s, k) across, or (k, 1) down the column; each earlier stage
      // reads the cell of the stage after it.
      const put = (s: number, k: number, formula: string): void => {
        if (down) out[k - 1][0] = formula;
        else out[s - 1][k - 1] = formula;
      };
      for (let s = 1; s <= (down ? 1 : rates.rows); s++) {
        put(s, n + 1, lastStage(target));
        for (let k = n; k >= 1; k--) {
          const next = down ? ctx.cell(k + 1, 1) : ctx.cell(s, k + 1);
          const rate = down ? ctx.element(1, k, 1) : ctx.element(1, s, k);
          put(s, k, stepStage(next, rate));
        }
      }
      return out;
    },
  },
};

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula: "last stage = ⌈target⌉; stage k = ⌈stage(k+1) / rate(k)⌉, working backwards",
    notes: {
      target: "With a block of rates, one target per row or one for all.",
      step_rates: "Or a block, one series per row.",
    },
    errors: [
      [
        "#NUM!",
        "a negative target; a rate outside (0%, 100%] — only the stages before that rate show the error",
      ],
      ["#VALUE!", "several targets for a single series of rates"],
    ],
    example: [
      "To sell 60 cars with lead capture 8%, retention 50% and closing 30% in B2:D2: `={FN}(60, B2:D2)` spills **5,000 · 400 · 200 · 60** across a row: the market contacts, prospects, target customers and buyers each stage must deliver. One more value than rates; each rounded up to whole people.",
    ],
  },
  "zh-CN": {
    formula: "最后阶段 = ⌈目标⌉；第 k 阶段 = ⌈第 k+1 阶段 / 第 k 步转化率⌉，由后向前推算",
    notes: {
      target: "各步转化率为多行区域时，可每行一个目标或共用一个。",
      step_rates: "也可以是每行一个序列的区域。",
    },
    errors: [
      ["#NUM!", "目标为负；转化率不在 (0%, 100%] 内——只有该转化率之前的阶段显示错误"],
      ["#VALUE!", "一组转化率对应了多个目标"],
    ],
    example: [
      "目标销售 60 台，B2:D2 为集客率 8%、留客率 50%、成交率 30%：`={FN}(60, B2:D2)` 横向溢出 **5,000 · 400 · 200 · 60**，即市场客户、潜在客户、目标客户和成交客户各阶段须达到的人数。结果比转化率多一个值，每个向上取整到整人。",
    ],
  },
};
