import { Link } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { DEALER_IDS, functionEntry, functionDef, helpPage } from "../../functions/registry";
import { usePane } from "../context";
import { useCommonStyles } from "../styles";

export default function HelpPage(): ReactElement {
  const { t, lang } = usePane();
  const common = useCommonStyles();
  // The help pages sit beside taskpane.html in the build (help/<lang>/…), the same pages the custom
  // functions' @helpurl point at. The functions listed are the descriptors', in the pane's language.
  const pages = [
    { lang: "zh-CN", label: t.helpFunctionsZh },
    { lang: "en-US", label: t.helpFunctions },
  ].sort((a, b) => (a.lang === lang ? -1 : b.lang === lang ? 1 : 0));
  return (
    <section className={common.page} aria-labelledby="help-heading">
      <h2 id="help-heading" className={common.heading}>
        {t.helpHeading}
      </h2>
      <p className={common.muted}>{t.helpIntro}</p>
      <ul className={common.list} data-testid="help-functions">
        {DEALER_IDS.map((id) => {
          const entry = functionEntry(functionDef(id), lang);
          return (
            <li key={id}>
              <Link href={`help/${lang}/${helpPage(id)}`} target="_blank" rel="noopener" hrefLang={lang}>
                {entry.name}
              </Link>
              <span className={common.muted}> — {entry.description}</span>
            </li>
          );
        })}
      </ul>
      <ul className={common.list}>
        {pages.map((p) => (
          <li key={p.lang}>
            <Link
              href={`help/${p.lang}/index.html`}
              target="_blank"
              rel="noopener"
              hrefLang={p.lang}
              data-testid={`help-${p.lang}`}
            >
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className={common.muted}>{t.helpKeyboard}</p>
      <p className={common.muted}>{t.helpPreview}</p>
    </section>
  );
}
