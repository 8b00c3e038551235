import type { PaneServices } from "./types";

const notYet = (): never => {
  throw new Error("not available yet");
};

export const excelServices: Omit<PaneServices, "host"> = {
  templateForm: notYet,
  validate: notYet,
  createTemplate: notYet,
  score: notYet,
  override: notYet,
  writeScorecard: notYet,
  prepareForSharing: notYet,
  restore: notYet,
};
