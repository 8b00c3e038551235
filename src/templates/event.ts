// Event break-even (活动保本分析): cost F + v·a against income a·r·m, as the source draws it, with the
// cost and gross-profit lines behind F, v and m (estimate and actual), a plain verdict, the review of
// plan against outcome, and the sensitivity by attendance and by attendance × conversion
// (event-tables.ts). F, v and m typed into B5:B7 override the lines, so the five inputs of old
// (Event_FixedCost …) still drive every result.
import { SheetBuilder } from "./builder";
import { common, formats, moneyFormat, pick, str } from "./i18n";
import { resolveCommon, type TemplateOptions } from "./options";
import type { Localized } from "../core/lang";
import { asText, type SpecCell, type WorkbookSpec } from "./spec";
import { eventStrings as S } from "./event-texts";
import {
  breakevenAttendeesFormula,
  breakevenBuyersFormula,
  differenceFormula,
  eitherFormula,
  have,
  profitFormula,
  requiredRateFormula,
  verdictFormula,
} from "./event-rules";
import { eventTables } from "./event-tables";
import { eventCells, eventLayout } from "./event-layout";

export { eventTexts } from "./event-texts";
export { eventCells, eventLayout } from "./event-layout";

export function buildEvent(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: Localized) => pick(x, c.lang);
  const money = moneyFormat(c.currency);
  const e = options.event ?? {};
  const v = (x: number | undefined) => (x === undefined ? null : x);
  const b = new SheetBuilder("event", t(S.sheet));
  const Y = eventLayout;
  const { F, v: V, m: M, r: R, a: A } = eventCells;
  const invalid = str(t(common.invalid));
  const never = str(t(common.never));

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:F1");
  b.cell("A2", asText(t(common.subtitle(c.dealerName, c.brand, c.year))))
    .style("A2", "subtitle")
    .merge("A2:F2");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:F3");

  // ---- Key figures: entered (B) or from the lines (C is what every result uses).
  b.row("A4", [t(S.item), t(S.entered), t(S.used), t(S.note)])
    .style("A4:F4", "header")
    .merge("D4:F4");
  const [ft, vt, mt] = [Y.fixedTotalRow, Y.variableTotalRow, Y.marginTotalRow];
  b.put("A5", [
    [t(S.fixed), v(e.fixedCost), `=${eitherFormula("B5", `B${ft}`)}`, t(S.fixedNote)],
    [t(S.variable), v(e.variableCost), `=${eitherFormula("B6", `B${vt}`)}`, t(S.variableNote)],
    [t(S.margin), v(e.margin), `=${eitherFormula("B7", `B${mt}`)}`, t(S.marginNote)],
    [t(S.rate), v(e.conversionRate), `=${eitherFormula("B8", '""')}`, t(S.rateNote)],
    [t(S.attendees), v(e.attendees), `=${eitherFormula("B9", '""')}`, null],
  ]);
  for (let r = 5; r <= 9; r++) b.merge(`D${r}:F${r}`);
  b.style("A5:A9", "label").style("D5:D9", "note").style("C5:C9", "output");
  b.input("B5:B7", { type: "decimal", min: 0 }, t(common.nonNegative), money);
  b.input("B8", { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percent);
  b.input("B9", { type: "whole", min: 0 }, t(common.wholeNonNegative), formats.count);
  b.format("C5:C7", money).format("C8", formats.percent).format("C9", formats.count);

  // ---- Results
  b.cell("A11", t(S.results)).style("A11:F11", "section");
  const texts = { breaksEven: str(t(S.breaksEven)), shortOf: str(t(S.shortOf)), deals: str(t(S.deals)) };
  b.put("A12", [
    [t(S.buyers), `=${breakevenBuyersFormula(F, V, M, A, invalid)}`, t(S.buyersNote), null],
    [
      t(S.required),
      `=${requiredRateFormula(F, V, M, A, "B12")}`,
      t(S.requiredNote),
      `=IF(AND(ISNUMBER(B13),B13>1),${str(t(S.requiredFlag))},"")`,
    ],
    [
      t(S.attendeesOut),
      `=${breakevenAttendeesFormula(F, V, M, R, invalid, never)}`,
      t(S.attendeesOutNote),
      null,
    ],
    [t(S.expected), `=IF(${have(R, A)},${R}*${A},"")`, t(S.expectedNote), null],
    [t(S.profit), `=${profitFormula(A, R, M, F, V)}`, t(S.profitNote), null],
    [t(S.verdict), `=${verdictFormula("B16", "B12", "B15", texts, c.currency)}`, null, null],
  ]);
  b.merge("D13:F13").merge("B17:F17");
  b.style("A12:A17", "label").style("B12:B17", "output").style("C12:C16", "note");
  b.format("B12", formats.count)
    .format("B13", formats.percent)
    .format("B14", formats.count)
    .format("B15", "#,##0.0")
    .format("B16", money);
  b.whenText("B12:B14", t(common.never), "bad").whenText("B12:B14", t(common.invalid), "bad");
  b.whenAbove("B13", 1, "bad").whenText("D13", t(S.requiredFlag), "bad");
  b.whenAbove("B16", 0, "good");

  costLines(b, t, money);
  eventTables(b, t, money);

  b.width("A", 30).width("B", 16).width("C", 16).width("D", 16).width("E", 16).width("F", 16);
  b.print({ orientation: "portrait", footer: c.dealerName, breaksAfter: [Y.pageBreakAfter] });

  const [o0, o1] = [Y.oneWayHeaderRow, Y.oneWayRows[1]];
  const [r0, r1] = Y.reviewRows;
  b.name("Event_FixedCost", "B5", "input")
    .name("Event_VariableCost", "B6", "input")
    .name("Event_Margin", "B7", "input")
    .name("Event_ConversionRate", "B8", "input")
    .name("Event_Attendees", "B9", "input")
    .name("Event_FixedCostUsed", "C5", "output")
    .name("Event_VariableCostUsed", "C6", "output")
    .name("Event_MarginUsed", "C7", "output")
    .name("Event_BreakevenBuyers", "B12", "output")
    .name("Event_RequiredConversion", "B13", "output")
    .name("Event_BreakevenAttendees", "B14", "output")
    .name("Event_ExpectedBuyers", "B15", "output")
    .name("Event_Profit", "B16", "output")
    .name("Event_Verdict", "B17", "output")
    .name("Event_Contingency", `B${Y.contingencyRateRow}`, "input")
    .name("Event_FixedCostItems", `B${ft}`, "output")
    .name("Event_FixedCostActual", `C${ft}`, "output")
    .name("Event_VariableCostItems", `B${vt}`, "output")
    .name("Event_MarginItems", `B${mt}`, "output")
    .name("Event_ActualAttendees", `C${r0}`, "input")
    .name("Event_ActualBuyers", `C${r0 + 1}`, "input")
    .name("Event_ActualConversion", `C${r0 + 2}`, "output")
    .name("Event_ActualProfit", `C${r1 - 1}`, "output")
    .name("Event_Sensitivity", `A${o0}:F${o1}`, "output")
    .name("Event_TwoWay", `A${Y.twoWayHeaderRow}:F${Y.twoWayRows[1]}`, "output");

  return { kind: "event", lang: c.lang, title: t(S.title), sheets: [b.build()], names: b.names };
}

/** The cost and gross-profit lines: estimate and actual, their totals, the difference. */
function costLines(b: SheetBuilder, t: (x: Localized) => string, money: string) {
  const Y = eventLayout;
  b.cell("A19", t(S.lines)).style("A19:F19", "section");
  b.row("A20", [t(S.item), t(S.estimate), t(S.actual), t(S.difference), t(S.note)]);
  b.style("A20:F20", "header").merge("E20:F20");
  const group = (
    headRow: number,
    head: Localized,
    items: readonly Localized[],
    [l0, l1]: readonly [number, number],
  ) => {
    b.cell(`A${headRow}`, t(head)).style(`A${headRow}:F${headRow}`, "label");
    b.put(
      `A${l0}`,
      items.map((x, i): SpecCell[] => [
        t(x),
        null,
        null,
        `=${differenceFormula(`B${l0 + i}`, `C${l0 + i}`)}`,
      ]),
    );
    b.input(`B${l0}:C${l1}`, { type: "decimal", min: 0 }, t(common.nonNegative), money);
    b.style(`D${l0}:D${l1}`, "output").format(`D${l0}:D${l1}`, money);
  };
  const total = (r: number, label: Localized, estimate: string, actual: string) => {
    b.row(`A${r}`, [t(label), `=${estimate}`, `=${actual}`, `=${differenceFormula(`B${r}`, `C${r}`)}`]);
    b.style(`A${r}:D${r}`, "output").format(`B${r}:D${r}`, money);
  };
  const sum = (x0: number, x1: number, col: string) =>
    `IF(COUNT(${col}${x0}:${col}${x1})=0,"",SUM(${col}${x0}:${col}${x1}))`;

  const [f0, f1] = Y.fixedLines;
  group(f0 - 1, S.fixedLines, [S.venue, S.build, S.advertising, S.staff, S.other], Y.fixedLines);
  const cr = Y.contingencyRateRow;
  b.row(`A${cr}`, [t(S.contingencyRate), null, null, null, t(S.contingencyRateNote)]).merge(`E${cr}:F${cr}`);
  b.input(`B${cr}`, { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percent);
  b.style(`E${cr}`, "note");
  const c0 = Y.contingencyRow;
  // The contingency is a reserve on the estimate; overruns show in the actual lines.
  b.row(`A${c0}`, [
    t(S.contingency),
    `=IF(COUNT(B${f0}:B${f1})=0,"",SUM(B${f0}:B${f1})*IF(ISNUMBER(B${cr}),B${cr},0))`,
  ]);
  b.style(`B${c0}`, "output").format(`B${c0}`, money);
  total(
    Y.fixedTotalRow,
    S.fixedTotal,
    `IF(COUNT(B${f0}:B${f1})=0,"",SUM(B${f0}:B${f1})+B${c0})`,
    sum(f0, f1, "C"),
  );

  const [v0, v1] = Y.variableLines;
  group(v0 - 1, S.variableLines, [S.gift, S.meal, S.fuel], Y.variableLines);
  total(Y.variableTotalRow, S.variableTotal, sum(v0, v1, "B"), sum(v0, v1, "C"));

  const [m0, m1] = Y.marginLines;
  group(m0 - 1, S.marginLines, [S.newCar, S.finance, S.insurance, S.accessories, S.usedCar], Y.marginLines);
  total(Y.marginTotalRow, S.marginTotal, sum(m0, m1, "B"), sum(m0, m1, "C"));
}
