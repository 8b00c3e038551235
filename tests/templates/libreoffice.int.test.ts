// Proof with a real spreadsheet engine: every template, both languages, several input sets (the
// source's event example among them) is written to .xlsx, recalculated by LibreOffice headless and
// read back with a reader that keeps error cells; every named output must equal the core's answer
// and no formula cell may come out as an error. A missing LibreOffice fails this test.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import {
  breakevenAttendees,
  breakevenBuyers,
  costPerSale,
  funnelTargets,
  isDomainError,
  roi,
  stepRates,
  type DomainError,
} from "../../src/core";
import { controlStatus, trendAlerts, type ControlLines } from "../../src/core/control";
import { budgetColumns, budgetLayout, budgetTexts } from "../../src/templates/budget";
import { funnelLayout, funnelTexts } from "../../src/templates/funnel";
import { common } from "../../src/templates/i18n";
import { buildTemplate, withNamedValue, withValues } from "../../src/templates";
import { colName } from "../../src/core/a1";
import type { Lang } from "../../src/core/lang";
import { type SpecCell, type WorkbookSpec } from "../../src/templates/spec";
import { templateToXlsx, XlsxWorkbook } from "../../src/workbook/xlsx";
import { recalcFiles, sofficePath } from "../support/soffice";

jest.setTimeout(300_000);

type Value = number | string | boolean | null;

interface Book {
  readonly wb: XLSX.WorkBook;
  /** The value of a cell of the (first) sheet. */
  cell(addr: string, sheetIndex?: number): Value;
  /** The value of a workbook-level defined name pointing at one cell. */
  named(name: string): Value;
}

function openBook(path: string): Book {
  const wb = XLSX.read(readFileSync(path), { cellFormula: true });
  const value = (sheet: string, addr: string): Value => {
    const c = wb.Sheets[sheet]?.[addr.replace(/\$/g, "")] as XLSX.CellObject | undefined;
    if (!c || c.v === undefined) return null;
    if (c.t === "e") throw new Error(`${sheet}!${addr} is an error cell (${String(c.w)})`);
    if (typeof c.v === "string" && c.v === "") return null;
    return c.v as Value;
  };
  return {
    wb,
    cell: (addr, i = 0) => value(wb.SheetNames[i], addr),
    named: (name) => {
      const n = (wb.Workbook?.Names ?? []).find((x) => x.Name === name && x.Sheet === undefined);
      if (!n) throw new Error(`no workbook-level name ${name}`);
      const m = /^'?(.*?)'?!(\$?[A-Z]+\$?\d+)$/.exec(n.Ref);
      if (!m) throw new Error(`name ${name} is not a single cell: ${n.Ref}`);
      return value(m[1].replace(/''/g, "'"), m[2]);
    },
  };
}

/** A number close to the core's (engines may differ in the last bits), or the blank/marker it maps to. */
function expectNumber(actual: Value, expected: number) {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(expected, 6);
}

function expectCore(
  actual: Value,
  expected: number | DomainError,
  marker: (e: DomainError) => string | null,
) {
  if (isDomainError(expected)) expect(actual).toBe(marker(expected));
  else expectNumber(actual, expected);
}

interface Case {
  readonly id: string;
  readonly spec: WorkbookSpec;
  readonly check: (b: Book) => void;
  /** The file to recalculate, when it is more than the spec written alone. */
  readonly bytes?: () => Promise<Uint8Array>;
}

const langsUnderTest: readonly Lang[] = ["zh-CN", "en-US"];

// ---- Event break-even --------------------------------------------------------------------------
interface EventSet {
  readonly label: string;
  readonly F?: number;
  readonly v?: number;
  readonly m?: number;
  readonly r?: number;
  readonly a?: number;
}

const eventSets: readonly EventSet[] = [
  { label: "source example", F: 460000, v: 1500, m: 10000, r: 64 / 120, a: 120 },
  { label: "profitable", F: 200000, v: 800, m: 8000, r: 0.3, a: 150 },
  { label: "never breaks even", F: 100000, v: 3000, m: 5000, r: 0.5, a: 80 },
  { label: "no fixed cost, nobody invited", F: 0, v: 0, m: 12000, r: 0.25, a: 0 },
  { label: "fresh (empty inputs)" },
];

function eventCase(set: EventSet, lang: Lang): Case {
  const spec = buildTemplate("event", {
    lang,
    event: { fixedCost: set.F, variableCost: set.v, margin: set.m, conversionRate: set.r, attendees: set.a },
  });
  return {
    id: `event ${lang} ${set.label}`,
    spec,
    check: (b) => {
      const { F, v, m, r, a } = set;
      const names = [
        "Event_BreakevenBuyers",
        "Event_RequiredConversion",
        "Event_BreakevenAttendees",
        "Event_Profit",
      ];
      if (F === undefined || v === undefined || m === undefined || r === undefined || a === undefined) {
        for (const n of [...names, "Event_ExpectedBuyers"]) expect(b.named(n)).toBeNull();
        for (let row = 20; row <= 39; row++) for (const c of "BCDEF") expect(b.cell(`${c}${row}`)).toBeNull();
        return;
      }
      const marker = (e: DomainError) => common[e.reason === "neverBreaksEven" ? "never" : "invalid"][lang];
      const buyers = breakevenBuyers(F, v, m, a);
      expectCore(b.named("Event_BreakevenBuyers"), buyers, marker);
      if (!isDomainError(buyers) && a > 0) expectNumber(b.named("Event_RequiredConversion"), buyers / a);
      else expect(b.named("Event_RequiredConversion")).toBeNull();
      expectCore(b.named("Event_BreakevenAttendees"), breakevenAttendees(F, v, m, r), marker);
      expectNumber(b.named("Event_ExpectedBuyers"), a * r);
      expectNumber(b.named("Event_Profit"), a * r * m - F - v * a);
      for (let i = 0; i < 20; i++) {
        const row = 20 + i;
        const att = (i + 1) * 10;
        expectNumber(b.cell(`A${row}`), att);
        expectNumber(b.cell(`B${row}`), F + v * att);
        expectNumber(b.cell(`C${row}`), att * r * m);
        expectNumber(b.cell(`D${row}`), att * r * m - F - v * att);
        const be = breakevenBuyers(F, v, m, att);
        expectCore(b.cell(`E${row}`), be, () => null);
        if (!isDomainError(be)) expectNumber(b.cell(`F${row}`), be / att);
      }
      if (set.label === "source example") {
        // The source: 46 buyers for the fixed cost alone, 64 of 120 attendees, and exactly 120.
        expect(b.named("Event_BreakevenBuyers")).toBe(64);
        expect(b.named("Event_BreakevenAttendees")).toBe(120);
      }
    },
  };
}

// ---- Budget ----------------------------------------------------------------------------------------
/** A small deterministic generator, so a failing case can be reproduced. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface BudgetLine {
  readonly plan: readonly number[];
  readonly actual: readonly (number | null)[];
  readonly leads: number | null;
  readonly vehicles: number | null;
  readonly revenue: number | null;
}

function budgetCase(seed: number, margin: number, tolerance: number, lang: Lang): Case {
  const rnd = lcg(seed);
  const lay = budgetLayout();
  const K = budgetColumns;
  const C = colName;
  let spec = buildTemplate("budget", { lang, budget: { margin, tolerance } });
  const lines = new Map<number, BudgetLine>();
  lay.lineRows.flat().forEach((r, i) => {
    const monthsDone = 3 + Math.floor(rnd() * 9);
    const plan = Array.from({ length: 12 }, () => Math.round(rnd() * 50) * 1000);
    const actual = plan.map((p, k) => (k < monthsDone ? Math.round(p * (0.7 + rnd() * 0.6)) : null));
    const line: BudgetLine = {
      plan,
      actual,
      leads: i % 5 === 4 ? null : Math.round(rnd() * 300),
      vehicles: i % 4 === 3 ? 0 : i % 7 === 6 ? null : Math.round(rnd() * 20),
      revenue: i % 6 === 5 ? null : Math.round(rnd() * 4_000_000),
    };
    lines.set(r, line);
    spec = withValues(spec, "budget", `${C(K.PLAN0)}${r}`, [line.plan]);
    spec = withValues(spec, "budget", `${C(K.ACT0)}${r}`, [line.actual]);
    spec = withValues(spec, "budget", `${C(K.LEADS)}${r}`, [[line.leads, line.vehicles, line.revenue]]);
  });
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  return {
    id: `budget ${lang} seed ${seed} margin ${margin}`,
    spec,
    check: (b) => {
      const cell = (k: number, r: number) => b.cell(`${C(k)}${r}`);
      const expectResults = (
        r: number,
        planned: number,
        actual: number,
        veh: number | null,
        rev: number | null,
      ) => {
        expectNumber(cell(K.PLAN_TOTAL, r), planned);
        expectNumber(cell(K.ACT_TOTAL, r), actual);
        if (rev === null) expect(cell(K.ROI, r)).toBeNull();
        else expectCore(cell(K.ROI, r), roi(rev, actual, margin), () => null);
        if (veh === null) expect(cell(K.CPS, r)).toBeNull();
        else expectCore(cell(K.CPS, r), costPerSale(actual, veh), () => null);
        if (planned === 0 && actual === 0) expect(cell(K.STATUS, r)).toBeNull();
        else
          expect(cell(K.STATUS, r)).toBe(
            budgetTexts[actual > planned * (1 + tolerance) ? "over" : "ok"][lang],
          );
        if (planned > 0) expectNumber(cell(K.VARP, r), (actual - planned) / planned);
      };
      const groupTotals = lay.lineRows.map((rows) => {
        const ls = rows.map((r) => lines.get(r) as BudgetLine);
        for (const [i, r] of rows.entries()) {
          const l = ls[i];
          expectResults(r, sum(l.plan), sum(l.actual), l.vehicles, l.revenue);
        }
        const known = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : sum(xs));
        return {
          planned: sum(ls.map((l) => sum(l.plan))),
          actual: sum(ls.map((l) => sum(l.actual))),
          vehicles: known(ls.map((l) => l.vehicles)),
          revenue: known(ls.map((l) => l.revenue)),
          leads: sum(ls.map((l) => l.leads)),
        };
      });
      groupTotals.forEach((g, gi) =>
        expectResults(lay.subtotalRows[gi], g.planned, g.actual, g.vehicles, g.revenue),
      );
      const planned = sum(groupTotals.map((g) => g.planned));
      const actual = sum(groupTotals.map((g) => g.actual));
      const vehicles = sum(groupTotals.map((g) => g.vehicles));
      const revenue = sum(groupTotals.map((g) => g.revenue));
      expectNumber(b.named("Budget_TotalPlanned"), planned);
      expectNumber(b.named("Budget_TotalActual"), actual);
      expectNumber(b.named("Budget_TotalVehicles"), vehicles);
      expectNumber(b.named("Budget_TotalRevenue"), revenue);
      expectNumber(b.named("Budget_TotalLeads"), sum(groupTotals.map((g) => g.leads)));
      expectCore(b.named("Budget_ROI"), roi(revenue, actual, margin), () => null);
      expectCore(b.named("Budget_CostPerSale"), costPerSale(actual, vehicles), () => null);
      expectNumber(b.named("Budget_Variance"), actual - planned);
      expectNumber(b.named("Budget_Margin"), margin);
    },
  };
}

function freshBudgetCase(lang: Lang): Case {
  return {
    id: `budget ${lang} fresh`,
    spec: buildTemplate("budget", { lang }),
    check: (b) => {
      expectNumber(b.named("Budget_TotalPlanned"), 0);
      expectNumber(b.named("Budget_TotalActual"), 0);
      for (const n of [
        "Budget_TotalVehicles",
        "Budget_TotalRevenue",
        "Budget_ROI",
        "Budget_CostPerSale",
        "Budget_Variance",
      ]) {
        expect(b.named(n)).toBeNull();
      }
    },
  };
}

// ---- Funnel --------------------------------------------------------------------------------------
function funnelCase(seed: number, lang: Lang, months: number): Case {
  const rnd = lcg(seed);
  const reps = 8;
  const lay = funnelLayout(reps);
  const C = colName;
  let spec = buildTemplate("funnel", { lang, funnel: { salespeople: reps } });
  const target = 40 + Math.round(rnd() * 60);
  spec = withNamedValue(spec, "Funnel_TargetBuyers", target);
  // Rate 1 falls steadily over the first months so trend alerts must show; the others wander.
  const monthly: (number | null)[][] = lay.monthRows.map((_, i) => {
    if (i >= months) return [null, null, null, null, null, null];
    const s1 = i === 5 ? 0 : 800 + Math.round(rnd() * 400);
    const r1 = i < 6 ? 0.4 - 0.03 * i : 0.2 + rnd() * 0.2;
    const s2 = Math.round(s1 * r1) || Math.round(rnd() * 50);
    const s3 = Math.round(s2 * (0.3 + rnd() * 0.4));
    const s4 = Math.round(s3 * (0.2 + rnd() * 0.5));
    const s5 = Math.round(s4 * (0.6 + rnd() * 0.5)); // may exceed s4: customers of earlier periods
    const s6 = Math.round(s5 * (0.3 + rnd() * 0.5));
    return [s1, s2, s3, s4, s5, s6];
  });
  lay.monthRows.forEach((r, i) => (spec = withValues(spec, "funnel", `B${r}`, [monthly[i]])));
  const lines: ControlLines[] = [
    { standard: 0.3, warningLine: 0.27, controlLine: 0.22 },
    { standard: 0.5, warningLine: 0.45, controlLine: 0.4 },
    { standard: 0.4, warningLine: 0.35, controlLine: 0.3 },
    { standard: 0.9, warningLine: 0.8, controlLine: 0.7 },
    { standard: 0.5, warningLine: 0.45, controlLine: 0.3 },
  ];
  lay.controlRows.forEach((r, k) => {
    const l = lines[k];
    spec = withValues(spec, "funnel", `C${r}`, [[l.standard, l.warningLine, l.controlLine]]);
  });
  const repCounts: (number | null)[][] = lay.repRows.map((_, i) => {
    if (i === reps - 1) return [null, null, null, null, null, null]; // a salesperson with no data yet
    const s1 = 100 + Math.round(rnd() * 200);
    const s2 = Math.round(s1 * (0.2 + rnd() * 0.3));
    const s3 = Math.round(s2 * (0.3 + rnd() * 0.4));
    const s4 = Math.round(s3 * (0.2 + rnd() * 0.5));
    return [s1, s2, s3, s4, Math.round(s4 * 0.8), Math.round(s4 * 0.4)];
  });
  lay.repRows.forEach(
    (r, i) => (spec = withValues(spec, "funnel", `A${r}`, [[`P${i + 1}`, ...repCounts[i]]])),
  );
  const counts = [50000, 1200, 600, 400, 180, 45];
  lay.countRows.forEach((r, i) => (spec = withValues(spec, "funnel", `B${r}`, [[counts[i]]])));
  const targets = [40000, 0.02, 0.6, 0.5, 0.2];
  lay.eventTargetRows.forEach((r, i) => (spec = withValues(spec, "funnel", `B${r}`, [[targets[i]]])));

  const num = (x: number | null) => x ?? Number.NaN;
  return {
    id: `funnel ${lang} seed ${seed} months ${months}`,
    spec,
    check: (b) => {
      const rateCol = (k: number) => C(7 + k);
      const statusText = {
        "on-target": funnelTexts.onTarget,
        warning: funnelTexts.warning,
        "off-track": funnelTexts.offTrack,
      };
      // Monthly rates, status and trend against the core.
      const monthRates: (number | DomainError | null)[][] = monthly.map((row) =>
        row[0] === null ? [null, null, null, null, null] : stepRates(row.map(num)),
      );
      let alerts = 0;
      for (let k = 0; k < 5; k++) {
        const series = monthRates.map((rs) => rs[k]);
        const trend = trendAlerts(series);
        if (isDomainError(trend)) throw new Error("bad trend periods");
        lay.monthRows.forEach((r, i) => {
          const rate = series[i];
          if (rate === null || isDomainError(rate)) {
            expect(b.cell(`${rateCol(k)}${r}`)).toBeNull();
            expect(b.cell(`${C(12 + k)}${r}`)).toBeNull();
          } else {
            expectNumber(b.cell(`${rateCol(k)}${r}`), rate);
            const st = controlStatus(rate, lines[k]);
            if (isDomainError(st)) throw new Error("bad lines");
            expect(b.cell(`${C(12 + k)}${r}`)).toBe(statusText[st][lang]);
          }
          expect(b.cell(`${C(17 + k)}${r}`)).toBe(trend[i] ? funnelTexts.trendAlert[lang] : null);
          if (trend[i]) alerts++;
        });
      }
      expect(alerts).toBeGreaterThan(0);
      // Totals and their rates (the named outputs).
      const totals = [0, 1, 2, 3, 4, 5].map((k) => monthly.reduce((s, row) => s + (row[k] ?? 0), 0));
      totals.forEach((t, k) => expectNumber(b.named(`Funnel_Stage${k + 1}`), t));
      stepRates(totals).forEach((r, k) => expectCore(b.named(`Funnel_Rate${k + 1}`), r, () => null));
      // Planning backwards from the target with the standard rates.
      const needs = funnelTargets(
        target,
        lines.slice(0, 3).map((l) => l.standard),
      );
      if (isDomainError(needs)) throw new Error("funnelTargets failed");
      needs.forEach((n, k) => expectNumber(b.named(`Funnel_Need${k + 1}`), n));
      // Spread across salespeople: min, median, max of each rate.
      const repRates = repCounts.filter((c) => c[0] !== null).map((c) => stepRates(c.map(num)));
      for (let k = 0; k < 5; k++) {
        const xs = repRates
          .map((rs) => rs[k])
          .filter((x): x is number => typeof x === "number")
          .sort((a, z) => a - z);
        const mid = xs.length / 2;
        const median = xs.length % 2 ? xs[Math.floor(mid)] : (xs[mid - 1] + xs[mid]) / 2;
        expectNumber(b.named(`Funnel_RateMin${k + 1}`), xs[0]);
        expectNumber(b.named(`Funnel_RateMedian${k + 1}`), median);
        expectNumber(b.named(`Funnel_RateMax${k + 1}`), xs[xs.length - 1]);
      }
      // The five event targets.
      const actual = [
        counts[0],
        counts[1] / counts[0],
        counts[2] / counts[1],
        counts[4] / counts[3],
        counts[5] / counts[4],
      ];
      actual.forEach((a, k) => {
        expectNumber(b.named(`Funnel_EventActual${k + 1}`), a);
        const r = lay.eventTargetRows[k];
        expect(b.cell(`D${r}`)).toBe((a >= targets[k] ? funnelTexts.met : funnelTexts.below)[lang]);
      });
      expectNumber(b.named("Funnel_TargetBuyers"), target);
    },
  };
}

function freshFunnelCase(lang: Lang): Case {
  return {
    id: `funnel ${lang} fresh`,
    spec: buildTemplate("funnel", { lang }),
    check: (b) => {
      for (let k = 1; k <= 6; k++) expectNumber(b.named(`Funnel_Stage${k}`), 0);
      for (let k = 1; k <= 5; k++) {
        expect(b.named(`Funnel_Rate${k}`)).toBeNull();
        expect(b.named(`Funnel_RateMedian${k}`)).toBeNull();
      }
      for (let k = 1; k <= 4; k++) expect(b.named(`Funnel_Need${k}`)).toBeNull();
    },
  };
}

// ---- Plan ----------------------------------------------------------------------------------------
function planCase(lang: Lang, salesTarget?: number, budget?: number): Case {
  return {
    id: `plan ${lang} target ${String(salesTarget)} budget ${String(budget)}`,
    spec: buildTemplate("plan", { lang, plan: { salesTarget, budget } }),
    check: (b) => {
      if (salesTarget === undefined || budget === undefined) {
        expect(b.named("Plan_BudgetPerVehicle")).toBeNull();
        expect(b.named("Plan_SalesTarget")).toBeNull();
        return;
      }
      expectNumber(b.named("Plan_SalesTarget"), salesTarget);
      expectNumber(b.named("Plan_Budget"), budget);
      expectCore(b.named("Plan_BudgetPerVehicle"), costPerSale(budget, salesTarget), () => null);
      expect(b.wb.SheetNames).toHaveLength(2);
    },
  };
}

/** The event template written twice into one workbook, with different inputs: suffixed names, no clash. */
function twiceCase(lang: Lang): Case {
  const a = buildTemplate("event", {
    lang,
    event: { fixedCost: 460000, variableCost: 1500, margin: 10000, conversionRate: 64 / 120, attendees: 120 },
  });
  const b = buildTemplate("event", {
    lang,
    event: { fixedCost: 90000, variableCost: 500, margin: 6000, conversionRate: 0.25, attendees: 60 },
  });
  return {
    id: `event ${lang} written twice into one workbook`,
    spec: { ...a, sheets: [...a.sheets, ...b.sheets] },
    bytes: async () => {
      const wb = XlsxWorkbook.create();
      await wb.writeTemplate(a);
      const second = await wb.writeTemplate(b);
      expect(second.names.map((n) => n.name)).toContain("Event_BreakevenAttendees_2");
      return wb.toBuffer();
    },
    check: (book) => {
      expect(book.wb.SheetNames).toHaveLength(2);
      expect(book.named("Event_BreakevenAttendees")).toBe(120);
      expect(book.named("Event_BreakevenBuyers")).toBe(64);
      expectCore(
        book.named("Event_BreakevenAttendees_2"),
        breakevenAttendees(90000, 500, 6000, 0.25),
        () => null,
      );
      expectCore(book.named("Event_BreakevenBuyers_2"), breakevenBuyers(90000, 500, 6000, 60), () => null);
      expectNumber(book.named("Event_Profit_2"), 60 * 0.25 * 6000 - 90000 - 500 * 60);
    },
  };
}

const cases: Case[] = langsUnderTest.flatMap((lang) => [
  twiceCase(lang),
  ...eventSets.map((s) => eventCase(s, lang)),
  budgetCase(7, 1, 0.1, lang),
  budgetCase(42, 0.18, 0.05, lang),
  freshBudgetCase(lang),
  funnelCase(3, lang, 12),
  funnelCase(11, lang, 8),
  freshFunnelCase(lang),
  planCase(lang, 120, 960000),
  planCase(lang, 0, 50000),
  planCase(lang),
]);

describe("templates recalculated in LibreOffice", () => {
  const books = new Map<string, Book>();

  beforeAll(async () => {
    sofficePath(); // throws (fails every test) when LibreOffice is missing
    const dir = mkdtempSync(join(tmpdir(), "templates-lo-"));
    mkdirSync(join(dir, "in"));
    const files: string[] = [];
    for (const [i, c] of cases.entries()) {
      const f = join(dir, "in", `case-${i}.xlsx`);
      writeFileSync(f, c.bytes ? await c.bytes() : await templateToXlsx(c.spec));
      files.push(f);
    }
    const outs = await recalcFiles(files, join(dir, "out"));
    outs.forEach((o, i) => books.set(cases[i].id, openBook(o)));
  });

  test.each(cases.map((c) => [c.id, c] as const))("%s: named outputs equal the core", (_id, c) => {
    c.check(books.get(c.id) as Book);
  });

  test("no formula cell of any template is an error, and every formula survived", () => {
    for (const c of cases) {
      const b = books.get(c.id) as Book;
      const written = c.spec.sheets.reduce(
        (n, s) =>
          n +
          s.blocks
            .flatMap((bl) => bl.rows.flat())
            .filter((x: SpecCell) => typeof x === "string" && x.startsWith("=")).length,
        0,
      );
      let formulas = 0;
      for (const name of b.wb.SheetNames) {
        for (const [addr, cell] of Object.entries(b.wb.Sheets[name])) {
          if (addr.startsWith("!")) continue;
          const x = cell as XLSX.CellObject;
          if (x.f) formulas++;
          if (x.t === "e") throw new Error(`${c.id}: ${name}!${addr} = ${String(x.w)} (${String(x.f)})`);
        }
      }
      expect({ id: c.id, formulas }).toEqual({ id: c.id, formulas: written });
    }
  });
});
