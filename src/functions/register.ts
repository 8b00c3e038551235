/**
 * Bundle entry for the custom functions. Registration must not wait for React or Office.onReady:
 * office.js defines `CustomFunctions.associate` synchronously when it loads (the host part that
 * brings CustomFunctions.Error comes later, and is only needed at call time). Where office.js is
 * missing (it failed to load from the CDN, a page opened from disk, a test), the global does not
 * exist, and functions.ts, to which the metadata plugin appends unguarded
 * `CustomFunctions.associate(...)` calls, must not be evaluated. "eager" keeps it in this chunk:
 * no extra request, the import resolves in a microtask.
 */
export function registerCustomFunctions(): Promise<boolean> {
  if (typeof CustomFunctions === "undefined") return Promise.resolve(false);
  return import(/* webpackMode: "eager" */ "./functions").then(() => true);
}

void registerCustomFunctions();
