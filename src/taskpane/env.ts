// Where the pane runs and how it should look: pure functions over what Office.onReady, the URL and the
// browser report, so they can be unit-tested without Office.
import { langFromLocale, type Lang } from "./i18n";

export type HostKind = "excel" | "preview";
export type ThemeKind = "light" | "dark";

export interface Overrides {
  readonly lang?: Lang;
  readonly theme?: ThemeKind;
}

/** `?lang=zh-CN|en-US` and `?theme=dark|light` override what the host says (tests, screenshots, demos). */
export function parseOverrides(search: string): Overrides {
  const params = new URLSearchParams(search);
  const lang = params.get("lang");
  const theme = params.get("theme");
  return {
    ...(lang === "zh-CN" || lang === "en-US" ? { lang } : {}),
    ...(theme === "dark" || theme === "light" ? { theme } : {}),
  };
}

/** Relative luminance of a `#rrggbb` / `#rgb` colour, 0..1; undefined when it cannot be parsed. */
export function luminance(colour: string | undefined): number | undefined {
  if (!colour) return undefined;
  let hex = colour.trim().replace(/^#/, "");
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/**
 * Office has several themes (colourful, dark grey, black, white, system); only their colours are
 * reported everywhere, so a dark body background means a dark theme. `isDarkTheme` exists only in newer
 * hosts and wins when present.
 */
export function themeFromOffice(theme: OfficeThemeLike | undefined, fallback: ThemeKind): ThemeKind {
  if (!theme) return fallback;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = luminance(theme.bodyBackgroundColor);
  if (l === undefined) return fallback;
  return l < 0.2 ? "dark" : "light";
}

export interface Environment {
  readonly host: HostKind;
  readonly lang: Lang;
  readonly theme: ThemeKind;
}

export interface EnvironmentInputs {
  readonly overrides: Overrides;
  readonly officeHost: string | null | undefined;
  readonly displayLanguage: string | undefined;
  readonly browserLanguage: string | undefined;
  readonly officeTheme: OfficeThemeLike | undefined;
  readonly prefersDark: boolean;
}

export function resolveEnvironment(inputs: EnvironmentInputs): Environment {
  const host: HostKind = inputs.officeHost === "Excel" ? "excel" : "preview";
  const lang = inputs.overrides.lang ?? langFromLocale(inputs.displayLanguage ?? inputs.browserLanguage);
  const fallback: ThemeKind = inputs.prefersDark ? "dark" : "light";
  const theme =
    inputs.overrides.theme ?? (host === "excel" ? themeFromOffice(inputs.officeTheme, fallback) : fallback);
  return { host, lang, theme };
}
