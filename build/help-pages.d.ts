// Types for the CommonJS help renderer, so TypeScript tests can import it.
import type { Metadata } from "./localize-metadata";

import type { Lang } from "../src/core/lang";
import type { FunctionHelp, SharedHelpText } from "../src/functions/help";

export type HelpLang = Lang;
export interface HelpContent {
  NAMESPACE: string;
  SHARED: Readonly<Record<HelpLang, SharedHelpText>>;
  FUNCTIONS: Readonly<Record<string, FunctionHelp>>;
}
/** Every help page keyed by its path under help/, e.g. "zh-CN/roi.html". */
export function renderHelpPages(
  metadata: Record<HelpLang, Metadata>,
  content: HelpContent,
): Record<string, string>;
export function escapeHtml(text: string): string;
/** A worked-example string as HTML: `code`, **strong**, {FN} replaced by fnName; throws if unbalanced. */
export function inline(text: string, fnName: string): string;
export function pageFile(id: string): string;
