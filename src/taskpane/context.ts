import { createContext, useContext } from "react";
import { strings, type Lang, type Strings } from "./i18n";
import type { PaneServices } from "./services/types";

export interface PaneContextValue {
  readonly lang: Lang;
  readonly t: Strings;
  readonly services: PaneServices;
  /** Shows an error in the pane's MessageBar (never only the console). */
  readonly reportError: (error: unknown) => void;
  readonly clearError: () => void;
}

const missing = (): never => {
  throw new Error("PaneContext used outside <App>");
};

export const PaneContext = createContext<PaneContextValue>({
  lang: "en-US",
  t: strings("en-US"),
  services: {
    host: "preview",
    templateForm: missing,
    validate: missing,
    createTemplate: missing,
    score: missing,
    override: missing,
    scoreBatch: missing,
    overrideInBatch: missing,
    writeScorecard: missing,
    prepareForSharing: missing,
    restore: missing,
    scanBroken: missing,
    repairBroken: missing,
    setTagged: missing,
    downloadTagged: missing,
  },
  reportError: missing,
  clearError: missing,
});

export function usePane(): PaneContextValue {
  return useContext(PaneContext);
}
