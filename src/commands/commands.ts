// Ribbon commands. The add-in's only ribbon button opens the task pane (ShowTaskpane in the manifest),
// so there is no function command to associate; Office still expects the page to call onReady.
Office.onReady(() => undefined);
export {};
