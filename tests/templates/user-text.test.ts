// Text a user typed (a dealer's name, a salesperson, an override reason) that looks like a formula
// must arrive in the file as text: a planted "=HYPERLINK(...)" must never become a live link.
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyOverride, isRubricError, scorePlan } from "../../src/core/rubric";
import { readPlan } from "../../src/scoring/read-plan";
import { buildScorecard } from "../../src/scoring/scorecard";
import { buildTemplate, templateKinds } from "../../src/templates";
import { readXlsx, templateToXlsx } from "../../src/workbook/xlsx";
import type { WorkbookSnapshot } from "../../src/workbook/port";

const HOSTILE = '=HYPERLINK("http://evil.example/x","点这里")';

/** Every cell of the file whose shown text contains the planted string, with its formula if any. */
function cellsHolding(snap: WorkbookSnapshot, needle: string): { value: unknown; formula?: string }[] {
  return snap.sheets.flatMap((s) =>
    s.cells.filter((c) => String(c.value ?? "").includes(needle) || (c.formula ?? "").includes("evil")),
  );
}

describe("user text stays text in every file we write", () => {
  test.each(templateKinds.map((k) => k.kind))(
    "%s template: a dealer and brand named like a formula are text",
    async (kind) => {
      const spec = buildTemplate(kind, {
        lang: "zh-CN",
        dealerName: HOSTILE,
        brand: "+cmd",
        funnel: { salespeople: ["=1+1", "@SUM(A1)"] },
      });
      const snap = await readXlsx(await templateToXlsx(spec));
      const hits = cellsHolding(snap, "evil.example");
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.formula).toBeUndefined();
      if (kind === "funnel") {
        const reps = snap.sheets[0].cells.filter((c) => c.value === "=1+1" || c.value === "@SUM(A1)");
        expect(reps.map((c) => [c.value, c.formula])).toEqual([
          ["=1+1", undefined],
          ["@SUM(A1)", undefined],
        ]);
      }
    },
  );

  test("a scorecard keeps an override reason and the dealer as text", async () => {
    const fixture = path.join(__dirname, "..", "fixtures", "plans", "handmade-zh.xlsx");
    const score = scorePlan(readPlan(await readXlsx(new Uint8Array(readFileSync(fixture)))));
    const o = applyOverride(score, 8, 3, HOSTILE);
    if (isRubricError(o)) throw new Error(o.reason["en-US"]);
    const snap = await readXlsx(await templateToXlsx(buildScorecard(o, { lang: "zh-CN", dealer: HOSTILE })));
    const hits = cellsHolding(snap, "evil.example");
    expect(hits.map((h) => h.value)).toEqual([`经销商：${HOSTILE}`, HOSTILE]);
    for (const h of hits) expect(h.formula).toBeUndefined();
  });
});
