// The bench's yardstick: the smallest React 18 + Fluent UI v9 page (one FluentProvider, a title, a
// button), built with the pane's own webpack settings (bench/minimal/webpack.config.js). The bench
// compares the pane's time to content with this page's.
import { Button, FluentProvider, Title1, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (container)
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title1 as="h1">
        {/* elementtiming on a native element (Fluent's Title1 drops attributes it does not know): the
            bench reads when the title is painted, as it does for the pane's. */}
        <span {...{ elementtiming: "title" }}>经销商营销力</span>
      </Title1>
      <Button appearance="primary">开始</Button>
    </FluentProvider>,
  );
