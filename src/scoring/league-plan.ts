// One sheet per plan in the league workbook: the eight criteria with the automatic score, a person's
// override and its reason, the effective score, the evidence (figures shown as their cells show
// them) and the suggestion; a link back to the ranking. Every text that came from a plan is wrapped
// in asText, so a dealer called "=HYPERLINK(…)" stays a name.
import { fill, type Lang } from "../core/lang";
import { CRITERIA, effectiveScore, type CriterionScore } from "../core/rubric";
import { SheetBuilder } from "../templates/builder";
import { asText, sheetCell, type SheetSpec, type SpecCell } from "../templates/spec";
import type { ScoredWorkbook } from "./batch";
import { topSuggestion } from "./batch";
import { evidenceValue } from "./evidence";
import { LT } from "./league-texts";

/** Header row and first criterion row (1-based) of a plan sheet. */
export const PLAN_HEADER_ROW = 5;
export const PLAN_FIRST_ROW = PLAN_HEADER_ROW + 1;

/** Evidence cells stay well inside Excel's 32,767 characters and still print. */
const MAX_EVIDENCE_CHARS = 1500;

/** The evidence of one criterion as bullet lines, values formatted as their cells show them. */
export function evidenceLines(c: CriterionScore, lang: Lang): string {
  if (c.evidence.length === 0) return LT.noEvidence[lang];
  const text = c.evidence
    .map((e) => {
      const v = evidenceValue(e, lang);
      return `• ${e.note[lang]}${v ? LT.evidenceSep[lang] + v : ""}${e.ref ? ` [${e.ref}]` : ""}`;
    })
    .join("\n");
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : text;
}

export interface PlanSheetInput {
  readonly key: string;
  readonly name: string;
  readonly rank: number;
  readonly plan: ScoredWorkbook;
  /** The ranking sheet's key, for the link back. */
  readonly rankingKey: string;
}

export function planSheet(input: PlanSheetInput, lang: Lang): SheetSpec {
  const { plan, rank } = input;
  const score = plan.score;
  const t = (x: { readonly [k in Lang]: string }) => x[lang];
  const b = new SheetBuilder(input.key, input.name);
  const r0 = PLAN_FIRST_ROW;
  const r1 = r0 + 7;
  const sum = r1 + 1;

  b.cell("A1", asText(plan.dealer)).style("A1", "title").merge("A1:H1");
  const subtitle = fill(t(LT.planSubtitle), {
    file: plan.file,
    total: score.total,
    percent: `${score.percent.toFixed(1)}%`,
    rank,
  });
  b.cell("A2", asText(subtitle)).style("A2", "subtitle").merge("A2:H2");
  b.cell("A3", t(LT.back))
    .style("A3", "note")
    .link("A3", "#" + sheetCell(input.rankingKey, "A1"));
  b.row(`A${PLAN_HEADER_ROW}`, [
    t(LT.no),
    t(LT.criterion),
    t(LT.auto),
    t(LT.override),
    t(LT.overrideReason),
    t(LT.effective),
    t(LT.evidence),
    t(LT.planSuggestion),
  ]).style(`A${PLAN_HEADER_ROW}:H${PLAN_HEADER_ROW}`, "header");

  const rows: SpecCell[][] = CRITERIA.map((info, i) => {
    const c = score.criteria[i];
    const o = score.overrides[info.id];
    return [
      info.id,
      t(info.name) + (c.needsPerson && !o ? t(LT.needsPersonName) : ""),
      c.auto,
      o ? o.score : null,
      o ? asText(o.reason) : null,
      effectiveScore(score, info.id),
      asText(evidenceLines(c, lang)),
      c.suggestion ? asText(c.suggestion[lang]) : null,
    ];
  });
  b.put(`A${r0}`, rows);
  // Constants, not formulas: a reader that does not recalculate (a preview, a script) sees the totals.
  b.row(`A${sum}`, [null, t(LT.sumRow), score.autoTotal, null, null, score.total, null, null]);
  const top = topSuggestion(score);
  b.row(`A${sum + 2}`, [
    null,
    t(LT.topRow),
    asText(top ? `C${top.criterion} ${top.suggestion[lang]}` : t(LT.fullMarks)),
  ]).merge(`C${sum + 2}:H${sum + 2}`);

  b.style(`B${r0}:B${sum + 2}`, "label")
    .style(`G${r0}:H${r1}`, "label")
    .style(`E${r0}:E${r1}`, "label");
  b.style(`C${r0}:D${sum}`, "output").style(`F${r0}:F${sum}`, "output");
  b.colorScale(`F${r0}:F${r1}`, 0, 5);
  b.width("A", 5).width("B", 28).width("C", 11).width("D", 10).width("E", 20).width("F", 10);
  b.width("G", 60).width("H", 48);
  b.freezeAt(PLAN_HEADER_ROW, 0);
  b.print({
    orientation: "landscape",
    titleRows: `${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}`,
    footer: plan.dealer,
  });
  return b.build();
}
