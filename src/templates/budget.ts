// Whole-store marketing spend budget (全店营销投放预算): the spend structure as rows, in three blocks
// one under the other so the sheet prints one page wide: planned spend by month (with quarters),
// actual spend by month, and the year to date against plan per line, group and total (variance,
// status, forecast, share of spend, ROI, cost per vehicle and per lead). The summary sheet
// (budget-summary.ts) presents it.
import { SheetBuilder } from "./builder";
import { common, formats, monthLabels, moneyFormat, pick, str } from "./i18n";
import { resolveCommon, type TemplateOptions } from "./options";
import { absoluteRange, colName } from "../core/a1";
import type { Localized } from "../core/lang";
import { asText, type SpecCell, type WorkbookSpec } from "./spec";
import { budgetGroups, budgetStrings as S } from "./budget-texts";
import {
  forecastFormula,
  monthsReportedFormula,
  perUnitFormula,
  roiFormula,
  shareFormula,
  statusFormula,
  toDateFormula,
  variancePctFormula,
  varianceFormula,
} from "./budget-rules";
import { buildBudgetSummary } from "./budget-summary";

import {
  budgetCells,
  budgetColumns,
  budgetLayout,
  type BudgetBlock,
  type BudgetLayout,
} from "./budget-layout";

export { budgetGroups, budgetTexts } from "./budget-texts";
export { budgetCells, budgetColumns, budgetLayout } from "./budget-layout";
export type { BudgetBlock, BudgetLayout } from "./budget-layout";

const LAST = budgetColumns.YEAR;
const K = budgetColumns;
const C = colName;

const row = () => new Array<SpecCell>(LAST + 1).fill(null);

/** One month block (planned or actual): inputs by line and month, quarter and year sums. */
function monthBlock(
  b: SheetBuilder,
  blk: BudgetBlock,
  title: Localized,
  yearLabel: Localized,
  months: readonly string[],
  t: (x: Localized) => string,
  money: string,
): void {
  const h = blk.headerRow;
  b.cell(`A${h - 1}`, t(title)).style(`A${h - 1}`, "title");
  const head = row();
  head[0] = t(S.group);
  head[1] = t(S.line);
  months.forEach((m, i) => (head[K.MONTH0 + i] = m));
  for (let q = 0; q < 4; q++) head[K.Q0 + q] = t(S.quarter(q + 1));
  head[K.YEAR] = t(yearLabel);
  b.row(`A${h}`, head).style(`A${h}:${C(LAST)}${h}`, "header");
  b.format(`${C(K.MONTH0)}${h}:${C(K.MONTH0 + 11)}${h}`, formats.text);
  const sums = (r: number, cells: SpecCell[]) => {
    for (let q = 0; q < 4; q++)
      cells[K.Q0 + q] = `=SUM(${C(K.MONTH0 + 3 * q)}${r}:${C(K.MONTH0 + 3 * q + 2)}${r})`;
    cells[K.YEAR] = `=SUM(${C(K.MONTH0)}${r}:${C(K.MONTH0 + 11)}${r})`;
  };
  budgetGroups.forEach((g, gi) => {
    const rows = blk.lineRows[gi];
    b.cell(`A${rows[0] - 1}`, t(g.name)).style(`A${rows[0] - 1}:${C(LAST)}${rows[0] - 1}`, "section");
    g.lines.forEach(([sub, name], li) => {
      const cells = row();
      cells[0] = t(sub);
      cells[1] = t(name);
      sums(rows[li], cells);
      b.row(`A${rows[li]}`, cells);
    });
    const [first, last] = [rows[0], rows[rows.length - 1]];
    b.input(
      `${C(K.MONTH0)}${first}:${C(K.MONTH0 + 11)}${last}`,
      { type: "decimal", min: 0 },
      t(common.nonNegative),
    );
    const s = blk.subtotalRows[gi];
    const sub = row();
    sub[1] = `${t(g.name)} ${t(S.subtotal)}`;
    for (let k = K.MONTH0; k <= LAST; k++) sub[k] = `=SUM(${C(k)}${first}:${C(k)}${last})`;
    b.row(`A${s}`, sub).style(`A${s}:${C(LAST)}${s}`, "output");
  });
  const T = blk.totalRow;
  const tot = row();
  tot[0] = t(S.total);
  for (let k = K.MONTH0; k <= LAST; k++)
    tot[k] = `=SUM(${blk.subtotalRows.map((s) => `${C(k)}${s}`).join(",")})`;
  b.row(`A${T}`, tot).style(`A${T}:${C(LAST)}${T}`, "output");
  b.format(`${C(K.MONTH0)}${h + 1}:${C(LAST)}${T}`, money);
}

export function buildBudget(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: Localized) => pick(x, c.lang);
  const money = moneyFormat(c.currency);
  const bo = options.budget ?? {};
  const lay = budgetLayout();
  const b = new SheetBuilder("budget", t(S.sheet));
  const cells = budgetCells;

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:J1");
  b.cell("A2", asText(t(common.subtitle(c.dealerName, c.brand, c.year))))
    .style("A2", "subtitle")
    .merge("A2:J2");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:J3");

  b.cell("A4", t(S.settings)).style(`A4:${C(LAST)}4`, "section");
  b.put("A5", [
    [t(S.margin), null, bo.margin ?? 1, t(S.marginNote)],
    [t(S.tolerance), null, bo.tolerance ?? 0.1, t(S.toleranceNote)],
    [t(S.monthsOverride), null, null, t(S.monthsOverrideNote)],
  ]);
  const a = lay.actual;
  const monthCells = Array.from({ length: 12 }, (_, k) =>
    a.lineRows
      .map((rows) => `${C(K.MONTH0 + k)}${rows[0]}:${C(K.MONTH0 + k)}${rows[rows.length - 1]}`)
      .join(","),
  );
  const o = cells.override;
  const validOverride = `AND(ISNUMBER(${o}),${o}>=0,${o}<=12)`;
  b.row("A8", [
    t(S.months),
    null,
    `=${monthsReportedFormula(o, monthCells)}`,
    `=IF(${validOverride},${str(t(S.monthsManual))},${str(t(S.monthsAuto))})`,
  ]);
  for (const r of [5, 6, 7, 8]) b.merge(`A${r}:B${r}`).merge(`D${r}:${C(LAST)}${r}`);
  b.style("A5:A8", "label").style("D5:D8", "note");
  b.input(cells.margin, { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percentWhole);
  b.input(cells.tolerance, { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percentWhole);
  b.input(o, { type: "whole", min: 0, max: 12 }, t(common.wholeNonNegative), formats.count);
  b.style(cells.months, "output").format(cells.months, formats.count);

  const months = monthLabels(c.year, c.firstMonth, c.lang);
  monthBlock(b, lay.planned, S.planned, S.plannedYear, months, t, money);
  monthBlock(b, lay.actual, S.actual, S.actualYear, months, t, money);
  analysisBlock(b, lay, t, money);

  b.width(0, 12).width(1, 24);
  for (let k = K.MONTH0; k <= LAST; k++) b.width(k, 11);
  b.freezeAt(0, 2);
  b.print({ orientation: "landscape", titleRows: "1:2", footer: c.dealerName });

  const [pl, ac, an] = [lay.planned, lay.actual, lay.analysis];
  const at = (k: number, r: number) => `${C(k)}${r}`;
  const T = an.totalRow;
  b.name("Budget_Margin", cells.margin, "input")
    .name("Budget_Tolerance", cells.tolerance, "input")
    .name("Budget_MonthsOverride", cells.override, "input")
    .name("Budget_MonthsReported", cells.months, "output")
    .name(
      "Budget_PlannedMonths",
      `${at(K.MONTH0, pl.lineRows[0][0])}:${at(K.MONTH0 + 11, pl.totalRow)}`,
      "input",
    )
    .name(
      "Budget_ActualMonths",
      `${at(K.MONTH0, ac.lineRows[0][0])}:${at(K.MONTH0 + 11, ac.totalRow)}`,
      "input",
    )
    .name("Budget_PlannedQuarters", `${at(K.Q0, pl.lineRows[0][0])}:${at(K.Q0 + 3, pl.totalRow)}`, "output")
    .name("Budget_ActualQuarters", `${at(K.Q0, ac.lineRows[0][0])}:${at(K.Q0 + 3, ac.totalRow)}`, "output")
    .name("Budget_TotalPlanned", at(K.YEAR, pl.totalRow), "output")
    .name("Budget_TotalActual", at(K.YEAR, ac.totalRow), "output")
    .name("Budget_YTDPlanned", at(K.YTD_PLANNED, T), "output")
    .name("Budget_YTDActual", at(K.YTD_ACTUAL, T), "output")
    .name("Budget_YTDVariance", at(K.VARIANCE, T), "output")
    .name("Budget_YTDVariancePct", at(K.VARIANCE_PCT, T), "output")
    .name("Budget_Status", at(K.STATUS, T), "output")
    .name("Budget_Forecast", at(K.FORECAST, T), "output")
    // Budget_Variance compares to date now: full-year plan against actual to date was the old flaw.
    .name("Budget_Variance", at(K.VARIANCE, T), "output")
    .name("Budget_TotalLeads", at(K.LEADS, T), "output")
    .name("Budget_TotalVehicles", at(K.VEHICLES, T), "output")
    .name("Budget_TotalRevenue", at(K.REVENUE, T), "output")
    .name("Budget_ROI", at(K.ROI, T), "output")
    .name("Budget_CostPerSale", at(K.CPS, T), "output")
    .name("Budget_CostPerLead", at(K.CPL, T), "output")
    .name("Budget_Table", `A${an.headerRow}:${at(K.NOTES, T)}`, "output");

  const summary = buildBudgetSummary(c, lay, t);
  return {
    kind: "budget",
    lang: c.lang,
    title: t(S.title),
    sheets: [b.build(), summary],
    names: b.names,
  };
}

/** The year to date against plan, row for row beside the two month blocks' rows. */
function analysisBlock(b: SheetBuilder, lay: BudgetLayout, t: (x: Localized) => string, money: string) {
  const an = lay.analysis;
  const h = an.headerRow;
  const dp = h - lay.planned.headerRow;
  const da = h - lay.actual.headerRow;
  const m = absoluteRange(budgetCells.months);
  const margin = `IF(ISNUMBER($C$5),$C$5,1)`;
  const tolerance = `IF(ISNUMBER($C$6),$C$6,0)`;
  const texts = { over: str(t(S.over)), under: str(t(S.under)), ok: str(t(S.ok)) };
  const T = an.totalRow;
  b.cell(`A${h - 1}`, t(S.analysis)).style(`A${h - 1}`, "title");
  const head = row();
  const labels: [number, Localized][] = [
    [0, S.group],
    [1, S.line],
    [K.PLAN_YEAR, S.plannedYear],
    [K.YTD_PLANNED, S.ytdPlanned],
    [K.YTD_ACTUAL, S.ytdActual],
    [K.VARIANCE, S.variance],
    [K.VARIANCE_PCT, S.variancePct],
    [K.STATUS, S.status],
    [K.FORECAST, S.forecast],
    [K.SHARE, S.share],
    [K.LEADS, S.leads],
    [K.VEHICLES, S.vehicles],
    [K.REVENUE, S.revenue],
    [K.ROI, S.roi],
    [K.CPS, S.cps],
    [K.CPL, S.cpl],
    [K.NOTES, S.notes],
  ];
  for (const [k, l] of labels) head[k] = t(l);
  b.row(`A${h}`, head).style(`A${h}:${C(LAST)}${h}`, "header");
  const x = (k: number, r: number) => `${C(k)}${r}`;
  /** Everything but the inputs of one analysis row r (a line, a subtotal or the total). */
  const results = (r: number, cells: SpecCell[]) => {
    const [rp, ra] = [r - dp, r - da];
    const months = (rr: number) => `${C(K.MONTH0)}${rr}:${C(K.MONTH0 + 11)}${rr}`;
    const [yp, p, ac] = [x(K.PLAN_YEAR, r), x(K.YTD_PLANNED, r), x(K.YTD_ACTUAL, r)];
    cells[K.PLAN_YEAR] = `=${x(K.YEAR, rp)}`;
    cells[K.YTD_PLANNED] = `=${toDateFormula(months(rp), K.MONTH0 + 1, m)}`;
    cells[K.YTD_ACTUAL] = `=${toDateFormula(months(ra), K.MONTH0 + 1, m)}`;
    cells[K.VARIANCE] = `=${varianceFormula(p, ac)}`;
    cells[K.VARIANCE_PCT] = `=${variancePctFormula(p, ac)}`;
    cells[K.STATUS] = `=${statusFormula(p, ac, m, tolerance, texts)}`;
    cells[K.FORECAST] = `=${forecastFormula(yp, p, ac)}`;
    cells[K.SHARE] = `=${shareFormula(ac, `$${C(K.YTD_ACTUAL)}$${T}`)}`;
    cells[K.ROI] = `=${roiFormula(x(K.REVENUE, r), ac, margin)}`;
    cells[K.CPS] = `=${perUnitFormula(ac, x(K.VEHICLES, r))}`;
    cells[K.CPL] = `=${perUnitFormula(ac, x(K.LEADS, r))}`;
  };
  /** Leads add up; vehicles and revenue stay blank until some line has them (no −100% ROI). */
  const totals = (cells: SpecCell[], refs: (k: number) => string) => {
    cells[K.LEADS] = `=SUM(${refs(K.LEADS)})`;
    for (const k of [K.VEHICLES, K.REVENUE]) cells[k] = `=IF(COUNT(${refs(k)})=0,"",SUM(${refs(k)}))`;
  };
  budgetGroups.forEach((g, gi) => {
    const rows = an.lineRows[gi];
    b.cell(`A${rows[0] - 1}`, t(g.name)).style(`A${rows[0] - 1}:${C(LAST)}${rows[0] - 1}`, "section");
    g.lines.forEach(([sub, name], li) => {
      const cells = row();
      cells[0] = t(sub);
      cells[1] = t(name);
      results(rows[li], cells);
      b.row(`A${rows[li]}`, cells);
    });
    const [first, last] = [rows[0], rows[rows.length - 1]];
    b.input(`${x(K.LEADS, first)}:${x(K.REVENUE, last)}`, { type: "decimal", min: 0 }, t(common.nonNegative));
    b.style(`${x(K.NOTES, first)}:${x(K.NOTES, last)}`, "input");
    const s = an.subtotalRows[gi];
    const sub = row();
    sub[1] = `${t(g.name)} ${t(S.subtotal)}`;
    results(s, sub);
    totals(sub, (k) => `${C(k)}${first}:${C(k)}${last}`);
    b.row(`A${s}`, sub).style(`A${s}:${C(LAST)}${s}`, "output");
  });
  const tot = row();
  tot[0] = t(S.total);
  results(T, tot);
  totals(tot, (k) => an.subtotalRows.map((s) => `${C(k)}${s}`).join(","));
  b.row(`A${T}`, tot).style(`A${T}:${C(LAST)}${T}`, "output");
  for (let r = h; r <= T; r++) b.merge(`${x(K.NOTES, r)}:${x(LAST, r)}`);
  const body = (k0: number, k1: number) => `${C(k0)}${h + 1}:${C(k1)}${T}`;
  b.format(body(K.PLAN_YEAR, K.VARIANCE), money)
    .format(body(K.VARIANCE_PCT, K.VARIANCE_PCT), formats.percent)
    .format(body(K.FORECAST, K.FORECAST), money)
    .format(body(K.SHARE, K.SHARE), formats.percent)
    .format(body(K.LEADS, K.VEHICLES), formats.count)
    .format(body(K.REVENUE, K.REVENUE), money)
    .format(body(K.ROI, K.ROI), formats.percent)
    .format(body(K.CPS, K.CPL), money)
    .format(body(K.NOTES, K.NOTES), formats.text);
  const status = body(K.STATUS, K.STATUS);
  b.whenText(status, t(S.over), "bad").whenText(status, t(S.under), "warn").whenText(status, t(S.ok), "good");
  b.cell(`A${T + 1}`, t(S.ytdNote))
    .style(`A${T + 1}`, "note")
    .merge(`A${T + 1}:${C(LAST)}${T + 1}`);
}
