import { isDomainError } from "../../core/errors";
import { funnelSpread } from "../../core/funnelSpread";
import { L } from "../../core/lang";
import { ERR_NUM, ERR_VALUE, passError } from "../../share/native";
import { Freeze, type RangeRef } from "../../share/planning";
import { COUNTS } from "../args";
import { coerceGrid } from "../coerce";
import type { Result } from "../compute";
import type { FunctionDef } from "../define";
import type { FunctionHelp } from "../help";

function compute(counts: unknown): Result {
  const grid = coerceGrid(counts, "counts");
  if (isDomainError(grid)) return grid;
  const spread = funnelSpread(grid);
  if (isDomainError(spread)) return spread;
  return [0, 1, 2].map((row) => spread.map((step) => step[row]));
}

/** Above every rate: a left-out row's stand-in in MIN, and the upper half of MEDIAN's padding. */
const HIGH = "10^300";
/** Below every rate (rates are never negative): the stand-in in MAX and the lower half of the padding. */
const LOW = "-1";

/** A count as the core checks it, then `then`; a blank (or "") stands in as the left-out value. */
function guardCount(x: string, then: string): string {
  return `IF(ISNUMBER(${x})>ISLOGICAL(${x}),IF(${x}<0,${ERR_NUM},${then}),IF(ISERROR(${x}),${passError(x)},IF(${x}="",${LOW},${ERR_VALUE})))`;
}

/**
 * The spread of step k as three cells, (min, median, max), for any engine without array formulas.
 * The max cell carries the checks: per row, the core's rules for the two counts give an error, the
 * left-out value −1 or the rate, and MAX returns the first error of its arguments (the top row's),
 * as the core does; COUNTIFS adds #DIV/0! when no row is left. The min and median cells then read
 * the max cell's error, or work on error-free counts: MIN with left-out rows at 10^300, and MEDIAN
 * of each row's rate twice, a left-out row padded once low and once high, which leaves the median
 * of the rates exactly where it is.
 */
export function spreadFormulas(R: RangeRef, k: number, maxCell: string): [string, string, string] {
  const rows = R.shape.rows;
  if (2 * rows > 255) throw new Freeze("tooLong", `${rows} rows`);
  const checked: string[] = [];
  const rate = (i: number, leftOut: string): string => {
    const [x, y] = [R.cell(i, k), R.cell(i, k + 1)];
    return `IF(ISNUMBER(${y})*(N(${x})>0),${y}/${x},${leftOut})`;
  };
  for (let i = 1; i <= rows; i++) {
    const [x, y] = [R.cell(i, k), R.cell(i, k + 1)];
    checked.push(guardCount(x, `IF(${x}=0,${LOW},${guardCount(y, `${y}/${x}`)})`));
  }
  const none = `IF(COUNTIFS(${R.column(k).text},">0",${R.column(k + 1).text},">=0"),${LOW},#DIV/0!)`;
  const max = `MAX(${checked.join(",")},${none})`;
  const ifClean = (formula: string): string => `IF(ISERROR(${maxCell}),${maxCell},${formula})`;
  const rowsOf = (f: (i: number) => string): string[] => Array.from({ length: rows }, (_, i) => f(i + 1));
  const min = ifClean(`MIN(${rowsOf((i) => rate(i, HIGH)).join(",")})`);
  const median = ifClean(`MEDIAN(${rowsOf((i) => `${rate(i, LOW)},${rate(i, HIGH)}`).join(",")})`);
  return [min, median, max];
}

export const def: FunctionDef = {
  id: "FUNNEL_SPREAD",
  fn: "funnelSpread",
  zhName: "转化率分布",
  description: L(
    "各销售顾问转化率的分布：每行一位销售顾问、阶段横向排列的区域，返回三行——每步转化率在各行之间的最小值、中位数和最大值。",
    "The spread of step rates across salespeople: for a block with one row per salesperson and the stages across, three rows — the minimum, median and maximum of each step rate across the rows.",
  ),
  args: [
    {
      ...COUNTS,
      description: L(
        "每行一位销售顾问（或一个月、一个团队）、阶段横向排列的客户人数，最早阶段在前，至少 2 个阶段。",
        "Customer counts with one row per salesperson (or month, or team) and the stages across, earliest first, at least 2 stages.",
      ),
    },
  ],
  compute,
  shape: ([counts]) => (counts && counts.cols >= 2 ? { rows: 3, cols: counts.cols - 1 } : undefined),
  native: {
    cells: (ctx, shape) => {
      if (!ctx.given(0)) throw new Freeze("unknownShape", "counts");
      const range = ctx.range(0);
      const out: string[][] = [[], [], []];
      for (let k = 1; k <= shape.cols; k++) {
        const cells = spreadFormulas(range, k, ctx.cell(3, k));
        cells.forEach((formula, row) => out[row].push(formula));
      }
      return out;
    },
  },
};

export const help: FunctionHelp = {
  symbols: {},
  "en-US": {
    formula:
      "for each step k: minimum, median and maximum of count(k+1) / count(k) over the rows that have a count at stage k",
    notes: {
      counts:
        "A row whose count at stage k is 0 or blank, or whose count at stage k+1 is still blank, is left out of step k.",
    },
    ranges:
      "The result is three rows (minimum, median, maximum) with one column per step, one fewer than the stages. An error in a count spoils only the steps that use it: the column shows the error of the first row with one.",
    errors: [
      ["#NUM!", "a negative count"],
      ["#DIV/0!", "a step with no row left (every count at that stage 0 or blank)"],
      ["#VALUE!", "fewer than 2 stages"],
    ],
    example: [
      "Why: the store's average rate hides the salesperson who closes 10% while the others close 40%. Eight salespeople in rows 5 to 12, their six stages in B:G.",
      [
        "`={FN}(B5:G12)` spills three rows of five rates: the weakest, the middle and the strongest lead capture, retention, closing, service return and loyalty rate.",
        "Counts 100, 40, 12 / 200, 50, 20 / 80, 40, 8 in B2:D4: `={FN}(B2:D4)` returns 25%, 40%, 50% for the first step and 20%, 30%, 40% for the second.",
      ],
    ],
  },
  "zh-CN": {
    formula: "每一步 k：在第 k 阶段有人数的各行中，第 k+1 阶段人数 / 第 k 阶段人数的最小值、中位数和最大值",
    notes: {
      counts: "第 k 阶段人数为 0 或空白、或第 k+1 阶段人数尚未填写的行，不计入第 k 步。",
    },
    ranges:
      "结果为三行（最小值、中位数、最大值），每步一列，比阶段数少一列。某个人数的错误只影响用到它的步骤：该列显示第一个出错行的错误。",
    errors: [
      ["#NUM!", "人数为负"],
      ["#DIV/0!", "某一步没有可计入的行（该阶段人数全为 0 或空白）"],
      ["#VALUE!", "少于 2 个阶段"],
    ],
    example: [
      "研究分布，平均会掩盖问题：门店平均成交率看不出某位顾问只有 10%，而其他人都在 40%。第 5 至 12 行为八位销售顾问，B:G 为六个阶段的人数。",
      [
        "`={FN}(B5:G12)` 溢出三行、每行五个转化率：集客率、留客率、成交率、回厂率和保有率的最低、居中和最高水平。",
        "B2:D4 为人数 100、40、12 / 200、50、20 / 80、40、8：`={FN}(B2:D4)` 第一步返回 25%、40%、50%，第二步返回 20%、30%、40%。",
      ],
    ],
  },
};
