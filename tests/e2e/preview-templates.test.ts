// Preview mode (no Excel): every template downloads as an .xlsx that LibreOffice recalculates with
// no error cells; bad input is refused beside its field before anything is written.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { breakevenBuyers, isDomainError } from "../../src/core";
import { splitSheetRef } from "../../src/core/a1";
import { templateKinds } from "../../src/templates";
import { errorCells, formulaCount, readBook, recalcBytes } from "../support/soffice";
import { previewHarness } from "./support/preview";

jest.setTimeout(240_000);

const pane = previewHarness();

async function openForm(page: Page, kind: string): Promise<void> {
  await page.click(`[data-testid="choose-${kind}"]`);
  await page.waitForSelector('[data-testid="template-form"]');
}

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="create"]')]);
  const path = await file.path();
  await page.waitForSelector('[data-testid="create-done"]');
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const EVENT = { F: 460_000, v: 1_500, m: 10_000, r: 0.5, a: 120 };

describe("templates in preview mode", () => {
  for (const kind of ["plan", "budget", "event", "funnel"]) {
    for (const lang of ["zh-CN", "en-US"] as const) {
      test(`${kind} (${lang}) downloads and recalculates in LibreOffice without error cells`, async () => {
        const page = await pane.open(`?lang=${lang}`);
        await openForm(page, kind);
        await page.fill('[name="dealerName"]', lang === "zh-CN" ? "星辰汽车" : "Star Motors");
        await page.fill('[name="brand"]', "Aurora");
        await page.selectOption('[name="lang"]', lang);
        if (kind === "event") {
          await page.fill('[name="event.fixedCost"]', String(EVENT.F));
          await page.fill('[name="event.variableCost"]', String(EVENT.v));
          await page.fill('[name="event.margin"]', String(EVENT.m));
          await page.fill('[name="event.conversionRate"]', String(EVENT.r));
          await page.fill('[name="event.attendees"]', String(EVENT.a));
        }
        const { name, bytes } = await download(page);
        // Named from the template (in the sheet's language), the dealer and the year.
        const title = templateKinds.find((k) => k.kind === kind)?.title[lang];
        const dealer = lang === "zh-CN" ? "星辰汽车" : "Star Motors";
        expect(name).toBe(`${title}-${dealer}-${new Date().getFullYear()}.xlsx`);
        const book = readBook(await recalcBytes(bytes, "template.xlsx"));
        expect(formulaCount(book)).toBeGreaterThan(0);
        expect(errorCells(book)).toEqual([]);
        const text = JSON.stringify(book.Sheets[book.SheetNames[0]]);
        expect(text).toContain(lang === "zh-CN" ? "星辰汽车" : "Star Motors");
        if (kind === "event") {
          // The break-even buyers cell (named Event_BreakevenBuyers) as LibreOffice computed it equals the core.
          const named = book.Workbook?.Names?.find((n) => n.Name === "Event_BreakevenBuyers");
          expect(named).toBeDefined();
          const at = splitSheetRef(String(named?.Ref));
          expect(at).not.toBeNull();
          const [sheetPart, cellPart] = [at?.sheet ?? "", at?.address ?? ""];
          const sheet = book.Sheets[sheetPart];
          const expected = breakevenBuyers(EVENT.F, EVENT.v, EVENT.m, EVENT.a);
          if (isDomainError(expected)) throw new Error(expected.reason);
          expect(sheet[cellPart.replace(/\$/g, "")]?.v).toBe(expected);
        }
        await page.close();
      });
    }
  }

  test("an invalid input is refused beside its field and nothing downloads", async () => {
    const page = await pane.open("?lang=en-US");
    await openForm(page, "event");
    await page.fill('[name="event.conversionRate"]', "1.7");
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.click('[data-testid="create"]');
    const field = page.locator('[data-field="event.conversionRate"]');
    await field
      .getByRole("alert")
      .getByText(/rate from 0 to 1/)
      .waitFor();
    // The form's own notice appears only after the submit handler has decided not to write.
    await page.getByText("Fix the marked fields first.").waitFor();
    // Focus goes to the first field in error, so a keyboard user lands where the fix is needed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
      "event.conversionRate",
    );
    expect(downloads).toEqual([]);
    await page.close();
  });
});
