// Types for the CommonJS help texts, so TypeScript tests can import them.
import type { HelpLang } from "../../build/help-pages";

/** A paragraph, or a bulleted list. */
export type ExampleBlock = string | string[];
export interface FunctionHelp {
  formula: string;
  notes: Record<string, string>;
  errors: [string, string][];
  example: ExampleBlock[];
}
export const NAMESPACE: string;
export const SHARED: Record<
  HelpLang,
  {
    product: string;
    help: string;
    allFunctions: string;
    errors: [string, string][];
    ranges: string;
  }
>;
export const FUNCTIONS: Record<string, { symbols: Record<string, string> } & Record<HelpLang, FunctionHelp>>;
