import type { Localized } from "../core/rubric";

/** Title in A1 of the scorecard sheet; the plan reader skips sheets that start with it. */
export const SCORECARD_TITLE: Localized = { "zh-CN": "营销计划评分卡", "en-US": "Marketing plan scorecard" };
export const SCORECARD_TITLES: readonly string[] = [SCORECARD_TITLE["zh-CN"], SCORECARD_TITLE["en-US"]];
