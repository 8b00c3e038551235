import type { DomainError, Reason } from "./errors";

import type { Lang, Localized } from "./lang";

/** Every user-visible text of the core's errors, in one place and both languages. */

/** `{arg}` is replaced by the argument's label in the same language. */
export const REASON_TEXT: Readonly<Record<Reason, Localized>> = {
  notNumber: {
    "en-US": "{arg}: text or a logical value where a number belongs.",
    "zh-CN": "{arg}：此处应为数字，却是文本或逻辑值。",
  },
  blank: {
    "en-US": "{arg}: the cell is blank; enter a number (a blank is never read as 0).",
    "zh-CN": "{arg}：单元格为空，请填写数字（空白不会按 0 计算）。",
  },
  notFinite: {
    "en-US": "{arg}: the number is too large or not a number.",
    "zh-CN": "{arg}：数值过大或不是有效数字。",
  },
  negative: {
    "en-US": "{arg}: must not be negative.",
    "zh-CN": "{arg}：不能为负数。",
  },
  rateOutOfRange: {
    "en-US": "{arg}: a rate must be above 0% and at most 100% (type 15% or 0.15, not 15).",
    "zh-CN": "{arg}：比率须大于 0% 且不超过 100%（请输入 15% 或 0.15，而不是 15）。",
  },
  marginOutOfRange: {
    "en-US": "{arg}: a margin must be above 0% and at most 100% (type 15% or 0.15, not 15).",
    "zh-CN": "{arg}：毛利率须大于 0% 且不超过 100%（请输入 15% 或 0.15，而不是 15）。",
  },
  neverBreaksEven: {
    "en-US":
      "{arg}: conversion rate × margin per buyer does not exceed the variable cost per attendee, so the event never breaks even.",
    "zh-CN": "{arg}：成交转化率 × 单车毛利不高于每人变动成本，活动永远无法保本。",
  },
  divideByZero: {
    "en-US": "{arg}: is zero, and the result divides by it.",
    "zh-CN": "{arg}：为零，无法作除数。",
  },
  tooFewStages: {
    "en-US": "{arg}: give at least two stages (a row or a column of counts).",
    "zh-CN": "{arg}：至少需要两个阶段（一行或一列人数）。",
  },
  stageNotWhole: {
    "en-US": "{arg}: a stage number must be a whole number such as 1 or 4.",
    "zh-CN": "{arg}：阶段编号须为整数，例如 1 或 4。",
  },
  stageOutOfRange: {
    "en-US": "{arg}: the stage number is outside the stages given (1 to the number of counts).",
    "zh-CN": "{arg}：阶段编号超出范围（应在 1 与阶段数之间）。",
  },
  stageOrder: {
    "en-US": "{arg}: the end stage must come after the start stage.",
    "zh-CN": "{arg}：结束阶段须在起始阶段之后。",
  },
  missingStage: {
    "en-US": "{arg}: give both the start and the end stage, or neither.",
    "zh-CN": "{arg}：起始阶段与结束阶段须同时填写或同时省略。",
  },
  shapeMismatch: {
    "en-US":
      "{arg}: the range does not match the size of the other ranges; use ranges of the same shape or a single cell.",
    "zh-CN": "{arg}：区域大小与其他区域不一致；请使用相同形状的区域或单个单元格。",
  },
  notRectangular: {
    "en-US": "{arg}: the range is not rectangular.",
    "zh-CN": "{arg}：区域不是矩形。",
  },
  controlLineOrder: {
    "en-US":
      "{arg}: the lines must run one way from the standard: control ≤ warning ≤ standard where higher is better, control ≥ warning ≥ standard where lower is better.",
    "zh-CN":
      "{arg}：警戒线和控制线须在标准值的同一侧依次排列：越高越好时，控制线 ≤ 警戒线 ≤ 标准值；越低越好时，控制线 ≥ 警戒线 ≥ 标准值。",
  },
  periodsNotWhole: {
    "en-US": "{arg}: the number of periods must be a whole number of at least 1, such as 3.",
    "zh-CN": "{arg}：期数须为不小于 1 的整数，例如 3。",
  },
  notLogical: {
    "en-US": "{arg}: TRUE or FALSE belongs here, not text.",
    "zh-CN": "{arg}：此处应为 TRUE 或 FALSE，而不是文本。",
  },
  inputError: {
    "en-US": "{arg}: the cell already holds an error.",
    "zh-CN": "{arg}：单元格本身含有错误值。",
  },
};

const GENERIC: Localized = { "en-US": "Invalid input.", "zh-CN": "输入无效。" };
const NO_ARGUMENT: Localized = { "en-US": "input", "zh-CN": "输入" };

/**
 * The label of an argument in a language. Labels belong to the functions (the zh-CN ones are the
 * parameter names of the zh-CN metadata, and two functions may label the same name differently),
 * so the caller passes its own lookup; without one, or where it has none, the name itself shows.
 */
export type ArgumentLabels = (argument: string, lang: Lang) => string | undefined;

export function argumentLabel(argument: string | undefined, lang: Lang, labels?: ArgumentLabels): string {
  if (argument === undefined) return NO_ARGUMENT[lang];
  return labels?.(argument, lang) ?? argument;
}

/** The user-facing text of an error, naming the argument, in the given language. */
export function describe(error: DomainError, lang: Lang, labels?: ArgumentLabels): string {
  const texts = (REASON_TEXT as Readonly<Record<string, Localized | undefined>>)[error.reason];
  if (!texts) return GENERIC[lang];
  return texts[lang].replace("{arg}", argumentLabel(error.argument, lang, labels));
}
