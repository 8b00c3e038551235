// One line of evidence as the pane lists it: where it was found (a cell, or the plan's elements), the
// engine's note and the value as the sheet shows it, with the language's punctuation.
import { ELEMENT_BY_ID, type Evidence } from "../../core/rubric";
import { evidenceValue } from "../../scoring/evidence";
import { fill, strings, type Lang } from "../i18n";

export interface EvidenceLine {
  /** The cell ("'营销计划'!D7"), when the evidence came from one: in Excel a link that selects it. */
  readonly ref?: string;
  /** Where, as text: the cell, or the names of the plan elements. */
  readonly where: string;
  /** What follows `where`: the note and the value, e.g. "：销售目标（新车销量: 360）". */
  readonly rest: string;
}

export function evidenceLine(e: Evidence, lang: Lang): EvidenceLine {
  const t = strings(lang);
  const where = e.ref ?? (e.elements ?? []).map((id) => ELEMENT_BY_ID[id].name[lang]).join(t.listSeparator);
  const value = evidenceValue(e, lang);
  const note = value === undefined ? e.note[lang] : fill(t.evidenceValue, { note: e.note[lang], value });
  return {
    ...(e.ref ? { ref: e.ref } : {}),
    where,
    rest: where ? fill(t.evidenceAfterWhere, { note }) : note,
  };
}
