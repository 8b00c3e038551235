// Renders the pane's first screen (header, tabs, template gallery) at build time, so taskpane.html
// shows it before any script has run: the same tree index.tsx hydrates (src/taskpane/root.tsx), once
// per first-paint variant (language × likely host), with Griffel's CSS for all of them and the dark
// theme's colours for browsers that prefer dark. webpack.config.js loads this through tsx and writes
// the result into the page; tests call it the same way.
import { createDOMRenderer, renderToStyleElements } from "@fluentui/react-components";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { FIRST_PAINTS, variantKey, type FirstPaint, type ThemeKind } from "../src/taskpane/env";
import type { Lang } from "../src/core/lang";
import { PaneRoot } from "../src/taskpane/root";
import { createServices } from "../src/taskpane/services/lazy";

export interface PrerenderedVariant {
  /** "zh-CN|preview": the value of #root's data-variant when this markup is in it. */
  readonly key: string;
  readonly lang: Lang;
  readonly html: string;
}

export interface PrerenderedPane {
  /** The first is the one taskpane.html holds in #root; boot.ts swaps in another when needed. */
  readonly variants: readonly PrerenderedVariant[];
  /** Griffel's <style data-make-styles-bucket> elements, which the client's renderer rehydrates. */
  readonly styles: string;
  /**
   * FluentProvider's light theme (its CSS variables), as the <style id="fui-FluentProvider…"> it
   * renders on the server, taken out of the variants so the page holds it once; the provider finds
   * it by its id when it hydrates.
   */
  readonly lightTheme: string;
  /** The dark theme's rule for the same provider, for prefers-color-scheme: dark at first paint. */
  readonly darkTheme: string;
}

/** FluentProvider renders its theme's CSS variables as a <style id="fui-FluentProvider…"> on the server. */
const THEME_STYLE = /<style id="fui-FluentProvider[^"]*"[^>]*>([^<]*)<\/style>/;

export function prerenderPane(): PrerenderedPane {
  // No document: the renderer collects CSS rules instead of inserting them.
  const renderer = createDOMRenderer(undefined);
  const render = (v: FirstPaint, theme: ThemeKind): string =>
    renderToString(<PaneRoot renderer={renderer} env={{ ...v, theme }} services={createServices(v.host)} />);
  const rendered = FIRST_PAINTS.map((v) => ({ key: variantKey(v), lang: v.lang, html: render(v, "light") }));
  const themes = rendered.map((v) => THEME_STYLE.exec(v.html)?.[0]);
  const lightTheme = themes[0];
  // Every variant is the same tree, so the provider has the same id and theme in all of them.
  if (!lightTheme || themes.some((t) => t !== lightTheme))
    throw new Error("the first-paint variants do not share one FluentProvider theme style");
  const variants = rendered.map((v) => ({ ...v, html: v.html.replace(lightTheme, "") }));
  const darkTheme = THEME_STYLE.exec(render(FIRST_PAINTS[0], "dark"))?.[1];
  if (!darkTheme)
    throw new Error("FluentProvider rendered no theme style: cannot prerender the dark colours");
  const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { variants, styles, lightTheme, darkTheme };
}
