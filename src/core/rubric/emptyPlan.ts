import type { PlanDocument } from "./types";

export function emptyPlan(): PlanDocument {
  return { elements: [], targets: [], budget: [], schedule: [], owners: [], controls: [], actuals: [] };
}
