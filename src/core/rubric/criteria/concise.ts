// Criterion 2, concise (简明扼要): short sections that make their points with figures, dates and
// tables, no padding. Judged on the elements that are there (the completeness of the plan is
// criterion 1), so this criterion alone may fall when text is added: padding costs by design.
import { L } from "../../lang";
import { ELEMENTS } from "../elements";
import type { PlanFacts } from "../facts";
import { dateMentions, quantities, textUnits } from "../text";
import type { CriterionScore, ElementId, Evidence, Localized } from "../types";
import { names, result } from "./shared";

export const MIN_UNITS = 8;
/** Units are CJK characters; in English about two of them make a word. */
const words = (units: number) => Math.round(units / 2);
/** The summary must be read at once by top management; the other elements may be longer. */
export function maxUnits(id: ElementId): number {
  return id === "summary" ? 250 : 500;
}
/** A whole plan longer than this is padded, however its sections are cut. */
export const PADDED_UNITS = 2500;
/** Points (figures, dates, structured lines) per element below which a plan says little. */
const POINTS_PER_ELEMENT = 0.5;

export function scoreConcise(f: PlanFacts): CriterionScore {
  const present = ELEMENTS.filter((e) => f.present(e.id)).map((e) => e.id);
  const filler = ELEMENTS.filter((e) => f.filler(e.id) !== null).map((e) => e.id);
  const long = present.filter((id) => textUnits(f.text(id)) > maxUnits(id));
  const all = present.map((id) => f.text(id)).join("\n");
  const units = textUnits(all);
  const p = f.plan;
  const points =
    quantities(all).length +
    dateMentions(all).length +
    p.targets.length +
    p.budget.length +
    p.schedule.length +
    p.controls.length;
  const evidence: Evidence[] = [
    {
      kind: "count",
      elements: present,
      value: units,
      note: L(
        `${present.length} 个要素共约 ${units} 字`,
        `${present.length} elements, about ${words(units)} words`,
      ),
    },
    {
      kind: "count",
      value: points,
      note: L("数字、日期和表格行（要点）", "figures, dates and table lines (the points made)"),
    },
  ];
  for (const id of long)
    evidence.push({
      kind: "length",
      elements: [id],
      value: textUnits(f.text(id)),
      note: L(`“${name(id, "zh-CN")}”过长（上限 ${maxUnits(id)} 字）`, `"${name(id, "en-US")}" is too long`),
      ...refOf(f, id),
    });
  for (const id of filler)
    evidence.push({
      kind: "filler",
      elements: [id],
      value: f.filler(id) ?? "",
      note: L(
        `${name(id, "zh-CN")}只写了“${f.filler(id) ?? ""}”`,
        `"${name(id, "en-US")}" only says "${f.filler(id) ?? ""}"`,
      ),
      ...refOf(f, id),
    });
  const fixes: Localized[] = [];
  if (present.length === 0)
    fixes.push(L("用简短的要点写出计划的各要素", "write the plan's elements as short points"));
  let score = present.length === 0 ? (filler.length > 0 ? 1 : 0) : 5 - Math.min(2, long.length);
  if (units > PADDED_UNITS) {
    score = Math.min(score, units > PADDED_UNITS * 1.4 ? 1 : 2);
    fixes.push(
      L("删去套话、前言和附录，只留要点", "cut the boilerplate, preface and appendices; keep the points"),
    );
  } else if (long.length > 0)
    fixes.push(
      L(
        `精简过长的要素（执行概要 ≤250 字，其他 ≤500 字）：${names(long, "zh-CN")}`,
        `shorten the elements that are too long (summary ≤125 words, others ≤250 words): ${names(long, "en-US")}`,
      ),
    );
  if (present.length > 0 && points < POINTS_PER_ELEMENT * present.length) {
    score = Math.min(score, 3);
    fixes.push(
      L(
        "用数字、日期和负责人写出要点，少用空泛的口号",
        "make the points with figures, dates and owners rather than general phrases",
      ),
    );
  }
  if (filler.length > 0) {
    score = Math.min(score - 1, filler.length >= present.length ? 2 : 4);
    fixes.push(
      L(
        `把占位的话（详见附件、待定、同去年）换成内容：${names(filler, "zh-CN")}`,
        `replace the filler (see attachment, TBD, same as last year) with content: ${names(filler, "en-US")}`,
      ),
    );
  }
  return result(2, Math.max(0, score), evidence, fixes);
}

function name(id: ElementId, lang: "zh-CN" | "en-US"): string {
  return names([id], lang);
}

function refOf(f: PlanFacts, id: ElementId): { ref?: string } {
  const ref = f.element(id)?.ref;
  return ref ? { ref } : {};
}
