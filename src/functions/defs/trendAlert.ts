import { isDomainError } from "../../core/errors";
import { L } from "../../core/lang";
import { seriesTrend } from "../../core/seriesTrend";
import {
  arg,
  ERR_NUM,
  ERR_VALUE,
  guardLogical,
  guardNumber,
  logicalText,
  passError,
  type Arg,
} from "../../share/native";
import { Freeze, SCALAR, type CallContext, type RangeRef } from "../../share/planning";
import { HIGHER_IS_BETTER } from "../args";
import { coerceGrid } from "../coerce";
import { orientationOf, perSeriesArgument, seriesOf, type Result, type Value } from "../compute";
import type { FunctionDef } from "../define";
import type { FunctionHelp } from "../help";

function compute(series: unknown, periods?: unknown, higher?: unknown): Result {
  const grid = coerceGrid(series, "series");
  if (isDomainError(grid)) return grid;
  const list = seriesOf(grid, orientationOf(grid));
  const p = perSeriesArgument(periods, "periods", "number", list.length, 3);
  if (isDomainError(p)) return p;
  const h = perSeriesArgument(higher, "higher_is_better", "logical", list.length, 1);
  if (isDomainError(h)) return h;
  return list.map((values, i): Value[] => {
    const pi = p.length === 1 ? p[0][0] : p[i][0];
    const hi = h.length === 1 ? h[0][0] : h[i][0];
    if (isDomainError(pi)) return [pi];
    if (isDomainError(hi)) return [hi];
    return [seriesTrend(values, pi, hi !== 0)];
  });
}

/** MAX of many terms, nested in groups so no call has more than Excel's 255 arguments. */
function maxOf(terms: readonly string[]): string {
  if (terms.length <= 250) return `MAX(${terms.join(",")})`;
  const groups: string[] = [];
  for (let i = 0; i < terms.length; i += 250) groups.push(maxOf(terms.slice(i, i + 250)));
  return maxOf(groups);
}

/**
 * The rule of seriesTrend over one row or column of cells, for any engine without dynamic arrays:
 * SUMPRODUCT evaluates its nested expressions as arrays everywhere, so it finds the last filled
 * cell L (trailing blanks ignored) and looks at the window L−periods … L through INDEX(R,a):INDEX(R,b).
 * A blank is an empty cell or "" (what Excel hands the custom function for either); errors, text,
 * gaps and moves are counted over the window as the core checks them. LibreOffice reads TRUE/FALSE
 * in an array as 1/0 (ISLOGICAL is FALSE there), so logicals are found cell by cell instead.
 */
export function trendFormula(R: RangeRef, P: Arg, H: Arg | undefined): string {
  const byColumn = R.shape.cols === 1 && R.shape.rows > 1;
  const n = byColumn ? R.shape.rows : R.shape.cols;
  const r = R.text;
  const p = P.literal === undefined ? P.text : String(P.literal);
  const pos = byColumn ? "ROW" : "COLUMN";
  const idx = `(${pos}(${r})-MIN(${pos}(${r}))+1)`;
  const filled = `(1-ISBLANK(${r})-ISTEXT(${r})*ISERROR(1/LEN(${r})))`;
  const last = `SUMPRODUCT(MAX(${filled}*${idx}))`;
  const start = `(${last}-${p})`;
  const inWindow = `(${idx}>=${start})`;
  const latestError = `SUMPRODUCT(MAX(ISERROR(${r})*${idx}*${inWindow}))`;
  const text = `SUMPRODUCT(ISTEXT(${r})*(1-ISERROR(1/LEN(${r})))*${inWindow})>0`;
  const cell = (k: number): string => (byColumn ? R.cell(k, 1) : R.cell(1, k));
  const logicals = maxOf(
    Array.from({ length: n }, (_, k) => `ISLOGICAL(${cell(k + 1)})${k > 0 ? `*${k + 1}` : ""}`),
  );
  const gap = `SUMPRODUCT(${filled}*${inWindow})<=${p}`;
  // Each earlier value against the next: > where falling moves toward the lines, < where rising does.
  const moved = (op: string): string =>
    `SUMPRODUCT(--(INDEX(${r},${start}):INDEX(${r},${last}-1)${op}INDEX(${r},${start}+1):INDEX(${r},${last})))=${p}`;
  const h = H === undefined ? "TRUE" : logicalText(H);
  const moves =
    h === "TRUE" ? moved(">") : h === "FALSE" ? moved("<") : `IF(${h},${moved(">")},${moved("<")})`;
  const body =
    `IF(${last}<=${p},FALSE,IF(${latestError}>0,${passError(`INDEX(${r},${latestError})`)},` +
    `IF(OR(${text},${logicals}>=${start}),${ERR_VALUE},IF(${gap},FALSE,${moves}))))`;
  const periodsBad =
    P.literal === undefined
      ? `OR(${p}<1,${p}<>INT(${p}))`
      : Number.isInteger(P.literal) && P.literal >= 1
        ? undefined
        : "TRUE";
  const checked =
    periodsBad === undefined
      ? body
      : periodsBad === "TRUE"
        ? ERR_NUM
        : `IF(${periodsBad},${ERR_NUM},${body})`;
  const guarded = H === undefined ? checked : guardLogical(H, checked);
  return guardNumber(P, guarded);
}

function periodsOf(ctx: CallContext, i: number): Arg {
  return ctx.given(1) ? ctx.element(1, i, 1) : arg("3", 3);
}

/** A per-series argument must be one cell or one per row, as the wrapper reads it. */
function checkPerSeries(ctx: CallContext, k: number, rows: number): void {
  const s = ctx.shapes[k];
  if (ctx.given(k) && s && !(s.cols === 1 && (s.rows === 1 || s.rows === rows)))
    throw new Freeze("unknownShape", ["series", "periods", "higher_is_better"][k]);
}

export const def: FunctionDef = {
  id: "TREND_ALERT",
  fn: "trendAlert",
  zhName: "趋势预警",
  description: L(
    "趋势预警：最近连续若干期（默认 3 期）都向警戒线方向变动时返回 TRUE——越高越好时为下降，越低越好时为上升。一行或一列为一个序列，区域每行一个结果。",
    "Trend alert: TRUE when each of the last periods (3 by default) moved toward the lines — fell, or rose where lower is better. A row or a column is one series; a block gives one result per row.",
  ),
  args: [
    {
      name: "series",
      kind: "series",
      zh: "各期数值",
      description: L(
        "按期排列的数值，最早在前：一行或一列，或每行一个序列的区域；末尾尚未填写的空白忽略不计。",
        "Values by period, earliest first: a row or a column, or a block with one series per row; blanks at the end (months still to come) are ignored.",
      ),
    },
    {
      name: "periods",
      kind: "periods",
      optional: true,
      zh: "连续期数",
      description: L(
        "可选。连续变动的期数，不小于 1 的整数；省略时为 3（需要 4 期数据）。",
        "Optional. Periods in a row that must move, a whole number of at least 1; 3 if omitted (which needs 4 values).",
      ),
    },
    HIGHER_IS_BETTER,
  ],
  returns: "logical",
  compute,
  shape: ([series]) =>
    series && series.rows > 1 && series.cols > 1 ? { rows: series.rows, cols: 1 } : SCALAR,
  native: {
    scalar: (ctx) => {
      const s = ctx.shapes[0];
      if (!ctx.given(0) || !s) throw new Freeze("unknownShape", "series");
      if (s.rows > 1 && s.cols > 1) throw new Freeze("arrayResult");
      const higher = ctx.given(2) ? ctx.scalar(2) : undefined;
      return trendFormula(ctx.range(0), ctx.given(1) ? ctx.scalar(1) : arg("3", 3), higher);
    },
    cells: (ctx, shape) => {
      if (!ctx.given(0)) throw new Freeze("unknownShape", "series");
      checkPerSeries(ctx, 1, shape.rows);
      checkPerSeries(ctx, 2, shape.rows);
      const range = ctx.range(0);
      return Array.from({ length: shape.rows }, (_, r) => [
        trendFormula(
          range.row(r + 1),
          periodsOf(ctx, r + 1),
          ctx.given(2) ? ctx.element(2, r + 1, 1) : undefined,
        ),
      ]);
    },
  },
};

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula:
      "TRUE when x(L−p) > x(L−p+1) > … > x(L) (< where higher_is_better is FALSE), L the last value filled in, p the periods",
    notes: {
      series:
        "A blank inside the last periods + 1 values breaks the run (FALSE); equal values do not count as moving.",
      periods: "Fewer values than periods + 1: FALSE.",
      higher_is_better: "A blank cell given here is #N/A, not TRUE.",
    },
    ranges:
      "A row or a column of values is one series and gives one result; a block gives a column with one result per row, and periods and higher_is_better may then be a single cell or a column with one per row. Only the last periods + 1 values count: an error there gives that error (the latest one), text or TRUE/FALSE there gives #VALUE!; errors in earlier periods do not matter.",
    errors: [
      ["#NUM!", "periods is not a whole number of at least 1"],
      ["#VALUE!", "text or TRUE/FALSE among the last periods + 1 values; text in higher_is_better"],
    ],
    example: [
      "A closing rate by month in B2:M2, filled in from January to June: 34%, 33%, 31%, 30%, 28%, 27%, the rest still blank.",
      [
        "`={FN}(B2:M2)` returns **TRUE**: April to June each fell (30% → 28% → 27% after 31%).",
        "`={FN}(B2:M2, 6)` returns FALSE: six falls need seven months.",
        "Cost per vehicle in B3:M3 rising for three months: `={FN}(B3:M3, 3, FALSE)` returns TRUE.",
        "One row per salesperson in B5:M12: `={FN}(B5:M12)` spills eight results down a column.",
      ],
    ],
  },
  "zh-CN": {
    formula:
      "x(L−p) > x(L−p+1) > … > x(L) 时为 TRUE（越高越好为 FALSE 时为 <），L 为最后一个已填写的值，p 为期数",
    notes: {
      series: "最近 p+1 期中有空白即中断（返回 FALSE）；数值相等不算变动。",
      periods: "数据少于 p+1 期时返回 FALSE。",
      higher_is_better: "若引用空白单元格则返回 #N/A，而不是按 TRUE 计算。",
    },
    ranges:
      "一行或一列数值为一个序列，返回一个结果；多行区域每行一个结果，向下溢出一列，此时连续期数和越高越好可以是单个单元格，也可以是每行一个值的一列。只看最近 p+1 期：其中有错误值时返回该错误（取最近的一个），有文本或 TRUE/FALSE 时返回 #VALUE!；更早各期的错误不影响结果。",
    errors: [
      ["#NUM!", "连续期数不是不小于 1 的整数"],
      ["#VALUE!", "最近 p+1 期中有文本或 TRUE/FALSE；越高越好处为文本"],
    ],
    example: [
      "B2:M2 为各月成交率，已填写 1 月至 6 月：34%、33%、31%、30%、28%、27%，其余尚为空白。",
      [
        "`={FN}(B2:M2)` 返回 **TRUE**：4 月至 6 月连续下降（31% 之后 30% → 28% → 27%）。",
        "`={FN}(B2:M2, 6)` 返回 FALSE：连续下降 6 期需要 7 个月的数据。",
        "B3:M3 为单车营销成本，连续三个月上升：`={FN}(B3:M3, 3, FALSE)` 返回 TRUE。",
        "B5:M12 每行一位销售顾问：`={FN}(B5:M12)` 向下溢出八个结果。",
      ],
    ],
  },
};
