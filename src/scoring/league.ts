// The regional manager's league workbook: one ranking sheet (rank, dealer, total, %, C1–C8, the most
// important suggestion, a marker where a person must score criterion 8 or overrode a score), a colour
// scale on the scores, a native bar chart of the totals, the files that could not be read with their
// reasons, and one sheet per plan (league-plan.ts) linked from the dealer's name. A WorkbookSpec, so
// the command line writes it with templateToXlsx and the pane adds it to the open workbook through
// its port. Scores and percentages are constants: the file reads right before any recalculation.
import { fill, type Lang } from "../core/lang";
import { CRITERIA, effectiveScore, type CriterionId, type PlanScore } from "../core/rubric";
import { SheetBuilder } from "../templates/builder";
import { asText, sheetCell, type SheetSpec, type SpecCell, type WorkbookSpec } from "../templates/spec";
import { uniqueSheetName } from "../workbook/plan";
import { rankPlans, topSuggestion, type ScoredWorkbook, type UnreadableWorkbook } from "./batch";
import { planSheet } from "./league-plan";
import { LT } from "./league-texts";

/** What the league is made of: a batch's scored plans and unreadable files (BatchScores, or the pane's view). */
export interface LeagueResults {
  readonly plans: readonly ScoredWorkbook[];
  readonly failures: readonly Pick<UnreadableWorkbook, "file" | "reason">[];
}

export const RANKING_KEY = "league";
/** Header row of the ranking table (1-based); the plans follow from the next row. */
export const RANKING_HEADER_ROW = 5;
/** Columns of the ranking table, 0-based: A rank … D %, E–L C1–C8, M suggestion, N marker, O file. */
export const RANKING_COLS = {
  rank: 0,
  dealer: 1,
  total: 2,
  percent: 3,
  c1: 4,
  top: 12,
  marker: 13,
  file: 14,
};

export interface LeagueRow {
  readonly rank: number;
  readonly plan: ScoredWorkbook;
  /** Key and name of the plan's own sheet. */
  readonly key: string;
  readonly sheetName: string;
}

/** Competition ranking (1, 2, 2, 4): plans with the same total share a rank; order as rankPlans. */
export function leagueRows(plans: readonly ScoredWorkbook[], rankingName: string): LeagueRow[] {
  const ordered = rankPlans(plans);
  const taken = [rankingName];
  let rank = 0;
  return ordered.map((plan, i) => {
    if (i === 0 || plan.score.total !== ordered[i - 1].score.total) rank = i + 1;
    // "3 杭州西湖丰田": the position keeps names apart when two dealers share a name, and
    // uniqueSheetName cleans what Excel refuses and cuts to 31 characters.
    const sheetName = uniqueSheetName(`${i + 1} ${plan.dealer}`, taken);
    taken.push(sheetName);
    return { rank, plan, key: `plan${i + 1}`, sheetName };
  });
}

/** The marker text: criterion 8 waiting for a person, and the criteria a person overrode. */
export function markerText(score: PlanScore, lang: Lang): string {
  const parts: string[] = [];
  if (score.criteria[7].needsPerson && score.overrides[8] === undefined) parts.push(LT.needsPerson[lang]);
  const ids = (Object.keys(score.overrides) as `${CriterionId}`[]).map(Number).sort((a, b) => a - b);
  if (ids.length) parts.push(fill(LT.overridden[lang], { ids: ids.map((id) => `C${id}`).join(", ") }));
  return parts.join(lang === "zh-CN" ? "；" : "; ");
}

function topText(score: PlanScore, lang: Lang): string {
  const top = topSuggestion(score);
  if (top) return `C${top.criterion} ${top.suggestion[lang]}`;
  return score.total >= score.max ? LT.fullMarks[lang] : LT.waitingOnly[lang];
}

function rankingSheet(rows: readonly LeagueRow[], results: LeagueResults, lang: Lang): SheetSpec {
  const t = (x: { readonly [k in Lang]: string }) => x[lang];
  const b = new SheetBuilder(RANKING_KEY, t(LT.rankingSheet));
  const h = RANKING_HEADER_ROW;
  const first = h + 1;
  const last = h + rows.length;
  b.cell("A1", t(LT.title)).style("A1", "title").merge("A1:O1");
  b.cell("A2", fill(t(LT.summary), { n: rows.length, f: results.failures.length }))
    .style("A2", "subtitle")
    .merge("A2:O2");
  b.cell("A3", t(LT.legend)).style("A3", "note").merge("A3:O3");
  b.row(`A${h}`, [
    t(LT.rank),
    t(LT.dealer),
    t(LT.total),
    t(LT.percent),
    ...CRITERIA.map((c) => `C${c.id}`),
    t(LT.suggestion),
    t(LT.marker),
    t(LT.file),
  ]).style(`A${h}:O${h}`, "header");
  if (rows.length) {
    const body: SpecCell[][] = rows.map((r) => {
      const s = r.plan.score;
      return [
        r.rank,
        asText(r.plan.dealer),
        s.total,
        s.total / s.max,
        ...CRITERIA.map((c) => effectiveScore(s, c.id)),
        asText(topText(s, lang)),
        markerText(s, lang),
        asText(r.plan.file),
      ];
    });
    b.put(`A${first}`, body);
    rows.forEach((r, i) =>
      b.link(`B${first + i}`, "#" + sheetCell(r.key, "A1"), t(LT.dealer) + t(LT.evidenceSep) + r.plan.dealer),
    );
    b.format(`D${first}:D${last}`, "0.0%");
    b.style(`C${first}:L${last}`, "output").style(`M${first}:O${last}`, "label");
    b.colorScale(`E${first}:L${last}`, 0, 5).colorScale(`C${first}:C${last}`, 0, 40);
    // Horizontal bars of the totals beside the table (outside the print area), one per plan.
    b.addChart({
      type: "bar",
      title: t(LT.chartTitle),
      series: `C${h}:C${last}`,
      categories: `B${first}:B${last}`,
      from: "Q2",
      to: `Z${Math.max(22, h + 2 + Math.ceil(rows.length * 1.2))}`,
    });
  }
  let end = Math.max(last, h);
  if (results.failures.length) {
    const top = end + 2;
    b.cell(`A${top}`, t(LT.unreadableTitle)).style(`A${top}`, "section").merge(`A${top}:O${top}`);
    b.row(`A${top + 1}`, [null, t(LT.file), t(LT.reason)]).style(`B${top + 1}:O${top + 1}`, "header");
    b.merge(`C${top + 1}:O${top + 1}`);
    results.failures.forEach((f, i) => {
      const r = top + 2 + i;
      b.row(`A${r}`, [null, asText(f.file), asText(f.reason[lang])]).merge(`C${r}:O${r}`);
      b.style(`B${r}:O${r}`, "label");
    });
    end = top + 1 + results.failures.length;
  }
  b.width("A", 6).width("B", 26).width("C", 8).width("D", 9);
  for (let c = 0; c < 8; c++) b.width(RANKING_COLS.c1 + c, 5);
  b.width("M", 48).width("N", 22).width("O", 28);
  b.freezeAt(h, 2);
  b.print({ orientation: "landscape", titleRows: `${h}:${h}`, area: `A1:O${end}` });
  return b.build();
}

/** The league workbook of a batch's results, in one language. */
export function leagueWorkbook(results: LeagueResults, lang: Lang): WorkbookSpec {
  const rows = leagueRows(results.plans, LT.rankingSheet[lang]);
  const sheets = [
    rankingSheet(rows, results, lang),
    ...rows.map((r) =>
      planSheet({ key: r.key, name: r.sheetName, rank: r.rank, plan: r.plan, rankingKey: RANKING_KEY }, lang),
    ),
  ];
  return { kind: "plan", lang, title: LT.title[lang], sheets, names: [] };
}
