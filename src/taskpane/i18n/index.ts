import { enUS, type StringKey, type Strings } from "./en-US";
import { zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en-US";
export type { StringKey, Strings };

export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

const tables: Record<Lang, Strings> = { "zh-CN": zhCN, "en-US": enUS };

export function strings(lang: Lang): Strings {
  return tables[lang];
}

/** Any Chinese locale (zh, zh-CN, zh-Hans, zh-TW…) gets the Chinese table; everything else English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale) ? "zh-CN" : "en-US";
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
