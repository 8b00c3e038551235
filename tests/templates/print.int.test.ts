// Printing as a dealer hands a template to a manager: every template, filled in (the budget with
// twelve months, the funnel with 50 salespeople, the event with every line), in both languages, is
// printed to PDF by LibreOffice. Each sheet takes at most three A4 pages, each page carries the footer
// (dealer, sheet name, page x / y), and sheets with print titles repeat them on every page.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { colName } from "../../src/core/a1";
import type { Lang } from "../../src/core/lang";
import { buildTemplate, withValues } from "../../src/templates";
import { budgetColumns as K, budgetLayout } from "../../src/templates/budget";
import { eventLayout } from "../../src/templates/event";
import { funnelLayout } from "../../src/templates/funnel";
import { planLayout } from "../../src/templates/plan";
import { flattenCells, type WorkbookSpec } from "../../src/templates/spec";
import { templateToXlsx } from "../../src/workbook/xlsx";
import { pdfFiles, pdfPageTexts, sofficePath } from "../support/soffice";

jest.setTimeout(300_000);

const DEALER = "星辰汽车";
const MAX_PAGES = 3;

function filledBudget(lang: Lang): WorkbookSpec {
  const lay = budgetLayout();
  let spec = buildTemplate("budget", { lang, dealerName: DEALER, brand: "Aurora" });
  const put = (at: string, rows: (string | number | null)[][]) =>
    (spec = withValues(spec, "budget", at, rows));
  lay.planned.lineRows.flat().forEach((r, i) => {
    const plan = Array.from({ length: 12 }, (_, k) => 20000 + ((i * 7 + k * 13) % 9) * 15000);
    put(`${colName(K.MONTH0)}${r}`, [plan]);
    put(`${colName(K.MONTH0)}${lay.actual.lineRows.flat()[i]}`, [
      plan.map((p, k) => p + ((i + k) % 5) * 3000),
    ]);
    const a = lay.analysis.lineRows.flat()[i];
    put(`${colName(K.LEADS)}${a}`, [[300 + i * 17, 12 + i, 9_000_000 + i * 450_000]]);
    put(`${colName(K.NOTES)}${a}`, [[lang === "zh-CN" ? "按月复核" : "Reviewed monthly"]]);
  });
  return spec;
}

function filledEvent(lang: Lang): WorkbookSpec {
  const Y = eventLayout;
  let spec = buildTemplate("event", {
    lang,
    dealerName: DEALER,
    event: { conversionRate: 0.3, attendees: 150 },
  });
  const put = (at: string, rows: (number | null)[][]) => (spec = withValues(spec, "event", at, rows));
  put(`B${Y.fixedLines[0]}`, [
    [50000, 48000],
    [30000, 35000],
    [60000, 61000],
    [20000, 21000],
    [10000, 5000],
    [0.05, null],
  ]);
  put(`B${Y.variableLines[0]}`, [
    [300, 320],
    [200, 180],
    [100, 90],
  ]);
  put(`B${Y.marginLines[0]}`, [
    [5000, 5100],
    [1500, 1400],
    [1200, 1300],
    [800, 700],
    [500, 600],
  ]);
  put(`C${Y.reviewRows[0]}`, [[160], [41]]);
  return spec;
}

function filledFunnel(lang: Lang): WorkbookSpec {
  const names = Array.from({ length: 50 }, (_, i) =>
    lang === "zh-CN" ? `销售顾问${i + 1}` : `Salesperson ${i + 1}`,
  );
  const lay = funnelLayout(names.length);
  let spec = buildTemplate("funnel", {
    lang,
    dealerName: DEALER,
    funnel: { salespeople: names, targetBuyers: 120 },
  });
  lay.monthRows.forEach(
    (r, i) => (spec = withValues(spec, "funnel", `B${r}`, [[12000 + i * 10, 3000, 1200, 400, 350, 120]])),
  );
  lay.repRows.forEach(
    (r, i) => (spec = withValues(spec, "funnel", `B${r}`, [[800 + i, 200, 70, 22, 18, 6]])),
  );
  return spec;
}

function filledPlan(lang: Lang): WorkbookSpec {
  const [e0, e1] = planLayout.elementRows;
  let spec = buildTemplate("plan", { lang, dealerName: DEALER, plan: { salesTarget: 120, budget: 960000 } });
  const text = lang === "zh-CN" ? "已完成初稿，待市场部复核" : "First draft done, marketing to review";
  spec = withValues(
    spec,
    "plan",
    `D${e0}`,
    Array.from({ length: e1 - e0 + 1 }, () => [text, lang === "zh-CN" ? "市场部" : "Marketing"]),
  );
  return spec;
}

const cases = (["zh-CN", "en-US"] as const).flatMap((lang) =>
  [filledPlan, filledBudget, filledEvent, filledFunnel].map((make) => {
    const spec = make(lang);
    return { id: `${spec.kind} ${lang}`, spec };
  }),
);

describe("templates printed by LibreOffice", () => {
  const pages = new Map<string, string[]>();

  beforeAll(async () => {
    sofficePath(); // throws (fails every test) when LibreOffice is missing
    await promisify(execFile)("pdftotext", ["-v"]); // throws when poppler-utils is missing
    const dir = mkdtempSync(join(tmpdir(), "templates-pdf-"));
    mkdirSync(join(dir, "in"));
    const files: string[] = [];
    for (const [i, c] of cases.entries()) {
      const f = join(dir, "in", `case-${i}.xlsx`);
      writeFileSync(f, await templateToXlsx(c.spec));
      files.push(f);
    }
    const pdfs = await pdfFiles(files, join(dir, "out"));
    for (const [i, pdf] of pdfs.entries()) pages.set(cases[i].id, await pdfPageTexts(pdf));
  });

  test.each(cases.map((c) => [c.id, c] as const))(
    "%s: each sheet on at most 3 A4 pages, with footer and repeated titles",
    (_id, c) => {
      const all = pages.get(c.id) ?? [];
      // Longest names first, so a sheet whose name holds another's is not taken for it.
      const names = c.spec.sheets.map((s) => s.name).sort((a, b) => b.length - a.length);
      const bySheet = new Map<string, string[]>();
      for (const page of all) {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        const footer = lines[lines.length - 1] ?? "";
        // The footer: the dealer, the sheet name, page x / y.
        expect(footer).toContain(DEALER);
        expect(footer).toMatch(/\d+\s*\/\s*\d+\s*$/);
        const sheet = names.find((n) => footer.includes(n));
        expect([footer, sheet !== undefined]).toEqual([footer, true]);
        bySheet.set(sheet as string, [...(bySheet.get(sheet as string) ?? []), page]);
      }
      for (const s of c.spec.sheets) {
        const printed = bySheet.get(s.name) ?? [];
        expect([s.name, printed.length >= 1 && printed.length <= MAX_PAGES]).toEqual([s.name, true]);
        const title = String(flattenCells(s).get("A1"));
        expect(printed[0]).toContain(title);
        // Print titles: the title row comes back on every page of the sheet.
        if (s.print?.titleRows) for (const p of printed) expect(p).toContain(title);
      }
    },
  );

  // Charts are written as DrawingML parts by the package layer: LibreOffice draws each one, with its
  // title (text no cell of the sheet holds) on a page of its sheet.
  test.each(cases.filter((c) => c.spec.sheets.some((s) => s.charts?.length)).map((c) => [c.id, c] as const))(
    "%s: every chart is drawn on its sheet's pages",
    (_id, c) => {
      const all = pages.get(c.id) ?? [];
      for (const s of c.spec.sheets) {
        for (const chart of s.charts ?? []) {
          const cellTexts = [...flattenCells(s).values()].map((v) => (typeof v === "string" ? v : ""));
          expect(cellTexts.some((t) => t.includes(chart.title))).toBe(false);
          const onSheet = all.filter((p) => p.includes(s.name));
          // A title wraps inside its chart, beside another chart's title: its start is on the page.
          const start = chart.title.replace(/\s+/g, "").slice(0, 6);
          const drawn = onSheet.some((p) => p.replace(/\s+/g, "").includes(start));
          expect([chart.title, drawn]).toEqual([chart.title, true]);
        }
      }
    },
  );
});
