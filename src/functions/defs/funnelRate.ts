import { domainError, isDomainError } from "../../core/errors";
import { cumulativeRate, stepRates } from "../../core/funnel";
import { L } from "../../core/lang";
import { ERR_DIV, ERR_VALUE, guardAll, guardNumber, negative, numIf, type Arg } from "../../share/native";
import { Freeze, SCALAR } from "../../share/planning";
import { COUNTS } from "../args";
import { at, coerceGrid, isOmitted, type Grid, type Num } from "../coerce";
import { fitsSeries, layOut, orientationOf, seriesOf, type Result } from "../compute";
import type { FunctionDef } from "../define";
import type { FunctionHelp } from "../help";

function compute(counts: unknown, fromStage?: unknown, toStage?: unknown): Result {
  const grid = coerceGrid(counts, "counts");
  if (isDomainError(grid)) return grid;
  const orientation = orientationOf(grid);
  if (grid.length * grid[0].length < 2) return domainError("tooFewStages", "counts");
  const series = seriesOf(grid, orientation);

  const noFrom = isOmitted(fromStage);
  const noTo = isOmitted(toStage);
  if (noFrom && noTo) {
    const rates: Num[][] = new Array<Num[]>(series.length);
    for (let i = 0; i < series.length; i++) rates[i] = stepRates(series[i]);
    return layOut(rates, orientation);
  }
  if (noFrom !== noTo) return domainError("missingStage", noFrom ? "from_stage" : "to_stage");

  // One rate per series: a single value for a row or column, a column of them for a block.
  const from = coerceGrid(fromStage, "from_stage");
  if (isDomainError(from)) return from;
  const to = coerceGrid(toStage, "to_stage");
  if (isDomainError(to)) return to;
  if (!fitsSeries(from, series.length)) return domainError("shapeMismatch", "from_stage");
  if (!fitsSeries(to, series.length)) return domainError("shapeMismatch", "to_stage");
  const out: Grid<Num> = new Array<Num[]>(series.length);
  for (let i = 0; i < series.length; i++) {
    const f = at(from, i, 0);
    const t = at(to, i, 0);
    if (typeof f !== "number") out[i] = [f];
    else if (typeof t !== "number") out[i] = [t];
    else out[i] = [cumulativeRate(series[i], f, t)];
  }
  return out;
}

/** A stage count as the core checks it: its own error, blank → #N/A, text → #VALUE!, negative → #NUM!. */
function checkCount(k: Arg, then: string): string {
  return guardNumber(k, numIf([negative(k)], then));
}

/** count(to) / count(from), with the core's checks of both counts and the zero denominator. */
export function ratioFormula(from: Arg, to: Arg): string {
  return checkCount(from, checkCount(to, `IF(${from.text}=0,${ERR_DIV},${to.text}/${from.text})`));
}

/**
 * Cumulative rate of one series of n counts between stage numbers given as formula text;
 * `element(stageText)` yields the text of that series' count at a (dynamic) stage.
 */
function cumulativeFormula(n: number, fromStage: Arg, toStage: Arg, element: (stage: string) => Arg): string {
  if (n < 2) return ERR_VALUE;
  const f = fromStage.text;
  const t = toStage.text;
  // Stages typed as numbers are checked here, once, instead of in every recalculation.
  const [lf, lt] = [fromStage.literal, toStage.literal];
  if (lf !== undefined && lt !== undefined) {
    const ok = (x: number): boolean => Number.isInteger(x) && x >= 1 && x <= n;
    return ok(lf) && ok(lt) && lf < lt ? ratioFormula(element(String(lf)), element(String(lt))) : ERR_VALUE;
  }
  const stageBad = `OR(${f}<>INT(${f}),${f}<1,${f}>${n},${t}<>INT(${t}),${t}<1,${t}>${n},${f}>=${t})`;
  return guardAll(
    [fromStage, toStage],
    `IF(${stageBad},${ERR_VALUE},${ratioFormula(element(f), element(t))})`,
  );
}

export const def: FunctionDef = {
  id: "FUNNEL_RATE",
  fn: "funnelRate",
  zhName: "漏斗转化率",
  description: L(
    "客户漏斗转化率：每个阶段人数除以上一阶段人数；给出阶段编号时，返回从起始阶段到结束阶段的累计转化率。",
    "Funnel conversion rates: each stage's count divided by the stage before it, or, with stage numbers, the cumulative rate from one stage to another.",
  ),
  args: [
    COUNTS,
    {
      name: "from_stage",
      kind: "stage",
      optional: true,
      zh: "起始阶段",
      description: L(
        "可选。起始阶段编号，1 表示区域中的第一个阶段。",
        "Optional. Start stage number, 1 = first stage of the range.",
      ),
    },
    {
      name: "to_stage",
      kind: "stage",
      optional: true,
      zh: "结束阶段",
      description: L(
        "可选。结束阶段编号，须在起始阶段之后。",
        "Optional. End stage number, after from_stage.",
      ),
    },
  ],
  compute,
  shape: ([counts, from, to]) => {
    if (!counts) return undefined;
    const staged = from !== null && from !== undefined && to !== null && to !== undefined;
    const multi = counts.rows > 1 && counts.cols > 1;
    if (staged) return multi ? { rows: counts.rows, cols: 1 } : SCALAR;
    if (multi) return { rows: counts.rows, cols: counts.cols - 1 };
    return counts.rows === 1 ? { rows: 1, cols: counts.cols - 1 } : { rows: counts.rows - 1, cols: 1 };
  },
  native: {
    scalar: (ctx) => {
      const shape = ctx.shapes[0];
      if (!shape) throw new Freeze("unknownShape", "counts");
      if (!ctx.given(1) || !ctx.given(2) || (shape.rows > 1 && shape.cols > 1))
        throw new Freeze("arrayResult");
      const series = ctx.series(0, 1);
      return cumulativeFormula(series.n, ctx.scalar(1), ctx.scalar(2), series.at);
    },
    cells: (ctx, shape) => {
      const counts = ctx.shapes[0];
      if (!counts) throw new Freeze("unknownShape", "counts");
      if (ctx.given(1) && ctx.given(2)) {
        const [from, to] = [ctx.scalar(1), ctx.scalar(2)];
        return Array.from({ length: shape.rows }, (_, i) => {
          const s = ctx.series(0, i + 1);
          return [cumulativeFormula(s.n, from, to, s.at)];
        });
      }
      if (ctx.given(1) || ctx.given(2)) throw new Freeze("unknownShape", "from_stage/to_stage");
      if (Math.max(counts.rows, counts.cols) < 2) throw new Freeze("unknownShape", "counts");
      const across = (counts.rows > 1 && counts.cols > 1) || counts.rows === 1;
      // Element (i, j) divides count k+1 by count k of its series.
      return Array.from({ length: shape.rows }, (_, r) =>
        Array.from({ length: shape.cols }, (_, c) => {
          const [i, j] = [r + 1, c + 1];
          return across
            ? ratioFormula(ctx.element(0, i, j), ctx.element(0, i, j + 1))
            : ratioFormula(ctx.element(0, i, j), ctx.element(0, i + 1, j));
        }),
      );
    },
  },
};

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula:
      "step rate = count(stage k+1) / count(stage k); cumulative rate = count(to_stage) / count(from_stage)",
    notes: {
      counts: "The stages run across a block.",
      to_stage: "Give both stage numbers or neither.",
    },
    errors: [
      ["#NUM!", "a negative count"],
      ["#DIV/0!", "a stage with 0 people divides the next one"],
      [
        "#VALUE!",
        "fewer than 2 stages; a stage number that is not whole, is outside 1…number of stages, or from_stage ≥ to_stage",
      ],
    ],
    example: [
      "A2:A7 hold the six stages of one month: 10,000 market contacts (市场客户), 800 prospects (潜在客户), 400 target customers (目标客户), 120 real customers (真实客户), 100 lifetime customers (终身客户), 60 loyal customers (忠诚客户).",
      [
        "`={FN}(A2:A7)` spills a column of five step rates: 8% (lead capture 集客率), 50% (retention 留客率), 30% (closing 成交率), 83.3% (service return 回厂率), 60% (loyalty 保有率).",
        "`={FN}(A2:A7, 1, 4)` returns 1.2%: 120 buyers out of 10,000 contacts.",
      ],
      "A rate above 100% (more customers in a later stage than in an earlier one, e.g. carried over from an earlier period) is returned as it is.",
    ],
  },
  "zh-CN": {
    formula: "分步转化率 = 第 k+1 阶段人数 / 第 k 阶段人数；累计转化率 = 结束阶段人数 / 起始阶段人数",
    notes: {
      counts: "多行区域中阶段横向排列。",
      to_stage: "两个阶段编号须同时填写或同时省略。",
    },
    errors: [
      ["#NUM!", "人数为负"],
      ["#DIV/0!", "某阶段人数为 0，无法作为下一阶段的分母"],
      ["#VALUE!", "少于 2 个阶段；阶段编号不是整数、超出 1 至阶段数的范围，或起始阶段 ≥ 结束阶段"],
    ],
    example: [
      "A2:A7 为某月的六个阶段：市场客户 10,000 人、潜在客户 800 人、目标客户 400 人、真实客户 120 人、终身客户 100 人、忠诚客户 60 人。",
      [
        "`={FN}(A2:A7)` 溢出一列五个分步转化率：8%（集客率）、50%（留客率）、30%（成交率）、83.3%（回厂率）、60%（保有率）。",
        "`={FN}(A2:A7, 1, 4)` 返回 1.2%：10,000 名市场客户中成交 120 人。",
      ],
      "后一阶段人数多于前一阶段（例如上期结转的客户）时，转化率超过 100%，照实返回。",
    ],
  },
};
