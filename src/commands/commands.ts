// Ribbon commands. The add-in's only ribbon button opens the task pane (ShowTaskpane in the manifest),
// so there is no function command to associate; Office still expects the page to call onReady.
// The loader runs this beside the pane's bundle, which may be before office.js has arrived (a stalled
// CDN, loader.ts): wait for its tag, as the pane does.
import { officeSettled } from "../taskpane/loader";

void officeSettled().then(() => {
  if (typeof Office !== "undefined") void Office.onReady(() => undefined);
});
