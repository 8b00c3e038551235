import { attainment } from "../attainment";

// What an indicator's name says about it: costs and spend are better when lower, so their attainment
// is target / actual (1,080,000 spent against 1,000,000 is 92.6 % attained), not actual / target.
const LOWER_IS_BETTER =
  /费用|成本|支出|花费|开支|投入|费率|cost|spend|expense|cpl|cpa|cac|投诉|流失|churn|complaint/iu;
/** "毛利", "费用节省", "revenue": words that make a cost-sounding label a gain after all. */
const STILL_HIGHER = /节省|节约|节余|收入|毛利|利润|saving|revenue|profit|margin|roi/iu;

export function lowerIsBetter(label: string): boolean {
  const t = label.normalize("NFKC");
  return LOWER_IS_BETTER.test(t) && !STILL_HIGHER.test(t);
}

/** Attainment of one actual against its target (src/core/attainment.ts); null when it cannot be judged. */
export function pairAttainment(target: number, actual: number, lower: boolean): number | null {
  const r = attainment(actual, target, !lower);
  return typeof r === "number" && Number.isFinite(r) ? r : null;
}
