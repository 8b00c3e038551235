// What the build takes from the function descriptors (src/functions/defs/*): the zh-CN metadata
// texts and the help content. TypeScript, loaded by webpack.config.js through tsx's require hook
// (tsx/cjs/api), and imported by the tests the same way the build uses it.
import { HELP } from "../src/functions/help-registry";
import { NAMESPACE, SHARED } from "../src/functions/help";
import { zhMetadataTable } from "../src/functions/registry";
import type { HelpContent } from "./help-pages";
import type { TranslationTable } from "./localize-metadata";

export function zhTable(): TranslationTable {
  return zhMetadataTable();
}

export function helpContent(): HelpContent {
  return { NAMESPACE, SHARED, FUNCTIONS: HELP };
}
