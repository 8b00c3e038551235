// Proof with a real spreadsheet engine: every template, both languages, several input sets (the
// source's event example among them) is written to .xlsx, recalculated by LibreOffice headless and
// read back with a reader that keeps error cells; every named output must equal the core's answer
// and no formula cell may come out as an error. A missing LibreOffice fails this test.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import {
  breakevenAttendees,
  breakevenBuyers,
  costPerSale,
  funnelTargets,
  isDomainError,
  stepRates,
  type DomainError,
} from "../../src/core";
import { controlStatus, trendAlerts, type ControlLines } from "../../src/core/control";
import { funnelLayout, funnelTexts } from "../../src/templates/funnel";
import { buildTemplate, withNamedValue, withValues } from "../../src/templates";
import { colName } from "../../src/core/a1";
import type { Lang } from "../../src/core/lang";
import { type SpecCell } from "../../src/templates/spec";
import { templateToXlsx, XlsxWorkbook } from "../../src/workbook/xlsx";
import { recalcFiles, sofficePath } from "../support/soffice";
import { expectCore, expectNumber, lcg, openBook, type Book, type Case } from "./lo-book";
import { eventCase, eventSets } from "./lo-event";
import { budgetCase, freshBudgetCase } from "./lo-budget";

jest.setTimeout(300_000);

const langsUnderTest: readonly Lang[] = ["zh-CN", "en-US"];

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
  budgetCase(7, 1, 0.1, 9, lang),
  budgetCase(42, 0.18, 0.05, 12, lang),
  budgetCase(5, 0.25, 0, 10, lang, 6),
  budgetCase(9, 1, 0.2, 3, lang),
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
