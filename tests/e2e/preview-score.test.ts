// Preview mode: a plan workbook opened from disk is scored in the browser, and what the pane shows is
// what the engine gives for the same file in Node; an override is shown beside the automatic score and
// travels in the downloaded scorecard.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { applyOverride, isRubricError, type PlanScore } from "../../src/core/rubric";
import { scoreWorkbookBytes } from "../../src/scoring/score-workbook";
import { readOverrides, SCORECARD_TOTAL_ROW } from "../../src/scoring/scorecard";
import { SCORECARD_TITLES } from "../../src/scoring/scorecard-titles";
import { readXlsx } from "../../src/workbook/xlsx";
import { seriousViolations } from "./support/axe";
import { readBook, recalcBytes } from "../support/soffice";
import { previewHarness, SHOTS } from "./support/preview";
import { ROOT } from "./support/server";

jest.setTimeout(180_000);

const PLANS = join(ROOT, "tests/fixtures/plans");
const fixtures = readdirSync(PLANS).filter((f) => f.endsWith(".xlsx"));

const pane = previewHarness();

async function openScore(lang: string): Promise<Page> {
  const page = await pane.open(`?lang=${lang}`);
  await page.click("#tab-score");
  await page.waitForSelector('[data-testid="open-plan"]');
  return page;
}

async function shownScores(page: Page): Promise<{ total: number; auto: number[] }> {
  await page.waitForSelector('[data-testid="score-total"]');
  const total = Number(await page.getAttribute('[data-testid="score-total"]', "data-total"));
  const auto = (
    await page
      .locator('[data-testid="auto-score"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-score")))
  ).map(Number);
  return { total, auto };
}

test("the fixture folder holds plans to score", () => {
  expect(fixtures.length).toBeGreaterThan(3);
});

describe("scoring a plan workbook in preview mode", () => {
  for (const name of fixtures) {
    test(`${name}: the pane shows the engine's result`, async () => {
      const bytes = readFileSync(join(PLANS, name));
      const expected = await scoreWorkbookBytes(new Uint8Array(bytes));
      const page = await openScore("zh-CN");
      await page.setInputFiles('[data-testid="plan-file"]', join(PLANS, name));
      if (expected.ok) {
        const score = readOverrides(await readXlsx(new Uint8Array(bytes)), expected.score);
        const shown = await shownScores(page);
        expect(shown.auto).toEqual(score.criteria.map((c) => c.auto));
        expect(shown.total).toBe(score.total);
        for (const c of score.criteria) {
          const item = page.locator(`[data-criterion="${c.id}"]`);
          expect(await item.locator("h3").innerText()).toContain(c.name["zh-CN"]);
          if (c.suggestion) expect(await item.innerText()).toContain(c.suggestion["zh-CN"]);
        }
        if (name.startsWith("template-partial")) {
          await page.screenshot({ path: join(SHOTS, "zh-CN-light-score-result.png"), fullPage: true });
        }
      } else {
        // An unreadable file is refused with the reason, in a message bar, not only the console.
        await page.waitForSelector('[data-testid="error-bar"]');
        expect(await page.innerText('[data-testid="error-bar"]')).toContain(
          expected.message["zh-CN"].slice(0, 6),
        );
        expect(await page.locator('[data-testid="score-total"]').count()).toBe(0);
      }
      await page.close();
    });
  }

  test("an override is shown beside the automatic score, counted, and kept in the downloaded scorecard", async () => {
    const name = fixtures.find((f) => f.startsWith("handmade-en")) ?? fixtures[0];
    const bytes = new Uint8Array(readFileSync(join(PLANS, name)));
    const scored = await scoreWorkbookBytes(bytes);
    if (!scored.ok) throw new Error(`${name} should be readable`);
    const target = scored.score.criteria.find((c) => c.auto < 5) ?? scored.score.criteria[0];
    const value = target.auto < 5 ? 5 : 4;
    const expected = applyOverride(scored.score, target.id, value, "Reviewed with the GM");
    if (isRubricError(expected)) throw new Error(expected.reason["en-US"]);

    const page = await openScore("en-US");
    await page.setInputFiles('[data-testid="plan-file"]', join(PLANS, name));
    await shownScores(page);
    const item = page.locator(`[data-criterion="${target.id}"]`);
    await item.getByRole("button", { name: /^Override/ }).click();
    // The engine refuses an override without a reason; its message is shown beside the form.
    await item.locator(`[name="override-score-${target.id}"]`).fill(String(value));
    await item.getByRole("button", { name: "Apply override" }).click();
    await item.getByText("an override needs a reason").waitFor();
    // The results with an open override form are checked by axe as well.
    expect(await seriousViolations(page)).toEqual([]);
    await item.locator(`[name="override-reason-${target.id}"]`).fill("Reviewed with the GM");
    await item.getByRole("button", { name: "Apply override" }).click();
    await item.locator('[data-testid="final-score"]').waitFor();
    expect(Number(await item.locator('[data-testid="auto-score"]').getAttribute("data-score"))).toBe(
      target.auto,
    );
    expect(Number(await item.locator('[data-testid="final-score"]').getAttribute("data-score"))).toBe(value);
    expect(await item.locator('[data-testid="override-note"]').innerText()).toContain("Reviewed with the GM");
    const shown = await shownScores(page);
    expect(shown.total).toBe((expected as PlanScore).total);
    await item.screenshot({ path: join(SHOTS, "en-US-light-score-override.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="write-scorecard"]'),
    ]);
    const scoredFile = new Uint8Array(readFileSync(await download.path()));
    await page.waitForSelector('[data-testid="scorecard-done"]');
    // Re-scoring the downloaded workbook brings the override back, and the scorecard's formulas total it.
    const again = readOverrides(await readXlsx(scoredFile), scored.score);
    expect(again.overrides[target.id]).toEqual({ score: value, reason: "Reviewed with the GM" });
    expect(again.total).toBe((expected as PlanScore).total);
    const book = readBook(await recalcBytes(scoredFile, "scored.xlsx"));
    const card = book.SheetNames.map((n) => book.Sheets[n]).find((s) =>
      SCORECARD_TITLES.some((title) => String(s.A1?.v ?? "").startsWith(title)),
    );
    expect(card).toBeDefined();
    expect(card?.[`F${SCORECARD_TOTAL_ROW}`]?.v).toBe((expected as PlanScore).total);
    await page.close();
  });
});
