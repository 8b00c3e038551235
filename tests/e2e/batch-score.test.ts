// Several plans at once, in preview and in Excel (through the double): workbooks picked from disk
// (several files, or a folder), one of them unreadable; the pane's ranking is the scoring module's for
// the same files, the unreadable one is listed with the scoring's reason, and each plan opens into its
// criteria, evidence and overrides.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { scoreWorkbooks, topSuggestion, type BatchScores } from "../../src/scoring/batch";
import { fill, strings, type Lang } from "../../src/taskpane/i18n";
import { batchStrings } from "../../src/taskpane/i18n/batch";
import { seriousViolations } from "./support/axe";
import { BASE_SEED, doubleState, withExcel } from "./support/excel";
import { previewHarness, SHOTS } from "./support/preview";
import { ROOT } from "./support/server";

jest.setTimeout(180_000);

const PLANS = join(ROOT, "tests/fixtures/plans");
const FILES = [
  "handmade-zh.xlsx",
  "template-complete-zh.xlsx",
  "unreadable-truncated.xlsx",
  "handmade-en.xlsx",
  "handmade-partial-en.xlsx",
];

const pane = previewHarness();

async function expectedBatch(files: readonly string[], names = files): Promise<BatchScores> {
  return scoreWorkbooks(
    files.map((f, i) => {
      const bytes = readFileSync(join(PLANS, f));
      return { name: names[i], size: bytes.length, read: async () => new Uint8Array(bytes) };
    }),
  );
}

async function openScore(page: Page): Promise<void> {
  await page.click("#tab-score");
  await page.waitForSelector('[data-testid="open-plans"]');
}

async function shownRanking(page: Page): Promise<{ file: string; total: number }[]> {
  await page.waitForSelector('[data-testid="batch-done"]');
  return page.locator('[data-testid="batch-row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      file: r.getAttribute("data-file") ?? "",
      total: Number(r.getAttribute("data-total")),
    })),
  );
}

async function checkAgainst(page: Page, expected: BatchScores, lang: Lang): Promise<void> {
  expect(await shownRanking(page)).toEqual(
    expected.plans.map((p) => ({ file: p.file, total: p.score.total })),
  );
  expect(await page.getAttribute('[data-testid="batch-done"]', "data-count")).toBe(
    String(expected.plans.length),
  );
  const failures = page.locator('[data-testid="batch-failure"]');
  expect(await failures.count()).toBe(expected.failures.length);
  for (const [i, f] of expected.failures.entries()) {
    expect(await failures.nth(i).getAttribute("data-file")).toBe(f.file);
    expect(await failures.nth(i).innerText()).toContain(f.reason[lang]);
  }
}

describe("batch scoring in preview", () => {
  for (const lang of ["zh-CN", "en-US"] as const) {
    test(`${lang}: several files, one unreadable: ranking, reasons, details, override, axe, screenshots`, async () => {
      const expected = await expectedBatch(FILES);
      const page = await pane.open(`?lang=${lang}`);
      await openScore(page);
      await page.setInputFiles(
        '[data-testid="plan-files"]',
        FILES.map((f) => join(PLANS, f)),
      );
      await checkAgainst(page, expected, lang);
      // The top suggestion column is the scoring's choice, in the pane's language.
      const tops = await page.locator('[data-testid="batch-top"]').allInnerTexts();
      expect(tops).toEqual(
        expected.plans.map((p) => {
          const top = topSuggestion(p.score);
          return top ? `C${top.criterion} ${top.suggestion[lang]}` : batchStrings(lang).nothingToFix;
        }),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${lang}-light-batch-ranking.png`), fullPage: true });

      // A plan opens into its criteria, with evidence shown as the cells show it.
      const plan = expected.plans.find((p) => p.file === "template-complete-zh.xlsx");
      if (!plan) throw new Error("template-complete-zh.xlsx should be scored");
      await page.click(`[data-testid="batch-row"][data-file="${plan.file}"] [data-testid="batch-open"]`);
      await page.waitForSelector('[data-testid="batch-plan"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("batch-plan-heading");
      const autos = await page
        .locator('[data-testid="batch-plan"] [data-testid="auto-score"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-score"))));
      expect(autos).toEqual(plan.score.criteria.map((c) => c.auto));
      const evidence = await page
        .locator('[data-testid="batch-plan"] [data-testid="evidence"]')
        .allInnerTexts();
      expect(evidence.join("\n")).toContain("¥450,000");
      expect(evidence.join("\n")).not.toContain(": 450000");
      // In a batch the plans are files, not the open workbook: no cell links.
      expect(await page.locator('[data-testid="evidence-link"]').count()).toBe(0);

      // An override on one plan of the batch: shown beside the automatic score, the ranking follows.
      const target = plan.score.criteria.find((c) => c.auto < 5) ?? plan.score.criteria[0];
      const item = page.locator(`[data-testid="batch-plan"] [data-criterion="${target.id}"]`);
      await item.getByRole("button", { name: new RegExp(`^${strings(lang).override}`) }).click();
      await item.locator(`[name="override-score-${target.id}"]`).fill("５");
      await item.locator(`[name="override-reason-${target.id}"]`).fill("区域经理复核");
      await item.getByRole("button", { name: strings(lang).applyOverride }).click();
      await item.locator('[data-testid="final-score"]').waitFor();
      const total = plan.score.total - (plan.score.overrides[target.id]?.score ?? target.auto) + 5;
      expect(await page.getAttribute('[data-testid="batch-plan-total"]', "data-total")).toBe(String(total));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${lang}-light-batch-plan.png`), fullPage: true });

      await page.click('[data-testid="batch-back"]');
      await page.waitForSelector('[data-testid="batch-ranking"]');
      expect(
        await page.evaluate(() =>
          document.activeElement?.closest("[data-testid=batch-row]")?.getAttribute("data-file"),
        ),
      ).toBe(plan.file);
      expect(
        await page.getAttribute(`[data-testid="batch-row"][data-file="${plan.file}"]`, "data-total"),
      ).toBe(String(total));
      expect(await page.locator('[data-testid="error-bar"]').count()).toBe(0);
      await page.close();
    });
  }

  test("a folder: its workbooks are scored, other files and Excel's lock files left out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plans-"));
    const folder = join(dir, "三月计划");
    mkdirSync(join(folder, "杭州"), { recursive: true });
    try {
      const inFolder = ["handmade-zh.xlsx", "unreadable-not-a-workbook.xlsx", "handmade-en.xlsx"];
      copyFileSync(join(PLANS, inFolder[0]), join(folder, inFolder[0]));
      copyFileSync(join(PLANS, inFolder[1]), join(folder, inFolder[1]));
      copyFileSync(join(PLANS, inFolder[2]), join(folder, "杭州", inFolder[2]));
      writeFileSync(join(folder, "说明.docx"), "not a plan");
      writeFileSync(join(folder, "~$handmade-zh.xlsx"), "lock");
      const names = [
        "三月计划/handmade-zh.xlsx",
        "三月计划/unreadable-not-a-workbook.xlsx",
        "三月计划/杭州/handmade-en.xlsx",
      ];
      const expected = await expectedBatch(inFolder, names);
      const page = await pane.open("?lang=zh-CN");
      await openScore(page);
      await page.setInputFiles('[data-testid="plan-folder"]', folder);
      await checkAgainst(page, expected, "zh-CN");
      expect(await page.innerText('[data-testid="pane-content"]')).toContain(
        fill(batchStrings("zh-CN").skippedFiles, { count: 2 }),
      );
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("batch scoring inside Excel", () => {
  test("the files come from disk, not the open workbook; the ranking and reasons are the same", async () => {
    const expected = await expectedBatch(FILES);
    await withExcel(
      pane.server,
      { ...BASE_SEED, displayLanguage: "en-US", bodyBackgroundColor: "#ffffff" },
      async (page) => {
        await openScore(page);
        await page.setInputFiles(
          '[data-testid="plan-files"]',
          FILES.map((f) => join(PLANS, f)),
        );
        await checkAgainst(page, expected, "en-US");
        // Nothing was read from or written to the open workbook.
        expect((await doubleState(page)).runs).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, "en-US-excel-batch-ranking.png"), fullPage: true });
      },
    );
  });
});
