import { L } from "../../lang";
import { ELEMENTS } from "../elements";
import type { PlanFacts } from "../facts";
import { hasContent } from "../text";
import type { CriterionScore, ElementId, Evidence } from "../types";
import { names, result } from "./shared";

/** Structured blocks also show an element is there, e.g. a filled budget table is the expense forecast. */
function covered(f: PlanFacts, id: ElementId): boolean {
  if (f.present(id)) return true;
  const p = f.plan;
  switch (id) {
    case "marketingObjectives":
      return p.targets.some((t) => t.value !== null && t.kind !== "financial");
    case "financialObjectives":
      return p.targets.some((t) => t.value !== null && t.kind === "financial");
    case "expenses":
      return p.budget.some((b) => b.amount !== null && b.amount > 0);
    case "schedule":
      return p.schedule.some((s) => hasContent(s.label) && (hasContent(s.start) || hasContent(s.end)));
    case "control":
      return p.controls.some((c) => hasContent(c.kpi) && c.standard !== null && c.standard !== undefined);
    case "organization":
      return p.owners.some((o) => hasContent(o.name));
    default:
      return false;
  }
}

export function scoreComplete(f: PlanFacts): CriterionScore {
  const have = ELEMENTS.filter((e) => covered(f, e.id)).map((e) => e.id);
  const missing = ELEMENTS.filter((e) => !covered(f, e.id)).map((e) => e.id);
  const evidence: Evidence[] = [
    {
      elements: have,
      value: `${have.length}/12`,
      note: L(`已有 ${have.length} 个要素，共 12 个`, `${have.length} of the 12 elements are there`),
    },
  ];
  const fix = L(
    `补全缺失的要素：${names(missing, "zh-CN")}`,
    `add the missing elements: ${names(missing, "en-US")}`,
  );
  return result(1, (5 * have.length) / 12, evidence, missing.length > 0 ? [fix] : []);
}
