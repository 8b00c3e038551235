// The two languages of every user-visible text (the pane, the sheets, the command line, the core's
// error messages), and the small helpers that go with them. The one definition: nothing else
// declares Lang, LANGS or Localized.

export type Lang = "zh-CN" | "en-US";

/** Chinese first: the product's users are Chinese dealers; English is the second language. */
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** A user-visible text in both languages. */
export type Localized = Readonly<Record<Lang, string>>;

export function L(zh: string, en: string): Localized {
  return { "zh-CN": zh, "en-US": en };
}

export function isLang(x: unknown): x is Lang {
  return x === "zh-CN" || x === "en-US";
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible, so a missing value is noticed. */
export function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

/** A locale tag ("zh-CN", "zh_TW.UTF-8", "zh-Hans", "en-GB", "C") → the closest language we speak:
 * any Chinese locale gets Chinese, everything else English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh(\b|_|$)/i.test(locale.trim()) ? "zh-CN" : "en-US";
}

/**
 * The language of a command-line run from its environment, in POSIX order: LC_ALL overrides
 * LC_MESSAGES, which overrides LANG; the first that is set and not empty decides. English when none is.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[key];
    if (v !== undefined && v !== "") return langFromLocale(v);
  }
  return "en-US";
}
