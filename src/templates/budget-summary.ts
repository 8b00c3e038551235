// The budget's summary sheet (预算摘要): the key figures, the spend by group and by month, and two
// native charts (spend mix by group, planned against actual by month), all drawn by formulas from the
// budget sheet, so the page a manager is handed needs nothing typed into it. Prints on one portrait
// page, the monthly table on a second.
import { SheetBuilder } from "./builder";
import { absoluteRange, colName } from "../core/a1";
import { common, formats, monthLabels, moneyFormat } from "./i18n";
import type { Localized } from "../core/lang";
import type { ResolvedCommon } from "./options";
import { asText, sheetCell, type SheetSpec, type SpecCell } from "./spec";
import { budgetCells, budgetColumns as K, type BudgetLayout } from "./budget-layout";
import { budgetGroups, budgetStrings as S } from "./budget-texts";
import { shareFormula } from "./budget-rules";

/** 1-based rows of the summary, for the tests. */
export const summaryLayout = {
  figureRows: [6, 12] as const,
  groupHeaderRow: 15,
  groupRows: [16, 19] as const,
  groupTotalRow: 20,
  chartRows: [23, 40] as const,
  monthHeaderRow: 43,
  monthRows: [44, 55] as const,
};

export function buildBudgetSummary(
  c: ResolvedCommon,
  lay: BudgetLayout,
  t: (x: Localized) => string,
): SheetSpec {
  const money = moneyFormat(c.currency);
  const b = new SheetBuilder("summary", t(S.summarySheet));
  const C = colName;
  /** A cell of the budget sheet, by its key (the sheet may be renamed when written twice). */
  const ref = (k: number, r: number) => sheetCell("budget", `$${C(k)}$${r}`);
  const at = (x: string) => sheetCell("budget", absoluteRange(x));
  const an = lay.analysis;
  const T = an.totalRow;
  const Y = summaryLayout;

  b.cell("A1", t(S.summaryTitle)).style("A1", "title").merge("A1:H1");
  b.cell("A2", asText(t(common.subtitle(c.dealerName, c.brand, c.year))))
    .style("A2", "subtitle")
    .merge("A2:H2");
  b.cell("A3", t(S.summaryNote)).style("A3", "note").merge("A3:H3");

  // Key figures in two columns of label and value: spend on the left, results on the right.
  b.cell(`A${Y.figureRows[0] - 1}`, t(S.keyFigures)).style(
    `A${Y.figureRows[0] - 1}:H${Y.figureRows[0] - 1}`,
    "section",
  );
  const left: [Localized, string, string][] = [
    [S.plannedYear, `=${ref(K.YEAR, lay.planned.totalRow)}`, money],
    [S.months, `=${at(budgetCells.months)}`, formats.count],
    [S.ytdPlanned, `=${ref(K.YTD_PLANNED, T)}`, money],
    [S.ytdActual, `=${ref(K.YTD_ACTUAL, T)}`, money],
    [S.variance, `=${ref(K.VARIANCE, T)}`, money],
    [S.variancePct, `=${ref(K.VARIANCE_PCT, T)}`, formats.percent],
    [S.forecast, `=${ref(K.FORECAST, T)}`, money],
  ];
  const right: [Localized, string, string][] = [
    // No text format ("@") on a formula cell: Excel would keep the formula as text.
    [S.status, `=${ref(K.STATUS, T)}`, ""],
    [S.leads, `=${ref(K.LEADS, T)}`, formats.count],
    [S.vehicles, `=${ref(K.VEHICLES, T)}`, formats.count],
    [S.revenue, `=${ref(K.REVENUE, T)}`, money],
    [S.roi, `=${ref(K.ROI, T)}`, formats.percent],
    [S.cps, `=${ref(K.CPS, T)}`, money],
    [S.cpl, `=${ref(K.CPL, T)}`, money],
  ];
  left.forEach(([label, f, fmt], i) => {
    const r = Y.figureRows[0] + i;
    b.row(`A${r}`, [t(label), null, f])
      .merge(`A${r}:B${r}`)
      .format(`C${r}`, fmt);
  });
  right.forEach(([label, f, fmt], i) => {
    const r = Y.figureRows[0] + i;
    b.row(`E${r}`, [t(label), null, f]).merge(`E${r}:F${r}`);
    if (fmt) b.format(`G${r}`, fmt);
  });
  const [f0, f1] = Y.figureRows;
  b.style(`A${f0}:A${f1}`, "label").style(`E${f0}:E${f1}`, "label");
  b.style(`C${f0}:C${f1}`, "output").style(`G${f0}:G${f1}`, "output");
  b.whenText(`G${f0}`, t(S.over), "bad")
    .whenText(`G${f0}`, t(S.under), "warn")
    .whenText(`G${f0}`, t(S.ok), "good");

  // By group: the analysis block's subtotal rows.
  const gh = Y.groupHeaderRow;
  b.cell(`A${gh - 1}`, t(S.byGroup)).style(`A${gh - 1}:H${gh - 1}`, "section");
  b.row(`A${gh}`, [
    t(S.group),
    t(S.plannedYear),
    t(S.plannedShare),
    t(S.ytdPlanned),
    t(S.ytdActual),
    t(S.actualShare),
    t(S.variancePct),
    t(S.forecast),
  ]).style(`A${gh}:H${gh}`, "header");
  const GT = Y.groupTotalRow;
  const groupRow = (label: string, r: number, src: number): SpecCell[] => [
    label,
    `=${ref(K.PLAN_YEAR, src)}`,
    `=${shareFormula(`B${r}`, `$B$${GT}`)}`,
    `=${ref(K.YTD_PLANNED, src)}`,
    `=${ref(K.YTD_ACTUAL, src)}`,
    `=${shareFormula(`E${r}`, `$E$${GT}`)}`,
    `=${ref(K.VARIANCE_PCT, src)}`,
    `=${ref(K.FORECAST, src)}`,
  ];
  budgetGroups.forEach((g, gi) =>
    b.row(`A${Y.groupRows[0] + gi}`, groupRow(t(g.name), Y.groupRows[0] + gi, an.subtotalRows[gi])),
  );
  b.row(`A${GT}`, groupRow(t(S.total), GT, T)).style(`A${GT}:H${GT}`, "output");
  const g0 = Y.groupRows[0];
  b.format(`B${g0}:B${GT}`, money)
    .format(`C${g0}:C${GT}`, formats.percent)
    .format(`D${g0}:E${GT}`, money)
    .format(`F${g0}:G${GT}`, formats.percent)
    .format(`H${g0}:H${GT}`, money);

  // Charts: the mix of actual spend by group, and planned against actual by month.
  const [c0, c1] = Y.chartRows;
  b.cell(`A${c0 - 1}`, t(S.charts)).style(`A${c0 - 1}:H${c0 - 1}`, "section");
  b.addChart({
    type: "pie",
    title: t(S.mixChart),
    series: `E${gh}:E${Y.groupRows[1]}`,
    categories: `A${g0}:A${Y.groupRows[1]}`,
    from: `A${c0}`,
    to: `D${c1}`,
  });
  const mh = Y.monthHeaderRow;
  const [m0, m1] = Y.monthRows;
  b.addChart({
    type: "column",
    title: t(S.monthChart),
    series: `B${mh}:C${m1}`,
    categories: `A${m0}:A${m1}`,
    from: `E${c0}`,
    to: `H${c1}`,
  });

  // By month: the two month blocks' total rows; actual only for the months reported, so the chart
  // shows no zero bars for months still to come.
  b.cell(`A${mh - 1}`, t(S.byMonth)).style(`A${mh - 1}:H${mh - 1}`, "section");
  b.row(`A${mh}`, [t(S.month), t(S.plannedMonth), t(S.actualMonth), t(S.cumPlanned), t(S.cumActual)]);
  b.style(`A${mh}:E${mh}`, "header");
  const months = monthLabels(c.year, c.firstMonth, c.lang);
  const reported = at(budgetCells.months);
  months.forEach((label, i) => {
    const r = m0 + i;
    const col = K.MONTH0 + i;
    b.row(`A${r}`, [
      label,
      `=${ref(col, lay.planned.totalRow)}`,
      `=IF(${i + 1}<=${reported},${ref(col, lay.actual.totalRow)},"")`,
      `=SUM(B$${m0}:B${r})`,
      `=IF(ISNUMBER(C${r}),SUM(C$${m0}:C${r}),"")`,
    ]);
  });
  b.format(`A${m0}:A${m1}`, formats.text).format(`B${m0}:E${m1}`, money);
  b.style(`B${m0}:E${m1}`, "output");

  b.width("A", 16);
  for (const x of "BCDEFGH") b.width(x, 12);
  b.print({ orientation: "portrait", footer: c.dealerName });
  return b.build();
}
