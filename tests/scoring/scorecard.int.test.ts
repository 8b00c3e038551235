// The scorecard's native totals, recalculated in LibreOffice (integration: needs soffice).
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyOverride, isRubricError, scorePlan, type PlanScore } from "../../src/core/rubric";
import { addSheetToXlsx } from "../../src/scoring/inject-sheet";
import { readPlan } from "../../src/scoring/read-plan";
import { readOverrides, scorecardSheet, SCORECARD_TOTAL_ROW } from "../../src/scoring/scorecard";
import { readXlsx } from "../../src/workbook/xlsx";
import { readBook, recalcBytes } from "../support/soffice";

jest.setTimeout(120000);

const FIXTURE = path.join(__dirname, "..", "fixtures", "plans", "handmade-zh.xlsx");

async function scored(): Promise<{ bytes: Uint8Array; score: PlanScore }> {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  return { bytes, score: scorePlan(readPlan(await readXlsx(bytes))) };
}

function withOverride(score: PlanScore): PlanScore {
  const o = applyOverride(score, 8, 4, "现场检查:执行到位");
  if (isRubricError(o)) throw new Error(o.reason["en-US"]);
  return o;
}

describe("scored copy in LibreOffice", () => {
  test("an override typed into the sheet recomputes the total in LibreOffice, and reads back", async () => {
    const { bytes, score } = await scored();
    const overridden = withOverride(score);
    const out = await addSheetToXlsx(bytes, scorecardSheet(overridden, { lang: "zh-CN" }));
    const wb = readBook(await recalcBytes(out.bytes, "scored.xlsx"));
    const ws = wb.Sheets["评分卡"];
    const t = SCORECARD_TOTAL_ROW;
    expect(ws[`C${t}`].v).toBe(score.autoTotal);
    expect(ws[`F${t}`].v).toBe(score.autoTotal - score.criteria[7].auto + 4);
    expect(ws[`F${t + 1}`].v).toBeCloseTo((score.autoTotal - score.criteria[7].auto + 4) / 40, 10);
    expect(wb.SheetNames[0]).toBe("2026年Q2营销计划");

    const back = readOverrides(await readXlsx(out.bytes), score);
    expect(back.overrides[8]).toEqual({ score: 4, reason: "现场检查:执行到位" });
    expect(back.total).toBe(overridden.total);
  });
});
