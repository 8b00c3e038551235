// Event break-even cases for the LibreOffice recalculation proof: the five inputs of old (the source's
// example among them), the itemised cost and gross-profit lines, an entered F over the lines, and the
// review after the event. Every figure is checked against the core (or a plain computation of it).
import { breakevenAttendees, breakevenBuyers, isDomainError, type DomainError } from "../../src/core";
import { ceilSafe } from "../../src/core/ceil";
import type { Lang } from "../../src/core/lang";
import { buildTemplate, withValues } from "../../src/templates";
import { eventLayout, eventTexts } from "../../src/templates/event";
import { oneWaySteps, twoWayAttendance, twoWayConversion } from "../../src/templates/event-tables";
import { common } from "../../src/templates/i18n";
import type { SpecCell } from "../../src/templates/spec";
import { expectCore, expectNumber, type Book, type Case } from "./lo-book";

interface EventSet {
  readonly label: string;
  /** The five inputs of old (B5:B9). */
  readonly F?: number;
  readonly v?: number;
  readonly m?: number;
  readonly r?: number;
  readonly a?: number;
  /** Cost and gross-profit lines: [estimate, actual] per line. */
  readonly fixed?: readonly (readonly [number | null, number | null])[];
  readonly contingency?: number;
  readonly variable?: readonly (readonly [number | null, number | null])[];
  readonly margins?: readonly (readonly [number | null, number | null])[];
  readonly actualAttendees?: number;
  readonly actualBuyers?: number;
}

export const eventSets: readonly EventSet[] = [
  { label: "source example", F: 460000, v: 1500, m: 10000, r: 64 / 120, a: 120 },
  { label: "profitable", F: 200000, v: 800, m: 8000, r: 0.3, a: 150, actualAttendees: 140, actualBuyers: 50 },
  { label: "never breaks even, over 100% required", F: 100000, v: 3000, m: 5000, r: 0.5, a: 10 },
  // r·m equals v in decimals but not in binary (0.07 × 10,000 − 700 = 1.1e-13): never, as in the core.
  { label: "r·m equal to v within the tolerance", F: 100000, v: 700, m: 10000, r: 0.07, a: 100 },
  { label: "no fixed cost, nobody invited", F: 0, v: 0, m: 12000, r: 0.25, a: 0 },
  {
    label: "itemised lines, reviewed",
    r: 0.3,
    a: 150,
    fixed: [
      [50000, 48000],
      [30000, 35000],
      [60000, 61000],
      [20000, null],
      [10000, 5000],
    ],
    contingency: 0.05,
    variable: [
      [300, 320],
      [200, 180],
      [100, null],
    ],
    margins: [
      [5000, 5200],
      [1500, null],
      [1200, 1000],
      [800, null],
      [500, null],
    ],
    actualAttendees: 160,
    actualBuyers: 41,
  },
  {
    label: "an entered F overrides the lines",
    F: 90000,
    r: 0.2,
    a: 80,
    fixed: [
      [50000, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ],
    variable: [
      [400, null],
      [null, null],
      [null, null],
    ],
    margins: [
      [6000, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ],
  },
  { label: "fresh (empty inputs)" },
];

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
const known = (xs: readonly (number | null)[]) => xs.some((x) => x !== null);

export function eventCase(set: EventSet, lang: Lang): Case {
  const Y = eventLayout;
  let spec = buildTemplate("event", {
    lang,
    event: { fixedCost: set.F, variableCost: set.v, margin: set.m, conversionRate: set.r, attendees: set.a },
  });
  const put = (at: string, rows: readonly (readonly SpecCell[])[]) =>
    (spec = withValues(spec, "event", at, rows));
  if (set.fixed) put(`B${Y.fixedLines[0]}`, set.fixed);
  if (set.contingency !== undefined) put(`B${Y.contingencyRateRow}`, [[set.contingency]]);
  if (set.variable) put(`B${Y.variableLines[0]}`, set.variable);
  if (set.margins) put(`B${Y.marginLines[0]}`, set.margins);
  if (set.actualAttendees !== undefined)
    put(`C${Y.reviewRows[0]}`, [[set.actualAttendees], [set.actualBuyers ?? null]]);

  // What every result is computed from: an entered figure, else the lines.
  const est = (ls?: readonly (readonly [number | null, number | null])[]) => ls?.map((l) => l[0]) ?? [];
  const act = (ls?: readonly (readonly [number | null, number | null])[]) => ls?.map((l) => l[1]) ?? [];
  const fixedItems = known(est(set.fixed)) ? sum(est(set.fixed)) * (1 + (set.contingency ?? 0)) : undefined;
  const F = set.F ?? fixedItems;
  const v = set.v ?? (known(est(set.variable)) ? sum(est(set.variable)) : undefined);
  const m = set.m ?? (known(est(set.margins)) ? sum(est(set.margins)) : undefined);
  const { r, a } = set;

  return {
    id: `event ${lang} ${set.label}`,
    spec,
    check: (b: Book) => {
      const names = [
        "Event_BreakevenBuyers",
        "Event_RequiredConversion",
        "Event_BreakevenAttendees",
        "Event_Profit",
      ];
      if (F === undefined || v === undefined || m === undefined || r === undefined || a === undefined) {
        for (const n of [...names, "Event_ExpectedBuyers", "Event_Verdict"]) expect(b.named(n)).toBeNull();
        for (let row = Y.oneWayRows[0]; row <= Y.oneWayRows[1]; row++)
          for (const c of "BCDEF") expect(b.cell(`${c}${row}`)).toBeNull();
        for (let row = Y.twoWayRows[0]; row <= Y.twoWayRows[1]; row++)
          for (const c of "BCDEF") expect(b.cell(`${c}${row}`)).toBeNull();
        return;
      }
      expectNumber(b.named("Event_FixedCostUsed"), F);
      expectNumber(b.named("Event_VariableCostUsed"), v);
      expectNumber(b.named("Event_MarginUsed"), m);
      if (fixedItems === undefined) expect(b.named("Event_FixedCostItems")).toBeNull();
      else expectNumber(b.named("Event_FixedCostItems"), fixedItems);

      const marker = (e: DomainError) => common[e.reason === "neverBreaksEven" ? "never" : "invalid"][lang];
      const buyers = breakevenBuyers(F, v, m, a);
      expectCore(b.named("Event_BreakevenBuyers"), buyers, marker);
      if (!isDomainError(buyers) && a > 0) {
        expectNumber(b.named("Event_RequiredConversion"), buyers / a);
        // The flag beside it says so once the required conversion passes 100%.
        expect(b.cell("D13")).toBe(buyers / a > 1 ? eventTexts.requiredFlag[lang] : null);
      } else expect(b.named("Event_RequiredConversion")).toBeNull();
      expectCore(b.named("Event_BreakevenAttendees"), breakevenAttendees(F, v, m, r), marker);
      expectNumber(b.named("Event_ExpectedBuyers"), a * r);
      const profit = a * r * m - F - v * a;
      expectNumber(b.named("Event_Profit"), profit);
      if (!isDomainError(buyers)) {
        const verdict =
          Math.round(profit * 100) / 100 >= 0
            ? `${eventTexts.breaksEven[lang]}¥${Math.round(profit).toLocaleString("en-US")}`
            : `${eventTexts.shortOf[lang]}${ceilSafe(buyers - a * r)}${eventTexts.deals[lang]}`;
        expect(b.named("Event_Verdict")).toBe(verdict);
      }

      // One-way: 25%–200% of the planned attendance, fixed steps of 10 without any.
      oneWaySteps.forEach((share, i) => {
        const row = Y.oneWayRows[0] + i;
        const att = a > 0 ? Math.round(a * share) : (i + 1) * 10;
        expectNumber(b.cell(`A${row}`), att);
        expectNumber(b.cell(`B${row}`), F + v * att);
        expectNumber(b.cell(`C${row}`), att * r * m);
        expectNumber(b.cell(`D${row}`), att * r * m - F - v * att);
        const be = breakevenBuyers(F, v, m, att);
        expectCore(b.cell(`E${row}`), be, () => null);
        if (!isDomainError(be) && att > 0) expectNumber(b.cell(`F${row}`), be / att);
      });
      // Two-way: profit by attendance × conversion.
      twoWayConversion.forEach((k, j) =>
        expectNumber(b.cell(`${"BCDEF"[j]}${Y.twoWayHeaderRow}`), Math.min(1, r * k)),
      );
      twoWayAttendance.forEach((share, i) => {
        const row = Y.twoWayRows[0] + i;
        const att = a > 0 ? Math.round(a * share) : (i + 1) * 25;
        expectNumber(b.cell(`A${row}`), att);
        twoWayConversion.forEach((k, j) => {
          const rate = Math.min(1, r * k);
          expectNumber(b.cell(`${"BCDEF"[j]}${row}`), att * rate * m - F - v * att);
        });
      });

      // The review: plan against outcome; actual costs and gross profit default to the estimates.
      const q = Y.reviewRows[0];
      expectNumber(b.cell(`B${q}`), a);
      expectNumber(b.cell(`B${q + 6}`), profit);
      if (set.actualAttendees !== undefined && set.actualBuyers !== undefined) {
        const att = set.actualAttendees;
        const buy = set.actualBuyers;
        const fAct = known(act(set.fixed)) ? sum(act(set.fixed)) : F;
        const vAct = known(act(set.variable)) ? sum(act(set.variable)) : v;
        const mAct = known(act(set.margins)) ? sum(act(set.margins)) : m;
        expectNumber(b.named("Event_ActualConversion"), buy / att);
        expectNumber(b.cell(`C${q + 3}`), fAct);
        expectNumber(b.cell(`C${q + 4}`), att * vAct);
        expectNumber(b.cell(`C${q + 5}`), buy * mAct);
        expectNumber(b.named("Event_ActualProfit"), buy * mAct - fAct - att * vAct);
        expectNumber(b.cell(`D${q + 6}`), buy * mAct - fAct - att * vAct - profit);
      } else expect(b.named("Event_ActualProfit")).toBeNull();

      if (set.label === "source example") {
        // The source: 46 buyers for the fixed cost alone, 64 of 120 attendees, and exactly 120.
        expect(b.named("Event_BreakevenBuyers")).toBe(64);
        expect(b.named("Event_BreakevenAttendees")).toBe(120);
        expect(b.named("Event_Verdict")).toBe(`${eventTexts.breaksEven[lang]}¥0`);
      }
    },
  };
}
