/**
 * Bundle entry for the custom functions. Registration must not wait for React or Office.onReady,
 * and must not crash in the pane's browser preview, where Office.js defines no CustomFunctions.
 * functions.ts gets unguarded `CustomFunctions.associate` calls appended by the metadata plugin,
 * so it is evaluated only when the runtime exists. "eager" keeps it in this chunk: no extra
 * request, the import resolves in a microtask.
 */
export function registerCustomFunctions(): Promise<boolean> {
  if (typeof CustomFunctions === "undefined") return Promise.resolve(false);
  return import(/* webpackMode: "eager" */ "./functions").then(() => true);
}

void registerCustomFunctions();
