// The league workbook from the pane's batch results: downloaded in preview (read back: the same
// ranking as the scoring module's, one sheet per plan, the unreadable file listed, named by language
// and day) and written as new sheets into the open workbook inside Excel (the double).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scoreWorkbooks, type BatchScores } from "../../src/scoring/batch";
import { LT } from "../../src/scoring/league-texts";
import { batchStrings } from "../../src/taskpane/i18n/batch";
import { fill } from "../../src/taskpane/i18n";
import { leagueFileName } from "../../src/templates/file-name";
import { Package } from "../../src/workbook/ooxml/package";
import { readXlsx } from "../../src/workbook/xlsx";
import { CellIndex } from "../../src/workbook/port";
import { seriousViolations } from "./support/axe";
import { BASE_SEED, doubleState, withExcel } from "./support/excel";
import { previewHarness } from "./support/preview";
import { ROOT } from "./support/server";

jest.setTimeout(180_000);

const PLANS = join(ROOT, "tests/fixtures/plans");
const FILES = [
  "handmade-zh.xlsx",
  "template-complete-zh.xlsx",
  "unreadable-truncated.xlsx",
  "handmade-en.xlsx",
];
const pane = previewHarness();

async function expected(): Promise<BatchScores> {
  return scoreWorkbooks(
    FILES.map((f) => {
      const bytes = readFileSync(join(PLANS, f));
      return { name: f, size: bytes.length, read: async () => new Uint8Array(bytes) };
    }),
  );
}

describe("the league workbook from the pane", () => {
  for (const lang of ["zh-CN", "en-US"] as const) {
    test(`${lang} preview: downloads the league of the batch`, async () => {
      const want = await expected();
      const page = await pane.open(`?lang=${lang}`);
      await page.click("#tab-score");
      await page.setInputFiles(
        '[data-testid="plan-files"]',
        FILES.map((f) => join(PLANS, f)),
      );
      await page.waitForSelector('[data-testid="batch-done"]');
      expect(await page.innerText('[data-testid="league-write"]')).toBe(batchStrings(lang).leagueDownload);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="league-write"]'),
      ]);
      const name = leagueFileName(lang);
      expect(download.suggestedFilename()).toBe(name);
      await page.waitForSelector(`[data-testid="league-done"]:has-text("${name}")`);
      const bytes = new Uint8Array(readFileSync(await download.path()));
      const snap = await readXlsx(bytes);
      expect(snap.sheets.map((s) => s.name)[0]).toBe(LT.rankingSheet[lang]);
      expect(snap.sheets).toHaveLength(1 + want.plans.length);
      const ranking = new CellIndex(snap.sheets[0].cells);
      const files = want.plans.map((_, i) => ranking.value(5 + i, 14));
      expect(files).toEqual(want.plans.map((p) => p.file));
      const texts = snap.sheets[0].cells.map((c) => c.value);
      expect(texts).toContain("unreadable-truncated.xlsx");
      expect(Package.open(bytes).text("xl/charts/chart1.xml")).toContain("<c:barChart>");
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test("inside Excel: the league becomes new sheets of the open workbook", async () => {
    const want = await expected();
    await withExcel(
      pane.server,
      { ...BASE_SEED, displayLanguage: "en-US", bodyBackgroundColor: "#ffffff" },
      async (page) => {
        await page.click("#tab-score");
        await page.setInputFiles(
          '[data-testid="plan-files"]',
          FILES.map((f) => join(PLANS, f)),
        );
        await page.waitForSelector('[data-testid="batch-done"]');
        expect(await page.innerText('[data-testid="league-write"]')).toBe(batchStrings("en-US").leagueWrite);
        await page.click('[data-testid="league-write"]');
        const said = fill(batchStrings("en-US").leagueWritten, { sheet: "Ranking" });
        await page.waitForSelector(`[data-testid="league-done"]:has-text("${said}")`);
        const state = await doubleState(page);
        const names = state.sheets.map((s) => s.name);
        expect(names[0]).toBe("Sheet1");
        expect(names.slice(1)).toHaveLength(1 + want.plans.length);
        expect(names[1]).toBe("Ranking");
        expect(await page.locator('[data-testid="error-bar"]').count()).toBe(0);
      },
    );
  });
});
