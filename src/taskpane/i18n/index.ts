import { enUS, type StringKey, type Strings } from "./en-US";
import { zhCN } from "./zh-CN";

import type { Lang } from "../../core/lang";

// The pane reads these from here with its string tables; they are defined once, in src/core/lang.ts.
export { LANGS, fill, langFromLocale } from "../../core/lang";
export type { Lang } from "../../core/lang";
export type { StringKey, Strings };

const tables: Record<Lang, Strings> = { "zh-CN": zhCN, "en-US": enUS };

export function strings(lang: Lang): Strings {
  return tables[lang];
}
