/**
 * Which function calls are ours. Files store a custom function call with an `_xldudf_` prefix and
 * the spelling varies between Excel builds (`_xldudf_DEALER_ROI(`, `_xldudf_DEALER.ROI(`); typed
 * formulas say `DEALER.ROI(` or, in a Chinese Excel, `DEALER.投资回报率(`. All of them, in any
 * case, mean the same function.
 */
export const DEALER_IDS = [
  "FUNNEL_RATE",
  "BREAKEVEN_ATTENDEES",
  "BREAKEVEN_BUYERS",
  "ROI",
  "COST_PER_SALE",
  "FUNNEL_TARGETS",
] as const;
export type DealerId = (typeof DEALER_IDS)[number];

import zhCN from "../functions/zh-CN.json";

const PREFIXES = [/^_xldudf_dealer[._]/i, /^dealer\./i];

/** Localized name (upper-cased) → id; filled from the zh-CN metadata table. */
const localized = new Map<string, DealerId>();

/**
 * Adds the localized function names (e.g. {"ROI": "投资回报率"}) so calls typed in a Chinese Excel
 * are recognised too. The table is the one the functions build step turns into zh-CN metadata,
 * so recognition and the names users see cannot drift.
 */
export function registerLocalizedNames(table: Readonly<Record<string, string>>): void {
  for (const [id, name] of Object.entries(table)) {
    const known = DEALER_IDS.find((d) => d === id.toUpperCase());
    if (known && name) localized.set(name.toUpperCase(), known);
  }
}

/** The id of a DEALER function call's name token, or undefined when the call is not ours. */
export function dealerIdOf(functionName: string): DealerId | undefined {
  for (const prefix of PREFIXES) {
    const m = prefix.exec(functionName);
    if (!m) continue;
    const rest = functionName.slice(m[0].length).toUpperCase();
    const id = DEALER_IDS.find((d) => d === rest);
    if (id) return id;
    // A Chinese name whose dot became an underscore or stayed a dot, either way.
    return localized.get(rest) ?? localized.get(rest.replace(/_/g, "."));
  }
  return undefined;
}

/** True for names saved by an Excel without the add-in loaded: the call is a broken UDF. */
export function isSavedUdfName(functionName: string): boolean {
  return /^_xldudf_/i.test(functionName);
}

// The Chinese names users type in a Chinese Excel (DEALER.投资回报率), from the same table the
// build turns into zh-CN metadata.
registerLocalizedNames(
  Object.fromEntries(
    Object.entries(zhCN.functions).map(([id, f]) => [id, (f as { name?: string }).name ?? ""]),
  ),
);
