// Budget cases for the LibreOffice recalculation proof: plans for twelve months, actuals for some of
// them (nine months among the sets, so the year to date is checked part way through the year), an
// override of the months reported, and a fresh budget. Expected figures are computed here from the
// inputs with the core's roi and costPerSale.
import { costPerSale, isDomainError, roi } from "../../src/core";
import { colName } from "../../src/core/a1";
import type { Lang } from "../../src/core/lang";
import { buildTemplate, withValues } from "../../src/templates";
import { budgetCells, budgetColumns as K, budgetLayout, budgetTexts } from "../../src/templates/budget";
import { summaryLayout } from "../../src/templates/budget-summary";
import { expectCore, expectNumber, lcg, type Book, type Case, type Value } from "./lo-book";

interface Line {
  readonly plan: readonly number[];
  readonly actual: readonly (number | null)[];
  readonly leads: number | null;
  readonly vehicles: number | null;
  readonly revenue: number | null;
}

interface Figures {
  readonly year: number;
  readonly ytdP: number;
  readonly ytdA: number;
  readonly leads: number;
  readonly vehicles: number | null;
  readonly revenue: number | null;
}

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
const knownSum = (xs: readonly (number | null)[]) => (xs.every((x) => x === null) ? null : sum(xs));

export function budgetCase(
  seed: number,
  margin: number,
  tolerance: number,
  months: number,
  lang: Lang,
  override?: number,
): Case {
  const rnd = lcg(seed);
  const lay = budgetLayout();
  const C = colName;
  let spec = buildTemplate("budget", { lang, budget: { margin, tolerance } });
  const put = (at: string, rows: readonly (readonly (number | null)[])[]) =>
    (spec = withValues(spec, "budget", at, rows));
  const lines: Line[] = lay.planned.lineRows.flat().map((_, i) => {
    const plan = Array.from({ length: 12 }, () => Math.round(rnd() * 50) * 1000);
    // Actuals swing from 60% to 140% of plan, so some lines are over, some under, some within plan;
    // a line may miss a month (blank) without ending the months reported.
    const actual = plan.map((p, k) =>
      k >= months ? null : i % 5 === 2 && k === 1 ? null : Math.round(p * (0.6 + rnd() * 0.8)),
    );
    return {
      plan,
      actual,
      leads: i % 5 === 4 ? null : Math.round(rnd() * 300),
      vehicles: i % 4 === 3 ? 0 : i % 7 === 6 ? null : Math.round(rnd() * 20),
      revenue: i % 6 === 5 ? null : Math.round(rnd() * 4_000_000),
    };
  });
  lay.planned.lineRows.flat().forEach((r, i) => put(`${C(K.MONTH0)}${r}`, [lines[i].plan]));
  lay.actual.lineRows.flat().forEach((r, i) => put(`${C(K.MONTH0)}${r}`, [lines[i].actual]));
  lay.analysis.lineRows
    .flat()
    .forEach((r, i) => put(`${C(K.LEADS)}${r}`, [[lines[i].leads, lines[i].vehicles, lines[i].revenue]]));
  if (override !== undefined) put(budgetCells.override, [[override]]);
  const M = override ?? months;

  const figures = (ls: readonly Line[]): Figures => ({
    year: sum(ls.map((l) => sum(l.plan))),
    ytdP: sum(ls.map((l) => sum(l.plan.slice(0, M)))),
    ytdA: sum(ls.map((l) => sum(l.actual.slice(0, M)))),
    leads: sum(ls.map((l) => l.leads)),
    vehicles: knownSum(ls.map((l) => l.vehicles)),
    revenue: knownSum(ls.map((l) => l.revenue)),
  });
  const byGroup: Line[][] = [];
  let k = 0;
  for (const rows of lay.planned.lineRows) byGroup.push(rows.map(() => lines[k++]));
  const total = figures(lines);

  return {
    id: `budget ${lang} seed ${seed} margin ${margin} months ${months}${override !== undefined ? ` override ${override}` : ""}`,
    spec,
    check: (b: Book) => {
      const cell = (col: number, r: number): Value => b.cell(`${C(col)}${r}`);
      expectNumber(b.named("Budget_MonthsReported"), M);
      /** One analysis row against its figures (a line's leads may be blank, a group's are summed). */
      const expectRow = (r: number, f: Figures, leads: number | null) => {
        expectNumber(cell(K.PLAN_YEAR, r), f.year);
        expectNumber(cell(K.YTD_PLANNED, r), f.ytdP);
        expectNumber(cell(K.YTD_ACTUAL, r), f.ytdA);
        if (f.ytdP === 0 && f.ytdA === 0) expect(cell(K.VARIANCE, r)).toBeNull();
        else expectNumber(cell(K.VARIANCE, r), f.ytdA - f.ytdP);
        if (f.ytdP > 0) expectNumber(cell(K.VARIANCE_PCT, r), (f.ytdA - f.ytdP) / f.ytdP);
        else expect(cell(K.VARIANCE_PCT, r)).toBeNull();
        const status =
          M === 0 || (f.ytdP === 0 && f.ytdA === 0)
            ? null
            : f.ytdA > f.ytdP * (1 + tolerance)
              ? budgetTexts.over[lang]
              : f.ytdA < f.ytdP * (1 - tolerance)
                ? budgetTexts.under[lang]
                : budgetTexts.ok[lang];
        expect(cell(K.STATUS, r)).toBe(status);
        expectNumber(cell(K.FORECAST, r), f.ytdA + f.year - f.ytdP);
        if (total.ytdA > 0) expectNumber(cell(K.SHARE, r), f.ytdA / total.ytdA);
        if (f.revenue === null) expect(cell(K.ROI, r)).toBeNull();
        else expectCore(cell(K.ROI, r), roi(f.revenue, f.ytdA, margin), () => null);
        if (f.vehicles === null) expect(cell(K.CPS, r)).toBeNull();
        else expectCore(cell(K.CPS, r), costPerSale(f.ytdA, f.vehicles), () => null);
        if (leads === null || leads === 0) expect(cell(K.CPL, r)).toBeNull();
        else expectNumber(cell(K.CPL, r), f.ytdA / leads);
      };
      let i = 0;
      byGroup.forEach((ls, gi) => {
        for (const [li, r] of lay.analysis.lineRows[gi].entries()) {
          const l = ls[li];
          expectRow(r, figures([l]), l.leads);
          i++;
        }
        const g = figures(ls);
        expectRow(lay.analysis.subtotalRows[gi], g, g.leads);
      });
      expect(i).toBe(lines.length);
      const T = lay.analysis.totalRow;
      expectRow(T, total, total.leads);
      // Quarters of one line and of the total, planned and actual.
      const l0 = lines[0];
      for (let q = 0; q < 4; q++) {
        expectNumber(cell(K.Q0 + q, lay.planned.lineRows[0][0]), sum(l0.plan.slice(3 * q, 3 * q + 3)));
        expectNumber(
          cell(K.Q0 + q, lay.actual.totalRow),
          sum(lines.map((l) => sum(l.actual.slice(3 * q, 3 * q + 3)))),
        );
      }
      // The names.
      expectNumber(b.named("Budget_TotalPlanned"), total.year);
      expectNumber(b.named("Budget_TotalActual"), sum(lines.map((l) => sum(l.actual))));
      expectNumber(b.named("Budget_YTDPlanned"), total.ytdP);
      expectNumber(b.named("Budget_YTDActual"), total.ytdA);
      expectNumber(b.named("Budget_YTDVariance"), total.ytdA - total.ytdP);
      expectNumber(b.named("Budget_Variance"), total.ytdA - total.ytdP);
      expectNumber(b.named("Budget_YTDVariancePct"), (total.ytdA - total.ytdP) / total.ytdP);
      expectNumber(b.named("Budget_Forecast"), total.ytdA + total.year - total.ytdP);
      expectNumber(b.named("Budget_TotalLeads"), total.leads);
      expectNumber(b.named("Budget_TotalVehicles"), total.vehicles ?? Number.NaN);
      expectNumber(b.named("Budget_TotalRevenue"), total.revenue ?? Number.NaN);
      expectCore(b.named("Budget_ROI"), roi(total.revenue ?? 0, total.ytdA, margin), () => null);
      expectCore(b.named("Budget_CostPerSale"), costPerSale(total.ytdA, total.vehicles ?? 0), () => null);
      expectNumber(b.named("Budget_CostPerLead"), total.ytdA / total.leads);
      expectNumber(b.named("Budget_Margin"), margin);

      // The summary sheet shows the same figures, by group and by month.
      const Y = summaryLayout;
      const s = (addr: string) => b.cell(addr, 1);
      expectNumber(s(`C${Y.figureRows[0]}`), total.year);
      expectNumber(s(`C${Y.figureRows[0] + 1}`), M);
      expectNumber(s(`C${Y.figureRows[0] + 3}`), total.ytdA);
      expectNumber(s(`C${Y.figureRows[0] + 6}`), total.ytdA + total.year - total.ytdP);
      const roiTotal = roi(total.revenue ?? 0, total.ytdA, margin);
      if (!isDomainError(roiTotal)) expectNumber(s(`G${Y.figureRows[0] + 4}`), roiTotal);
      byGroup.forEach((ls, gi) => {
        const g = figures(ls);
        const r = Y.groupRows[0] + gi;
        expect(s(`A${r}`)).toEqual(expect.any(String));
        expectNumber(s(`B${r}`), g.year);
        expectNumber(s(`C${r}`), g.year / total.year);
        expectNumber(s(`E${r}`), g.ytdA);
        expectNumber(s(`F${r}`), g.ytdA / total.ytdA);
      });
      for (let m = 0; m < 12; m++) {
        const r = Y.monthRows[0] + m;
        expectNumber(s(`B${r}`), sum(lines.map((l) => l.plan[m])));
        if (m < M) expectNumber(s(`C${r}`), sum(lines.map((l) => l.actual[m])));
        else expect(s(`C${r}`)).toBeNull();
      }
    },
  };
}

export function freshBudgetCase(lang: Lang): Case {
  return {
    id: `budget ${lang} fresh`,
    spec: buildTemplate("budget", { lang }),
    check: (b) => {
      expectNumber(b.named("Budget_TotalPlanned"), 0);
      expectNumber(b.named("Budget_TotalActual"), 0);
      expectNumber(b.named("Budget_MonthsReported"), 0);
      expectNumber(b.named("Budget_YTDPlanned"), 0);
      expectNumber(b.named("Budget_Forecast"), 0);
      for (const n of [
        "Budget_TotalVehicles",
        "Budget_TotalRevenue",
        "Budget_ROI",
        "Budget_CostPerSale",
        "Budget_CostPerLead",
        "Budget_Variance",
        "Budget_YTDVariancePct",
        "Budget_Status",
      ]) {
        expect([n, b.named(n)]).toEqual([n, null]);
      }
    },
  };
}
