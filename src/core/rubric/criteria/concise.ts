import { L } from "../../lang";
import { ELEMENTS } from "../elements";
import type { PlanFacts } from "../facts";
import { textUnits } from "../text";
import type { CriterionScore, ElementId, Evidence, Localized } from "../types";
import { names, result } from "./shared";

export const MIN_UNITS = 8;
/** Units are CJK characters; in English about two of them make a word. */
const words = (units: number) => Math.round(units / 2);
/** The summary must be read at once by top management; the other elements may be longer. */
export function maxUnits(id: ElementId): number {
  return id === "summary" ? 250 : 500;
}

export function scoreConcise(f: PlanFacts): CriterionScore {
  const fitting: ElementId[] = [];
  const short: ElementId[] = [];
  const long: ElementId[] = [];
  const evidence: Evidence[] = [];
  for (const e of ELEMENTS) {
    if (!f.present(e.id)) continue;
    const units = textUnits(f.text(e.id));
    const ref = f.element(e.id)?.ref;
    if (units < MIN_UNITS) {
      short.push(e.id);
      evidence.push({
        elements: [e.id],
        value: units,
        note: L(
          `“${e.name["zh-CN"]}”过短(约 ${units} 字)`,
          `"${e.name["en-US"]}" is too short (about ${words(units)} words)`,
        ),
        ...(ref ? { ref } : {}),
      });
    } else if (units > maxUnits(e.id)) {
      long.push(e.id);
      evidence.push({
        elements: [e.id],
        value: units,
        note: L(
          `“${e.name["zh-CN"]}”过长(约 ${units} 字,上限 ${maxUnits(e.id)})`,
          `"${e.name["en-US"]}" is too long (about ${words(units)} words, limit ${words(maxUnits(e.id))})`,
        ),
        ...(ref ? { ref } : {}),
      });
    } else fitting.push(e.id);
  }
  evidence.unshift({
    elements: fitting,
    value: `${fitting.length}/12`,
    note: L(`${fitting.length} 个要素篇幅适中`, `${fitting.length} elements are of a fitting length`),
  });
  const fixes: Localized[] = [];
  if (short.length > 0)
    fixes.push(
      L(
        `充实过短的要素(至少 ${MIN_UNITS} 字,写清要点):${names(short, "zh-CN")}`,
        `expand the elements that are too short (at least ${MIN_UNITS / 2} words, state the point): ${names(short, "en-US")}`,
      ),
    );
  if (long.length > 0)
    fixes.push(
      L(
        `精简过长的要素(执行概要 ≤250 字,其他 ≤500 字):${names(long, "zh-CN")}`,
        `shorten the elements that are too long (summary ≤125 words, others ≤250 words): ${names(long, "en-US")}`,
      ),
    );
  const missing = ELEMENTS.filter((e) => !f.present(e.id)).map((e) => e.id);
  if (missing.length > 0)
    fixes.push(
      L(
        `为缺少文字的要素写一段简明说明:${names(missing, "zh-CN")}`,
        `write a short text for: ${names(missing, "en-US")}`,
      ),
    );
  return result(2, (5 * fitting.length) / 12, evidence, fixes);
}
