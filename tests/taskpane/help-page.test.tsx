// The pane's Help page lists every function from the descriptors, in the pane's language, each
// linking to its help page: a new function appears there without touching the pane.
import type { Lang } from "../../src/core/lang";
import { renderToStaticMarkup } from "react-dom/server";
import { PaneContext } from "../../src/taskpane/context";
import HelpPage from "../../src/taskpane/components/HelpPage";
import { strings } from "../../src/taskpane/i18n";
import { DEALER_IDS, FUNCTIONS } from "../../src/functions/registry";
import { useContext } from "react";

function render(lang: Lang): string {
  function WithLang(): JSX.Element {
    const base = useContext(PaneContext);
    return (
      <PaneContext.Provider value={{ ...base, lang, t: strings(lang) }}>
        <HelpPage />
      </PaneContext.Provider>
    );
  }
  return renderToStaticMarkup(<WithLang />);
}

describe.each(["zh-CN", "en-US"] as const)("Help page in %s", (lang) => {
  it("lists all twelve functions with their names, descriptions and help pages", () => {
    const html = render(lang);
    const list = /<ul[^>]*data-testid="help-functions"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
    const hrefs = Array.from(list.matchAll(/href="([^"]+)"/g)).map((m) => m[1]);
    expect(hrefs).toEqual(DEALER_IDS.map((id) => `help/${lang}/${id.toLowerCase()}.html`));
    for (const id of DEALER_IDS) {
      const def = FUNCTIONS[id];
      expect(list).toContain(`DEALER.${lang === "zh-CN" ? def.zhName : def.id}`);
    }
    expect(DEALER_IDS).toHaveLength(12);
  });
});
