// The scorecard sheet as a template spec: criterion, automatic score, override, reason, evidence and
// suggestion. The effective scores and totals are native formulas, so a reviewer who types an override
// into the workbook (with or without the add-in) sees the total change at once.
import { L } from "../core/lang";
import {
  applyOverride,
  CRITERIA,
  isRubricError,
  type CriterionScore,
  type Lang,
  type Localized,
  type PlanScore,
} from "../core/rubric";
import { SheetBuilder } from "../templates/builder";
import { asText, type SheetSpec, type SpecCell, type WorkbookSpec } from "../templates/spec";
import { CellIndex, cellValueAt, type WorkbookSnapshot } from "../workbook/port";
import { SCORECARD_TITLE, SCORECARD_TITLES } from "./scorecard-titles";

const S = {
  sheet: L("评分卡", "Scorecard"),
  title: SCORECARD_TITLE,
  note: L(
    "自动评分由“经销商营销力”给出。要改分，在“人工评分”列填 0–5 分并写明理由；有效评分与合计会自动重算。",
    "Automatic scores come from Dealer Marketing Power. To change a score, type 0–5 in “Override” and give a reason; the effective score and the totals recompute.",
  ),
  no: L("序号", "#"),
  criterion: L("评估标准", "Criterion"),
  auto: L("自动评分", "Automatic score"),
  override: L("人工评分", "Override"),
  reason: L("理由", "Reason"),
  effective: L("有效评分", "Effective score"),
  evidence: L("依据", "Evidence"),
  suggestion: L("改进建议", "Suggestion"),
  total: L("合计（满分 40）", "Total (out of 40)"),
  percent: L("得分率", "Percent"),
  needsPerson: L("（需人工评分）", " (to be scored by a person)"),
  overrideError: L("请输入 0 到 5 之间的分数。", "Enter a score between 0 and 5."),
  source: L("文件", "File"),
  dealer: L("经销商", "Dealer"),
};

/** First data row (1-based) of the eight criteria. */
export const SCORECARD_FIRST_ROW = 6;
export const SCORECARD_TOTAL_ROW = SCORECARD_FIRST_ROW + 8;

const MAX_EVIDENCE_CHARS = 1500;

export function evidenceText(c: CriterionScore, lang: Lang): string {
  const lines = c.evidence.map((e) => {
    const value = e.value === undefined || e.value === "" ? "" : `: ${e.value}`;
    const ref = e.ref ? ` [${e.ref}]` : "";
    return `• ${e.note[lang]}${value}${ref}`;
  });
  const text = lines.join("\n");
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : text;
}

export interface ScorecardOptions {
  readonly lang: Lang;
  readonly dealer?: string;
  /** File name the plan came from, shown under the title. */
  readonly source?: string;
}

function layout(score: PlanScore, options: ScorecardOptions): SheetBuilder {
  const lang = options.lang;
  const t = (x: Localized) => x[lang];
  const b = new SheetBuilder("scorecard", t(S.sheet));
  const colon = lang === "zh-CN" ? "：" : ": ";
  const r0 = SCORECARD_FIRST_ROW;
  const r1 = r0 + 7;
  const tr = SCORECARD_TOTAL_ROW;

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:H1");
  const sub = [
    options.dealer ? `${t(S.dealer)}${colon}${options.dealer}` : "",
    options.source ? `${t(S.source)}${colon}${options.source}` : "",
  ]
    .filter((x) => x !== "")
    .join("   ");
  // The dealer and the file name come from a received workbook: text, never a formula.
  if (sub !== "") b.cell("A2", asText(sub)).style("A2", "subtitle").merge("A2:H2");
  b.cell("A3", t(S.note)).style("A3", "note").merge("A3:H3");
  b.row(`A${r0 - 1}`, [
    t(S.no),
    t(S.criterion),
    t(S.auto),
    t(S.override),
    t(S.reason),
    t(S.effective),
    t(S.evidence),
    t(S.suggestion),
  ]).style(`A${r0 - 1}:H${r0 - 1}`, "header");

  const rows: SpecCell[][] = CRITERIA.map((info, i) => {
    const c = score.criteria[i];
    const o = score.overrides[info.id];
    const r = r0 + i;
    return [
      info.id,
      t(info.name) + (c.needsPerson ? t(S.needsPerson) : ""),
      c.auto,
      o ? o.score : null,
      o ? asText(o.reason) : null,
      `=IF(D${r}="",C${r},D${r})`,
      asText(evidenceText(c, lang)),
      c.suggestion ? asText(c.suggestion[lang]) : "",
    ];
  });
  b.put(`A${r0}`, rows);
  b.row(`A${tr}`, [null, t(S.total), `=SUM(C${r0}:C${r1})`, null, null, `=SUM(F${r0}:F${r1})`]);
  b.row(`A${tr + 1}`, [null, t(S.percent), `=C${tr}/40`, null, null, `=F${tr}/40`]);
  b.style(`B${r0}:B${r1}`, "label").style(`G${r0}:H${r1}`, "label");
  b.style(`C${r0}:C${r1}`, "output").style(`F${r0}:F${r1}`, "output");
  b.input(`D${r0}:D${r1}`, { type: "decimal", min: 0, max: 5 }, t(S.overrideError), "0.0");
  b.style(`E${r0}:E${r1}`, "input");
  b.style(`B${tr}:F${tr + 1}`, "output")
    .format(`C${tr + 1}`, "0.0%")
    .format(`F${tr + 1}`, "0.0%");
  b.width("A", 5).width("B", 30).width("C", 10).width("D", 10).width("E", 24).width("F", 10);
  b.width("G", 60).width("H", 60);
  b.freezeAt(r0 - 1, 2);
  b.name("Score_Total", `F${tr}`, "output").name("Score_Percent", `F${tr + 1}`, "output");
  b.name("Score_Overrides", `D${r0}:D${r1}`, "input");
  return b;
}

export function scorecardSheet(score: PlanScore, options: ScorecardOptions): SheetSpec {
  return layout(score, options).build();
}

/** The scorecard as a one-sheet spec for the port's writeTemplate (the pane and the xlsx adapter). */
export function buildScorecard(score: PlanScore, options: ScorecardOptions): WorkbookSpec {
  const b = layout(score, options);
  // The spec's kinds are the four templates; a scorecard belongs with the plan it scores.
  return {
    kind: "plan",
    lang: options.lang,
    title: SCORECARD_TITLE[options.lang],
    sheets: [b.build()],
    names: b.names,
  };
}

/**
 * Overrides a reviewer typed into a scorecard sheet (found by its title in A1), applied to a fresh
 * automatic score. Cells that are empty or not a valid score are ignored; a missing reason is
 * recorded as "(no reason given)" rather than dropping the reviewer's score.
 */
export function readOverrides(snapshot: WorkbookSnapshot, score: PlanScore): PlanScore {
  // The last scorecard is the latest one ("评分卡 (2)" is added after "评分卡").
  const found = [...snapshot.sheets].reverse().find((s) => {
    const a1 = cellValueAt(s.cells, 0, 0);
    return typeof a1 === "string" && SCORECARD_TITLES.some((x) => a1.startsWith(x));
  });
  const sheet = found ? new CellIndex(found.cells) : undefined;
  if (!sheet) return score;
  let out = score;
  for (const info of CRITERIA) {
    const r = SCORECARD_FIRST_ROW - 1 + info.id - 1;
    const v = sheet.value(r, 3);
    if (typeof v !== "number") continue;
    const why = sheet.value(r, 4);
    const reason = typeof why === "string" && why.trim() !== "" ? why : "(未写理由 / no reason given)";
    const next = applyOverride(out, info.id, v, reason);
    if (!isRubricError(next)) out = next;
  }
  return out;
}
