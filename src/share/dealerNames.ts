/**
 * Which function calls are ours. Files store a custom function call with an `_xldudf_` prefix and
 * the spelling varies between Excel builds (`_xldudf_DEALER_ROI(`, `_xldudf_DEALER.ROI(`); typed
 * formulas say `DEALER.ROI(` or, in a Chinese Excel, `DEALER.投资回报率(`. All of them, in any
 * case, mean the same function. The ids and the Chinese names come from the function descriptors
 * (src/functions/registry.ts), the same ones the build turns into the zh-CN metadata.
 */
import { DEALER_IDS, zhNames, type DealerId } from "../functions/registry";

export { DEALER_IDS };
export type { DealerId };

const PREFIXES = [/^_xldudf_dealer[._]/i, /^dealer\./i];

/** Localized name (upper-cased) → id. */
const localized = new Map<string, DealerId>();

/**
 * Adds localized function names (e.g. {"ROI": "投资回报率"}) so calls typed in a Chinese Excel are
 * recognised too.
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

// The Chinese names users type in a Chinese Excel (DEALER.投资回报率).
registerLocalizedNames(zhNames());
