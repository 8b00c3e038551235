// What the eight criteria share: evidence values with figures, results from checks, element evidence.
import { L } from "../../lang";
import { CRITERIA, ELEMENT_BY_ID } from "../elements";
import type { PlanFacts } from "../facts";
import type {
  CellLook,
  CriterionId,
  CriterionScore,
  ElementId,
  Evidence,
  Figure,
  Lang,
  Localized,
} from "../types";

/**
 * An evidence value built from text and numbers read from cells: the parts keep each number's cell
 * look for readers that show it as the sheet does; `value` is the same text with plain decimals.
 */
export function figures(...parts: readonly (string | Figure)[]): Pick<Evidence, "value" | "parts"> {
  return { value: parts.map((p) => (typeof p === "string" ? p : String(p.number))).join(""), parts };
}

export function figure(number: number, look: CellLook | undefined): Figure {
  return { number, ...look };
}

export function names(ids: readonly ElementId[], lang: Lang): string {
  return ids.map((id) => ELEMENT_BY_ID[id].name[lang]).join(lang === "zh-CN" ? "、" : ", ");
}

export interface Check {
  readonly ok: boolean;
  readonly evidence?: readonly Evidence[];
  readonly fix: Localized;
}

export function joinFixes(fixes: readonly Localized[]): Localized | null {
  if (fixes.length === 0) return null;
  return L(fixes.map((f) => f["zh-CN"]).join(";"), fixes.map((f) => f["en-US"]).join("; "));
}

export function result(
  id: CriterionId,
  auto: number,
  evidence: readonly Evidence[],
  fixes: readonly Localized[],
  needsPerson = false,
): CriterionScore {
  const info = CRITERIA[id - 1];
  const score = Math.max(0, Math.min(5, Math.floor(auto)));
  return {
    id,
    key: info.key,
    name: info.name,
    auto: score,
    needsPerson,
    evidence,
    suggestion: score >= 5 && !needsPerson ? null : joinFixes(fixes),
  };
}

export function fromChecks(id: CriterionId, checks: readonly Check[]): CriterionScore {
  const passed = checks.filter((c) => c.ok);
  return result(
    id,
    passed.length,
    passed.flatMap((c) => c.evidence ?? []),
    checks.filter((c) => !c.ok).map((c) => c.fix),
  );
}

export function elementEvidence(f: PlanFacts, id: ElementId, note: Localized): Evidence {
  const ref = f.element(id)?.ref;
  const text = f.text(id);
  const value = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return { elements: [id], note, ...(ref ? { ref } : {}), value };
}

export function presentCheck(f: PlanFacts, id: ElementId): Check {
  const n = ELEMENT_BY_ID[id].name;
  const filler = f.filler(id);
  const fix = L(`填写“${n["zh-CN"]}”`, `write the "${n["en-US"]}" element`);
  if (f.present(id))
    return {
      ok: true,
      evidence: [elementEvidence(f, id, L(`要素“${n["zh-CN"]}”已填写`, `"${n["en-US"]}" is filled in`))],
      fix,
    };
  return {
    ok: false,
    evidence: [],
    fix:
      filler === null
        ? fix
        : L(
            `${n["zh-CN"]}只写了“${filler}”，请写出实际内容`,
            `"${n["en-US"]}" only says "${filler}": write what it really holds`,
          ),
  };
}
