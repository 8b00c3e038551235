// Inlined into taskpane.html right after the prerendered #root (the build does it), so it runs while
// the page is parsed, before the first paint and before any other script of the pane. taskpane.html
// arrives with the Chinese preview screen in #root and the other first screens (English; inside
// Office) as text beside it; this picks the one the page needs, so nobody sees the wrong language. It is
// also what loads the pane's scripts (loader.ts): the page has no <script src> of its own.
import { firstPaintFor, variantKey } from "./env";
import { loadPaneScripts, loadPlanOf } from "./loader";

// Read now: document.currentScript is this inline script only while it runs.
const plan = loadPlanOf(document.currentScript);

const root = document.getElementById("root");
if (root) {
  const want = variantKey(firstPaintFor(location.href, window.parent !== window, navigator.language));
  // The other variants are raw text in <script type="text/html">, not <template>s: the parser only
  // scans text for its end tag, while a template's markup is built into DOM nodes (~30 ms of a cold
  // load's first paint for three variants nobody may need).
  const variants = document.querySelectorAll<HTMLScriptElement>('script[type="text/html"][data-variant]');
  if (root.dataset.variant !== want)
    for (const v of variants)
      if (v.dataset.variant === want) {
        root.innerHTML = v.text;
        root.dataset.variant = want;
      }
  for (const v of variants) v.remove();
  document.documentElement.lang = (root.dataset.variant ?? want).split("|")[0];
}

// Then the pane's scripts, after the screen above is shown (loader.ts says why and in what order).
loadPaneScripts(plan);
