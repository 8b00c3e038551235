// Funnel tracker and process control (集客漏斗与过程控制): six stages by month and by salesperson,
// the five step rates with their owners, control lines, status and trend alerts, the spread across
// salespeople (the source: the average hides the problem), and the five event targets.
import { SheetBuilder } from "./builder";
import { common, formats, monthLabels, pick, str } from "./i18n";
// The core's float-safe ceiling as the native rewrites write it: one tolerance (src/core/tolerance.ts).
import { ceilSafeFormula, nativeFormula } from "../share/emit";
import { resolveCommon, type TemplateOptions } from "./options";
import { colName } from "../core/a1";
import type { Localized } from "../core/lang";
import { asText, textOrNull, type SpecCell, type WorkbookSpec } from "./spec";
import { eventCounts, eventTargets, funnelRates, funnelStages, funnelStrings as S } from "./funnel-texts";

export { funnelRates, funnelStages, funnelTexts } from "./funnel-texts";

/** Row and column layout, exported so tests can fill the inputs. 1-based rows. */
export interface FunnelLayout {
  readonly monthRows: readonly number[];
  readonly totalRow: number;
  readonly controlRows: readonly number[];
  readonly needRows: readonly number[];
  readonly repRows: readonly number[];
  readonly repTotalRow: number;
  readonly statRows: {
    readonly min: number;
    readonly median: number;
    readonly max: number;
    readonly average: number;
  };
  readonly countRows: readonly number[];
  readonly eventTargetRows: readonly number[];
}

export function funnelLayout(salespeople: number): FunnelLayout {
  const monthRows = Array.from({ length: 12 }, (_, i) => 9 + i);
  const totalRow = 21;
  const controlRows = [25, 26, 27, 28, 29];
  const needRows = [34, 35, 36, 37];
  const repStart = 41;
  const repRows = Array.from({ length: salespeople }, (_, i) => repStart + i);
  const repTotalRow = repStart + salespeople;
  const statRows = {
    min: repTotalRow + 1,
    median: repTotalRow + 2,
    max: repTotalRow + 3,
    average: repTotalRow + 4,
  };
  const countStart = statRows.average + 4;
  const countRows = Array.from({ length: 6 }, (_, i) => countStart + i);
  const targetStart = countStart + 6 + 1;
  const eventTargetRows = Array.from({ length: 5 }, (_, i) => targetStart + i);
  return {
    monthRows,
    totalRow,
    controlRows,
    needRows,
    repRows,
    repTotalRow,
    statRows,
    countRows,
    eventTargetRows,
  };
}

// Columns: A label, B..G stages 1–6, H..L rates 1–5, M..Q status, R..V trend.
const STAGE0 = 1;
const RATE0 = 7;
const STATUS0 = 12;
const TREND0 = 17;

export function buildFunnel(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: Localized) => pick(x, c.lang);
  const fo = options.funnel ?? {};
  const sp = fo.salespeople ?? 8;
  const repNames: SpecCell[] =
    typeof sp === "number" ? new Array<SpecCell>(sp).fill(null) : sp.map(textOrNull);
  const lay = funnelLayout(repNames.length);
  const C = colName;
  const b = new SheetBuilder("funnel", t(S.sheet));
  const invalid = str(t(common.invalid));
  const stageCol = (k: number) => C(STAGE0 + k);
  const rateCol = (k: number) => C(RATE0 + k);

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:L1");
  b.cell("A2", asText(t(common.subtitle(c.dealerName, c.brand, c.year))))
    .style("A2", "subtitle")
    .merge("A2:L2");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:L3");

  b.cell("A4", t(S.target)).style("A4:G4", "section");
  b.row("A5", [t(S.targetBuyers), fo.targetBuyers ?? null, t(S.targetNote)]);
  b.style("A5", "label").style("C5", "note").merge("C5:G5");
  b.input("B5", { type: "whole", min: 0 }, t(common.wholeNonNegative), formats.count);

  /** A step rate count(k+1)/count(k) of one row; blank where either count is missing or the first is 0. */
  const rateFormula = (r: number, k: number) => {
    const [a, z] = [`${stageCol(k)}${r}`, `${stageCol(k + 1)}${r}`];
    return `=IF(AND(ISNUMBER(${a}),ISNUMBER(${z})),IF(${a}>0,${z}/${a},""),"")`;
  };
  const statusFormula = (r: number, k: number) => {
    const x = `${rateCol(k)}${r}`;
    const cr = lay.controlRows[k];
    const [std, warn, ctl] = [`$C$${cr}`, `$D$${cr}`, `$E$${cr}`];
    // CONTROL_STATUS's native form decides (1 on target, 0 warning, −1 off track, #VALUE! for lines
    // in neither order); the template only names the answer in the sheet's language.
    const level = nativeFormula("CONTROL_STATUS", [x, std, warn, ctl]);
    return (
      `=IF(AND(ISNUMBER(${x}),ISNUMBER(${std}),ISNUMBER(${warn}),ISNUMBER(${ctl})),` +
      `IFERROR(CHOOSE(${level}+2,${str(t(S.offTrack))},${str(t(S.warning))},${str(t(S.onTarget))}),` +
      `${str(t(S.badLines))}),"")`
    );
  };
  // Three falls in a row need four months: the alert starts at the fourth month row.
  // TREND_ALERT's native form over the four months decides (three falls in a row).
  const trendFormula = (r: number, k: number) => {
    const x = (d: number) => `${rateCol(k)}${r - d}`;
    const alert = nativeFormula("TREND_ALERT", [`${x(3)}:${x(0)}`]);
    return (
      `=IF(AND(ISNUMBER(${x(3)}),ISNUMBER(${x(2)}),ISNUMBER(${x(1)}),ISNUMBER(${x(0)})),` +
      `IF(${alert},${str(t(S.trendAlert))},""),"")`
    );
  };

  // ---- By month
  b.cell("A7", t(S.byMonth)).style(`A7:${C(TREND0 + 4)}7`, "section");
  const head: SpecCell[] = [t(S.month)];
  funnelStages.forEach((s, k) => head.push(`${k + 1} ${t(s)}`));
  funnelRates.forEach((r, k) => head.push(`${k + 1}→${k + 2} ${t(r.name)}`));
  funnelRates.forEach((r) => head.push(`${t(S.statusOf)}${t(r.name)}`));
  funnelRates.forEach((r) => head.push(`${t(S.trendOf)}${t(r.name)}`));
  b.row("A8", head).style(`A8:${C(TREND0 + 4)}8`, "header");
  const months = monthLabels(c.year, c.firstMonth, c.lang);
  lay.monthRows.forEach((r, i) => {
    const row: SpecCell[] = [months[i], null, null, null, null, null, null];
    for (let k = 0; k < 5; k++) row.push(rateFormula(r, k));
    for (let k = 0; k < 5; k++) row.push(statusFormula(r, k));
    for (let k = 0; k < 5; k++) row.push(i >= 3 ? trendFormula(r, k) : null);
    b.row(`A${r}`, row);
  });
  const [m0, m1] = [lay.monthRows[0], lay.monthRows[11]];
  b.format(`A${m0}:A${m1}`, formats.text);
  b.input(
    `${stageCol(0)}${m0}:${stageCol(5)}${m1}`,
    { type: "decimal", min: 0 },
    t(common.nonNegative),
    formats.count,
  );
  const T = lay.totalRow;
  const totalRow: SpecCell[] = [t(S.total)];
  for (let k = 0; k < 6; k++) totalRow.push(`=SUM(${stageCol(k)}${m0}:${stageCol(k)}${m1})`);
  for (let k = 0; k < 5; k++) totalRow.push(rateFormula(T, k));
  for (let k = 0; k < 5; k++) totalRow.push(statusFormula(T, k));
  b.row(`A${T}`, totalRow).style(`A${T}:${C(STATUS0 + 4)}${T}`, "output");
  b.format(`${stageCol(0)}${T}:${stageCol(5)}${T}`, formats.count);
  b.format(`${rateCol(0)}${m0}:${rateCol(4)}${T}`, formats.percent);
  b.style(`${rateCol(0)}${m0}:${C(TREND0 + 4)}${m1}`, "output");

  // ---- Control lines per rate
  const [c0, c1] = [lay.controlRows[0], lay.controlRows[4]];
  b.cell(`A${c0 - 2}`, t(S.control)).style(`A${c0 - 2}:G${c0 - 2}`, "section");
  b.row(`A${c0 - 1}`, [t(S.rate), t(S.owner), t(S.standard), t(S.warningLine), t(S.controlLine)]);
  b.style(`A${c0 - 1}:E${c0 - 1}`, "header");
  b.put(
    `A${c0}`,
    funnelRates.map((r, k) => [`${k + 1}→${k + 2} ${t(r.name)}`, t(r.owner), null, null, null]),
  );
  // Labels and owners wrap: the columns are narrow so the sheet prints one page wide. The wrap goes
  // first, so an input's own font stays on top where an adapter replaces fonts style by style.
  b.style(`A${c0}:B${c1}`, "label").style(`B${c0}:B${c1}`, "input");
  b.input(`C${c0}:E${c1}`, { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percent);
  b.cell(`F${c0}`, t(S.controlNote)).style(`F${c0}:L${c1}`, "note").merge(`F${c0}:L${c1}`);

  // ---- Planning backwards: stage 4 (real customers) is the target, each earlier stage = the next one
  // over its standard rate, rounded up (as the core's funnelTargets does).
  const [n1, , , n4] = lay.needRows;
  b.cell(`A${n1 - 2}`, t(S.backwards)).style(`A${n1 - 2}:G${n1 - 2}`, "section");
  b.row(`A${n1 - 1}`, [t(S.stage), t(S.required)]).style(`A${n1 - 1}:B${n1 - 1}`, "header");
  const needs: SpecCell[][] = [];
  for (let k = 0; k < 4; k++) {
    if (k === 3) {
      needs.push([
        `4 ${t(funnelStages[3])}`,
        `=IF(ISNUMBER($B$5),IF($B$5<0,${invalid},${ceilSafeFormula("$B$5")}),"")`,
      ]);
    } else {
      const std = `$C$${lay.controlRows[k]}`;
      const next = `B${lay.needRows[k + 1]}`;
      needs.push([
        `${k + 1} ${t(funnelStages[k])}`,
        `=IF(AND(ISNUMBER(${next}),ISNUMBER(${std})),IF(AND(${std}>0,${std}<=1),${ceilSafeFormula(`${next}/${std}`)},${invalid}),"")`,
      ]);
    }
  }
  b.put(`A${n1}`, needs).style(`B${n1}:B${n4}`, "output").format(`B${n1}:B${n4}`, formats.count);
  b.style(`A${n1}:A${n4}`, "label");

  // ---- By salesperson
  const [p0, p1] = [lay.repRows[0], lay.repRows[lay.repRows.length - 1]];
  b.cell(`A${p0 - 2}`, t(S.bySalesperson)).style(`A${p0 - 2}:L${p0 - 2}`, "section");
  const repHead: SpecCell[] = [t(S.salesperson)];
  funnelStages.forEach((s, k) => repHead.push(`${k + 1} ${t(s)}`));
  funnelRates.forEach((r, k) => repHead.push(`${k + 1}→${k + 2} ${t(r.name)}`));
  b.row(`A${p0 - 1}`, repHead).style(`A${p0 - 1}:L${p0 - 1}`, "header");
  lay.repRows.forEach((r, i) => {
    const row: SpecCell[] = [repNames[i], null, null, null, null, null, null];
    for (let k = 0; k < 5; k++) row.push(rateFormula(r, k));
    b.row(`A${r}`, row);
  });
  b.style(`A${p0}:A${p1}`, "input");
  b.input(
    `${stageCol(0)}${p0}:${stageCol(5)}${p1}`,
    { type: "decimal", min: 0 },
    t(common.nonNegative),
    formats.count,
  );
  const RT = lay.repTotalRow;
  const repTotal: SpecCell[] = [t(S.total)];
  for (let k = 0; k < 6; k++) repTotal.push(`=SUM(${stageCol(k)}${p0}:${stageCol(k)}${p1})`);
  for (let k = 0; k < 5; k++) repTotal.push(rateFormula(RT, k));
  b.row(`A${RT}`, repTotal);
  const st = lay.statRows;
  const stat = (fn: string, label: Localized, r: number) => {
    const row: SpecCell[] = [t(label), null, null, null, null, null, null];
    for (let k = 0; k < 5; k++) {
      const rng = `${rateCol(k)}${p0}:${rateCol(k)}${p1}`;
      row.push(`=IF(COUNT(${rng})=0,"",${fn}(${rng}))`);
    }
    b.row(`A${r}`, row);
  };
  stat("MIN", S.min, st.min);
  stat("MEDIAN", S.median, st.median);
  stat("MAX", S.max, st.max);
  stat("AVERAGE", S.average, st.average);
  b.style(`A${RT}:L${st.average}`, "output");
  b.format(`${stageCol(0)}${RT}:${stageCol(5)}${RT}`, formats.count);
  b.format(`${rateCol(0)}${p0}:${rateCol(4)}${st.average}`, formats.percent);

  // ---- Five event targets
  const [q0, q5] = [lay.countRows[0], lay.countRows[5]];
  b.cell(`A${q0 - 2}`, t(S.eventTargets)).style(`A${q0 - 2}:G${q0 - 2}`, "section");
  b.row(`A${q0 - 1}`, [t(S.count), t(S.value)]).style(`A${q0 - 1}:B${q0 - 1}`, "header");
  b.put(
    `A${q0}`,
    eventCounts.map((x) => [t(x), null]),
  );
  b.style(`A${q0}:A${q5}`, "label");
  b.input(`B${q0}:B${q5}`, { type: "decimal", min: 0 }, t(common.nonNegative), formats.count);
  const cnt = (i: number) => `B${lay.countRows[i]}`;
  const ratio = (num: number, den: number) =>
    `=IF(AND(ISNUMBER(${cnt(num)}),ISNUMBER(${cnt(den)})),IF(${cnt(den)}>0,${cnt(num)}/${cnt(den)},""),"")`;
  const actuals = [
    `=IF(ISNUMBER(${cnt(0)}),${cnt(0)},"")`,
    ratio(1, 0),
    ratio(2, 1),
    ratio(4, 3),
    ratio(5, 4),
  ];
  const [e0, e4] = [lay.eventTargetRows[0], lay.eventTargetRows[4]];
  b.row(`A${e0 - 1}`, [t(S.targetCol), t(S.targetValue), t(S.actual), t(S.status)]);
  b.style(`A${e0 - 1}:D${e0 - 1}`, "header");
  b.put(
    `A${e0}`,
    eventTargets.map((x, i) => {
      const r = e0 + i;
      return [
        t(x),
        null,
        actuals[i],
        `=IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r})),IF(C${r}>=B${r},${str(t(S.met))},${str(t(S.below))}),"")`,
      ];
    }),
  );
  b.style(`A${e0}:A${e4}`, "label");
  b.input(`B${e0}`, { type: "decimal", min: 0 }, t(common.nonNegative), formats.count);
  b.input(`B${e0 + 1}:B${e4}`, { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percent);
  b.style(`C${e0}:D${e4}`, "output")
    .format(`C${e0}`, formats.count)
    .format(`C${e0 + 1}:C${e4}`, formats.percent);

  // Colour the statuses, the trend alerts and the rates above 100% (a later stage holding customers
  // of earlier periods: not an error, but worth a look).
  const statusRange = `${C(STATUS0)}${m0}:${C(STATUS0 + 4)}${T}`;
  b.whenText(statusRange, t(S.onTarget), "good")
    .whenText(statusRange, t(S.warning), "warn")
    .whenText(statusRange, t(S.offTrack), "bad")
    .whenText(statusRange, t(S.badLines), "bad")
    .whenText(`${C(TREND0)}${m0}:${C(TREND0 + 4)}${m1}`, t(S.trendAlert), "bad")
    .whenAbove(`${rateCol(0)}${m0}:${rateCol(4)}${T}`, 1, "warn")
    .whenAbove(`${rateCol(0)}${p0}:${rateCol(4)}${RT}`, 1, "warn")
    .whenText(`D${e0}:D${e4}`, t(S.met), "good")
    .whenText(`D${e0}:D${e4}`, t(S.below), "bad");

  // Narrow columns (headers wrap) so the tracker prints one landscape page wide at a readable size.
  b.width("A", 22).width("B", 12);
  for (let k = 2; k <= TREND0 + 4; k++)
    b.width(k, k >= TREND0 ? 15 : k >= STATUS0 ? 10 : k >= RATE0 ? 9 : 11);
  b.freezeAt(8, 1);
  b.print({ orientation: "landscape", titleRows: "1:2", footer: c.dealerName });

  b.name("Funnel_TargetBuyers", "B5", "input");
  for (let k = 0; k < 6; k++) b.name(`Funnel_Stage${k + 1}`, `${stageCol(k)}${T}`, "output");
  for (let k = 0; k < 5; k++) b.name(`Funnel_Rate${k + 1}`, `${rateCol(k)}${T}`, "output");
  for (let k = 0; k < 5; k++) {
    const r = lay.controlRows[k];
    b.name(`Funnel_Standard${k + 1}`, `C${r}`, "input")
      .name(`Funnel_Warning${k + 1}`, `D${r}`, "input")
      .name(`Funnel_Control${k + 1}`, `E${r}`, "input");
  }
  lay.needRows.forEach((r, k) => b.name(`Funnel_Need${k + 1}`, `B${r}`, "output"));
  for (let k = 0; k < 5; k++) {
    b.name(`Funnel_RateMin${k + 1}`, `${rateCol(k)}${st.min}`, "output")
      .name(`Funnel_RateMedian${k + 1}`, `${rateCol(k)}${st.median}`, "output")
      .name(`Funnel_RateMax${k + 1}`, `${rateCol(k)}${st.max}`, "output");
  }
  lay.eventTargetRows.forEach((r, k) => b.name(`Funnel_EventActual${k + 1}`, `C${r}`, "output"));
  b.name("Funnel_Months", `A${m0}:${C(TREND0 + 4)}${T}`, "output");

  return { kind: "funnel", lang: c.lang, title: t(S.title), sheets: [b.build()], names: b.names };
}
