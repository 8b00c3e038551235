import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactElement } from "react";
import type { Environment } from "../env";
import { strings, type Lang } from "../i18n";
import { describeError } from "../errors";
import { PaneContext, type PaneContextValue } from "../context";
import type { PaneServices } from "../services/types";
import { TemplatesPage } from "./TemplatesPage";

// Scoring, sharing and help are used less often than templates; their UI loads when its tab is opened
// (help brings the functions' descriptors, which the first screen does not need).
const ScorePage = lazy(() => import(/* webpackChunkName: "score-ui" */ "./ScorePage"));
const SharePage = lazy(() => import(/* webpackChunkName: "share-ui" */ "./SharePage"));
const HelpPage = lazy(() => import(/* webpackChunkName: "help-ui" */ "./HelpPage"));

type TabId = "templates" | "score" | "share" | "help";
const TABS: readonly TabId[] = ["templates", "score", "share", "help"];

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
    marginBottom: tokens.spacingVerticalS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  lang: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  bars: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  // While a tab's code loads: a line of text, not Fluent's Spinner, whose code would weigh on the
  // first load for a wait of a few milliseconds.
  loading: {
    color: tokens.colorNeutralForeground3,
    marginTop: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  readonly env: Environment;
  readonly services: PaneServices;
  /**
   * Called after the render that brought it is committed (the first: hydration done); index.tsx passes
   * a new one with each render it waits for.
   */
  readonly onFirstRender?: () => void;
}

export function App({ env, services, onFirstRender }: AppProps): ReactElement {
  const styles = useStyles();
  // The language the environment says (it may change when Office answers, see index.tsx) until the
  // user picks one in the header: their choice then stays.
  const [picked, setPicked] = useState<Lang | null>(null);
  const lang = picked ?? env.lang;
  const [tab, setTab] = useState<TabId>("templates");
  const [error, setError] = useState<string | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  const t = strings(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t.appTitle]);
  // After the first commit: hydration of the prerendered screen is done (an effect, so the build's
  // server render has nothing to warn about).
  useEffect(() => onFirstRender?.(), [onFirstRender]);
  // Re-describe a standing error when the language changes, so the bar follows the switch.
  useEffect(() => {
    if (lastError !== null) setError(describeError(lastError, t, lang));
  }, [t, lang, lastError]);

  const reportError = useCallback((e: unknown) => setLastError(() => e ?? new Error("unknown")), []);
  const clearError = useCallback(() => {
    setLastError(null);
    setError(null);
  }, []);
  const context = useMemo<PaneContextValue>(
    () => ({ lang, t, services, reportError, clearError }),
    [lang, t, services, reportError, clearError],
  );

  const tabLabel: Record<TabId, string> = {
    templates: t.tabTemplates,
    score: t.tabScore,
    share: t.tabShare,
    help: t.tabHelp,
  };

  return (
    <FluentProvider
      theme={env.theme === "dark" ? webDarkTheme : webLightTheme}
      className={styles.root}
      data-host={services.host}
      data-theme={env.theme}
      data-lang={lang}
    >
      <PaneContext.Provider value={context}>
        <header className={styles.header}>
          <div>
            {/* elementtiming: the bench reads when the title is painted (time to content). */}
            <h1 className={styles.title} {...{ elementtiming: "pane-title" }}>
              {t.appTitle}
            </h1>
            <p className={styles.subtitle}>{t.appSubtitle}</p>
          </div>
          <div className={styles.lang}>
            <label htmlFor="pane-language">{t.language}</label>
            <Select
              id="pane-language"
              size="small"
              value={lang}
              onChange={(_, data) => setPicked(data.value === "zh-CN" ? "zh-CN" : "en-US")}
            >
              <option value="zh-CN">中文</option>
              <option value="en-US">English</option>
            </Select>
          </div>
        </header>
        <main>
          <div className={styles.bars}>
            {services.host === "preview" && (
              // multiline: the sentence wraps in a narrow pane. The default ("auto") measures after
              // mounting, so the prerendered bar was one clipped line until React had run.
              <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
                <MessageBarBody>{t.previewBanner}</MessageBarBody>
              </MessageBar>
            )}
            {error !== null && (
              <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
                <MessageBarBody>
                  <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                  {error}
                </MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={clearError}>
                    {t.dismiss}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
          </div>
          <TabList
            aria-label={t.tabsLabel}
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(TABS.find((id) => id === data.value) ?? "templates")}
          >
            {TABS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {tabLabel[id]}
              </Tab>
            ))}
          </TabList>
          <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} data-testid="pane-content">
            <Suspense
              fallback={
                <p role="status" className={styles.loading}>
                  {t.loading}
                </p>
              }
            >
              {tab === "templates" && <TemplatesPage />}
              {tab === "score" && <ScorePage />}
              {tab === "share" && <SharePage />}
              {tab === "help" && <HelpPage />}
            </Suspense>
          </div>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
