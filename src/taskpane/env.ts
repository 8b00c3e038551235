// Where the pane runs and how it should look: pure functions over what Office.onReady, the URL and the
// browser report, so they can be unit-tested without Office.
// From the core, not ./i18n: the first-paint script (boot.ts) uses this module and must not pull in
// the string tables.
import { langFromLocale, type Lang } from "../core/lang";

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
  /** The UI language Office put on the add-in's URL (`_host_Info`), known before office.js answers. */
  readonly hostInfoLanguage?: string | undefined;
  readonly browserLanguage: string | undefined;
  readonly officeTheme: OfficeThemeLike | undefined;
  readonly prefersDark: boolean;
}

export function resolveEnvironment(inputs: EnvironmentInputs): Environment {
  const host: HostKind = inputs.officeHost === "Excel" ? "excel" : "preview";
  const lang =
    inputs.overrides.lang ??
    langFromLocale(inputs.displayLanguage ?? inputs.hostInfoLanguage ?? inputs.browserLanguage);
  const fallback: ThemeKind = inputs.prefersDark ? "dark" : "light";
  const theme =
    inputs.overrides.theme ?? (host === "excel" ? themeFromOffice(inputs.officeTheme, fallback) : fallback);
  return { host, lang, theme };
}

/**
 * Office opens the add-in's page with `_host_Info` on its URL ("Excel$Win32$16.01$zh-CN$…", fields
 * separated by $ or |): the host and Office's UI language, readable before office.js has loaded.
 */
export function hostInfoOf(href: string): { readonly host?: string; readonly language?: string } | null {
  const m = /[?&#]_host_Info=([^&#]*)/i.exec(href);
  if (!m) return null;
  let raw = m[1];
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // a malformed escape: read the fields as they are
  }
  const fields = raw.split(/[$|]/);
  const language = fields.find((f) => /^[a-z]{2,3}-[a-z]{2,4}$/i.test(f));
  return { ...(fields[0] ? { host: fields[0] } : {}), ...(language ? { language } : {}) };
}

/**
 * Whether the page is probably inside Office: Office passes `_host_Info` on the URL and runs Office on
 * the web in a frame. Without either, this is almost surely a plain browser (preview mode at once).
 */
export function mayBeInOffice(href: string, framed: boolean): boolean {
  return hostInfoOf(href) !== null || framed;
}

/** What the first screen is rendered for before office.js answers: the language and the likely host. */
export interface FirstPaint {
  readonly lang: Lang;
  readonly host: HostKind;
}

export const FIRST_PAINTS: readonly FirstPaint[] = [
  // The first is what taskpane.html holds as it arrives: Chinese, the product's first language, and
  // preview (a plain browser). The others are swapped in by boot.ts before the first paint.
  { lang: "zh-CN", host: "preview" },
  { lang: "zh-CN", host: "excel" },
  { lang: "en-US", host: "preview" },
  { lang: "en-US", host: "excel" },
];

/** The variant for this page: `?lang=`, else Office's UI language from the URL, else the browser's. */
export function firstPaintFor(
  href: string,
  framed: boolean,
  browserLanguage: string | undefined,
): FirstPaint {
  const search = href.includes("?") ? href.slice(href.indexOf("?")).split("#")[0] : "";
  const lang = parseOverrides(search).lang ?? langFromLocale(hostInfoOf(href)?.language ?? browserLanguage);
  return { lang, host: mayBeInOffice(href, framed) ? "excel" : "preview" };
}

/** The key of a variant, as the prerendered markup carries it (data-variant). */
export function variantKey(v: FirstPaint): string {
  return `${v.lang}|${v.host}`;
}
