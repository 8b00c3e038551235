// The event sheet's lower half: the review of plan against outcome, the one-way sensitivity by
// attendance (25%–200% of the planned attendance), the two-way table of profit by attendance ×
// conversion, and the cost-against-income chart.
import type { SheetBuilder } from "./builder";
import { common, formats } from "./i18n";
import type { Localized } from "../core/lang";
import type { SpecCell } from "./spec";
import { eventStrings as S } from "./event-texts";
import {
  breakevenBuyersFormula,
  costFormula,
  differenceFormula,
  eitherFormula,
  have,
  incomeFormula,
  profitFormula,
  requiredRateFormula,
} from "./event-rules";
import { eventCells, eventLayout } from "./event-layout";

/** Shares of the planned attendance down the one-way table: 25%, 37.5% … 200%. */
export const oneWaySteps = Array.from({ length: 15 }, (_, i) => 0.25 + 0.125 * i);
/** Shares of the planned attendance down the two-way table: 25%, 50% … 200%. */
export const twoWayAttendance = Array.from({ length: 8 }, (_, i) => 0.25 * (i + 1));
/** Multiples of the conversion rate across the two-way table (capped at 100%). */
export const twoWayConversion = [0.5, 0.75, 1, 1.25, 1.5];

/**
 * Attendance at a share of the plan, whole people. Without a planned attendance (or with none
 * invited) the table falls back to fixed steps so it still shows the shape of the event.
 */
export function attendanceFormula(a: string, share: number, fallback: number): string {
  return `IF(AND(ISNUMBER(${a}),${a}>0),ROUND(${a}*${share},0),${fallback})`;
}

export function eventTables(b: SheetBuilder, t: (x: Localized) => string, money: string) {
  const Y = eventLayout;
  const { F, v, m, r, a } = eventCells;

  // ---- Review: plan against outcome. Actual costs and gross profit default to the estimates.
  const [q0, q1] = Y.reviewRows;
  b.cell(`A${q0 - 2}`, t(S.review)).style(`A${q0 - 2}:F${q0 - 2}`, "section");
  b.row(`A${q0 - 1}`, [t(S.item), t(S.reviewPlan), t(S.actual), t(S.difference)]);
  b.style(`A${q0 - 1}:D${q0 - 1}`, "header");
  const [att, buy, conv, fix, vari, inc, prof] = [0, 1, 2, 3, 4, 5, 6].map((i) => `C${q0 + i}`);
  const vAct = eitherFormula(`C${Y.variableTotalRow}`, v);
  const mAct = eitherFormula(`C${Y.marginTotalRow}`, m);
  const rows: [Localized, string, string][] = [
    [S.reviewAttendees, `IF(ISNUMBER(${a}),${a},"")`, ""],
    [S.reviewBuyers, `IF(${have(r, a)},${r}*${a},"")`, ""],
    [
      S.reviewConversion,
      `IF(ISNUMBER(${r}),${r},"")`,
      `IF(${have(att, buy)},IF(${att}>0,${buy}/${att},""),"")`,
    ],
    [
      S.reviewFixed,
      `IF(ISNUMBER(${F}),${F},"")`,
      eitherFormula(`C${Y.fixedTotalRow}`, `IF(ISNUMBER(${F}),${F},"")`),
    ],
    [S.reviewVariable, costFormula("0", v, a), `IF(${have(att)},${att}*${vAct},"")`],
    [S.reviewIncome, incomeFormula(a, r, m), `IF(${have(buy)},${buy}*${mAct},"")`],
    [S.reviewProfit, profitFormula(a, r, m, F, v), `IF(${have(inc, fix, vari)},${inc}-${fix}-${vari},"")`],
  ];
  b.put(
    `A${q0}`,
    rows.map(([label, plan, actual], i): SpecCell[] => [
      t(label),
      `=${plan}`,
      actual ? `=${actual}` : null,
      `=${differenceFormula(`B${q0 + i}`, `C${q0 + i}`)}`,
    ]),
  );
  b.input(`${att}:${buy}`, { type: "whole", min: 0 }, t(common.wholeNonNegative), formats.count);
  b.style(`A${q0}:A${q1}`, "label")
    .style(`B${q0}:B${q1 - 1}`, "output")
    .style(`${conv}:D${q1 - 1}`, "output");
  b.style(`D${q0}:D${q0 + 1}`, "output");
  b.format(`B${q0}:D${q0 + 1}`, "#,##0.0")
    .format(`B${q0 + 2}:D${q0 + 2}`, formats.percent)
    .format(`B${q0 + 3}:D${q1 - 1}`, money);
  b.whenAbove(`${prof}`, 0, "good");
  b.cell(`A${q1}`, t(S.reviewNote)).style(`A${q1}`, "note").merge(`A${q1}:F${q1}`);

  // ---- One-way: attendance from a quarter to twice the plan.
  const h = Y.oneWayHeaderRow;
  const [w0, w1] = Y.oneWayRows;
  b.cell(`A${h - 1}`, t(S.sensitivity)).style(`A${h - 1}:F${h - 1}`, "section");
  b.row(`A${h}`, [
    t(S.colAttendees),
    t(S.colCost),
    t(S.colIncome),
    t(S.colProfit),
    t(S.colBuyers),
    t(S.colRequired),
  ]);
  b.style(`A${h}:F${h}`, "header");
  b.put(
    `A${w0}`,
    oneWaySteps.map((share, i) => {
      const row = w0 + i;
      const x = `A${row}`;
      return [
        `=${attendanceFormula(a, share, (i + 1) * 10)}`,
        `=${costFormula(F, v, x)}`,
        `=${incomeFormula(x, r, m)}`,
        `=IF(AND(ISNUMBER(B${row}),ISNUMBER(C${row})),C${row}-B${row},"")`,
        `=IF(${have(F, v, m)},IF(OR(${F}<0,${v}<0,${m}<=0),"",${breakevenBuyersFormula(F, v, m, x, '""')}),"")`,
        `=${requiredRateFormula(F, v, m, x, `E${row}`)}`,
      ];
    }),
  );
  b.format(`A${w0}:A${w1}`, formats.count)
    .format(`B${w0}:D${w1}`, money)
    .format(`E${w0}:E${w1}`, formats.count)
    .format(`F${w0}:F${w1}`, formats.percent);
  b.style(`A${w0}:F${w1}`, "output");
  b.whenAbove(`D${w0}:D${w1}`, 0, "good").whenAbove(`F${w0}:F${w1}`, 1, "bad");

  // ---- Two-way: profit by attendance (down) × conversion (across).
  const th = Y.twoWayHeaderRow;
  const [z0, z1] = Y.twoWayRows;
  b.cell(`A${th - 1}`, t(S.twoWay)).style(`A${th - 1}:F${th - 1}`, "section");
  const cols = "BCDEF";
  b.row(`A${th}`, [
    t(S.twoWayCorner),
    ...twoWayConversion.map((k) => `=IF(ISNUMBER(${r}),MIN(1,${r}*${k}),"")`),
  ]);
  b.style(`A${th}:F${th}`, "header").format(`B${th}:F${th}`, formats.percent);
  b.put(
    `A${z0}`,
    twoWayAttendance.map((share, i) => [
      `=${attendanceFormula(a, share, (i + 1) * 25)}`,
      ...[...cols].map((col) => `=${profitFormula(`$A${z0 + i}`, `${col}$${th}`, m, F, v)}`),
    ]),
  );
  b.format(`A${z0}:A${z1}`, formats.count).format(`B${z0}:F${z1}`, money);
  b.style(`A${z0}:A${z1}`, "header").style(`B${z0}:F${z1}`, "output");
  b.whenAbove(`B${z0}:F${z1}`, 0, "good");

  const [k0, k1] = Y.chartRows;
  b.addChart({
    type: "line",
    title: t(S.chart),
    series: `B${h}:C${w1}`,
    categories: `A${w0}:A${w1}`,
    from: `A${k0}`,
    to: `F${k1}`,
  });
}
