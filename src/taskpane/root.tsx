// The pane's React tree with its Griffel renderer: the build renders it to taskpane.html
// (build/prerender-pane.tsx) and index.tsx hydrates the same tree, so the two cannot differ.
import { RendererProvider, type GriffelRenderer } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { App, type AppProps } from "./components/App";

export interface PaneRootProps extends AppProps {
  readonly renderer: GriffelRenderer;
}

export function PaneRoot({ renderer, ...app }: PaneRootProps): ReactElement {
  return (
    <RendererProvider
      renderer={renderer}
      targetDocument={typeof document === "undefined" ? undefined : document}
    >
      <App {...app} />
    </RendererProvider>
  );
}
