import { isDomainError, type DomainError } from "../core/errors";
import { langFromLocale, type Lang } from "../core/lang";
import { describe, type ArgumentLabels } from "../core/messages";
import type { Result } from "./compute";

/**
 * The one place where domain errors become Excel errors. Excel shows a custom message only for
 * #VALUE! and #N/A (CustomFunctions.ErrorCode docs: "A custom error message can't be used" for
 * #DIV/0! and #NUM!), so the others carry the code alone.
 */
export function toExcelError(error: DomainError, lang: Lang, labels?: ArgumentLabels): CustomFunctions.Error {
  switch (error.code) {
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, describe(error, lang, labels));
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, describe(error, lang, labels));
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

export type Cell = number | boolean | CustomFunctions.Error;

/**
 * A whole-call error is thrown (Excel shows it in the formula cell); element errors stay in place.
 * The language is looked up only when an error needs a message, keeping the common path cheap.
 * `labels` names the arguments in the messages as the function's metadata does.
 */
export function toExcelResult(result: Result, labels?: ArgumentLabels, lang?: Lang): Cell[][] {
  if (isDomainError(result)) throw toExcelError(result, lang ?? displayLang(), labels);
  let language = lang;
  for (let r = 0; r < result.length; r++) {
    const row = result[r];
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (typeof x === "object") {
        language = language ?? displayLang();
        // The grid is ours (built for this call), so errors are swapped in place.
        (row as Cell[])[c] = toExcelError(x, language, labels);
      }
    }
  }
  return result as Cell[][];
}
