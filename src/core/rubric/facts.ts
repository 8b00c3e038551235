// What the criteria need to know about a plan, computed once.
import { ELEMENTS } from "./elements";
import { fillerOf, hasContent } from "./text";
import type { ElementId, PlanDocument, PlanElement } from "./types";

export interface PlanFacts {
  readonly plan: PlanDocument;
  /** The element's text when it has content, else "". Several entries for one element are joined. */
  text(id: ElementId): string;
  present(id: ElementId): boolean;
  element(id: ElementId): PlanElement | undefined;
  /** The filler an element holds instead of content ("详见附件", "TBD"), when that is all it holds. */
  filler(id: ElementId): string | null;
}

export function planFacts(plan: PlanDocument): PlanFacts {
  const texts = new Map<ElementId, string>();
  const first = new Map<ElementId, PlanElement>();
  const fillers = new Map<ElementId, string>();
  for (const e of plan.elements) {
    if (!first.has(e.id)) first.set(e.id, e);
    const filler = fillerOf(e.text);
    if (filler !== null && !fillers.has(e.id)) fillers.set(e.id, filler);
    if (!hasContent(e.text)) continue;
    const before = texts.get(e.id);
    texts.set(e.id, before ? `${before}\n${e.text.trim()}` : e.text.trim());
  }
  return {
    plan,
    text: (id) => texts.get(id) ?? "",
    present: (id) => texts.has(id),
    element: (id) => first.get(id),
    filler: (id) => (texts.has(id) ? null : (fillers.get(id) ?? null)),
  };
}

export const ELEMENT_IDS: readonly ElementId[] = ELEMENTS.map((e) => e.id);
