/**
 * Every DEALER function, in the order of functions.ts: one descriptor per function
 * (src/functions/defs/<name>.ts). Adding a function is its descriptor, its JSDoc in functions.ts,
 * one line here and one in help-registry.ts (help texts stay out of the runtime bundles); tests
 * fail when any of them is missing or they disagree.
 */
import type { Lang } from "../core/lang";
import { labelOf, type FunctionDef } from "./define";
import { def as ATTAINMENT } from "./defs/attainment";
import { def as BREAKEVEN_ATTENDEES } from "./defs/breakevenAttendees";
import { def as BREAKEVEN_BUYERS } from "./defs/breakevenBuyers";
import { def as BREAKEVEN_RATE } from "./defs/breakevenRate";
import { def as CONTROL_STATUS } from "./defs/controlStatus";
import { def as COST_PER_SALE } from "./defs/costPerSale";
import { def as EVENT_PROFIT } from "./defs/eventProfit";
import { def as FUNNEL_RATE } from "./defs/funnelRate";
import { def as FUNNEL_SPREAD } from "./defs/funnelSpread";
import { def as FUNNEL_TARGETS } from "./defs/funnelTargets";
import { def as ROI } from "./defs/roi";
import { def as TREND_ALERT } from "./defs/trendAlert";

export const FUNCTIONS = {
  FUNNEL_RATE,
  BREAKEVEN_ATTENDEES,
  BREAKEVEN_BUYERS,
  ROI,
  COST_PER_SALE,
  FUNNEL_TARGETS,
  EVENT_PROFIT,
  BREAKEVEN_RATE,
  CONTROL_STATUS,
  TREND_ALERT,
  FUNNEL_SPREAD,
  ATTAINMENT,
} as const satisfies Readonly<Record<string, FunctionDef>>;

export type DealerId = keyof typeof FUNCTIONS;

export const DEALER_IDS = Object.keys(FUNCTIONS) as readonly DealerId[];

export const FUNCTION_LIST: readonly FunctionDef[] = DEALER_IDS.map((id) => FUNCTIONS[id]);

export function functionDef(id: DealerId): FunctionDef {
  return FUNCTIONS[id];
}

/** id → zh-CN name: what the share step recognises in formulas typed in a Chinese Excel. */
export function zhNames(): Record<string, string> {
  return Object.fromEntries(FUNCTION_LIST.map((d) => [d.id, d.zhName]));
}

export interface TranslationTable {
  functions: Record<
    string,
    { name: string; description: string; parameters: Record<string, { name: string; description: string }> }
  >;
}

/**
 * The zh-CN metadata texts, from the descriptors: build/localize-metadata.js turns the generated
 * functions.json into functions.zh-CN.json with it, keeping ids, types and options.
 */
export function zhMetadataTable(): TranslationTable {
  const functions: TranslationTable["functions"] = {};
  for (const d of FUNCTION_LIST) {
    functions[d.id] = {
      name: d.zhName,
      description: d.description["zh-CN"],
      parameters: Object.fromEntries(
        d.args.map((a) => [a.name, { name: a.zh, description: a.description["zh-CN"] }]),
      ),
    };
  }
  return { functions };
}

export const NAMESPACE = "DEALER";

/** The help page of a function under help/<lang>/ (the @helpurl's file, build/help-pages.js's pageFile). */
export function helpPage(id: DealerId): string {
  return `${id.toLowerCase()}.html`;
}

/** A function as a reader of that language meets it: its name with the namespace, and what it returns. */
export function functionEntry(def: FunctionDef, lang: Lang): { name: string; description: string } {
  return {
    name: `${NAMESPACE}.${lang === "zh-CN" ? def.zhName : def.id}`,
    description: def.description[lang],
  };
}

/** Argument labels of one function, for its error messages. */
export const labelsOf =
  (def: FunctionDef) =>
  (argument: string, lang: Lang): string | undefined =>
    labelOf(def, argument, lang);
