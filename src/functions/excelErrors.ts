import { isDomainError, type DomainError } from "../core/errors";
import { langFromLocale, type Lang } from "../core/lang";
import { describe } from "../core/messages";
import type { Grid, Num } from "./coerce";

/**
 * The one place where domain errors become Excel errors. Excel shows a custom message only for
 * #VALUE! and #N/A (CustomFunctions.ErrorCode docs: "A custom error message can't be used" for
 * #DIV/0! and #NUM!), so the others carry the code alone.
 */
export function toExcelError(error: DomainError, lang: Lang): CustomFunctions.Error {
  switch (error.code) {
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, describe(error, lang));
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, describe(error, lang));
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#DIV/0!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
  }
}

/**
 * The message language follows Office's display language. Read at call time, not at load:
 * functions are registered before Office.onReady, when Office.context may not exist yet.
 */
export function displayLang(): Lang {
  try {
    if (typeof Office === "undefined") return "en-US";
    return langFromLocale(Office.context?.displayLanguage);
  } catch {
    return "en-US";
  }
}

export type Cell = number | CustomFunctions.Error;

/**
 * A whole-call error is thrown (Excel shows it in the formula cell); element errors stay in place.
 * The language is looked up only when an error needs a message, keeping the common path cheap.
 */
export function toExcelResult(result: Grid<Num> | DomainError, lang?: Lang): Cell[][] {
  if (isDomainError(result)) throw toExcelError(result, lang ?? displayLang());
  let language = lang;
  for (let r = 0; r < result.length; r++) {
    const row = result[r];
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (typeof x !== "number") {
        language = language ?? displayLang();
        // The grid is ours (built for this call), so errors are swapped in place.
        (row as Cell[])[c] = toExcelError(x, language);
      }
    }
  }
  return result as Cell[][];
}
