// The league written as new sheets into an open workbook through the Office adapter (the strict Excel
// double): the user's sheets are kept, a taken name gets another, and the links between the sheets
// and the colour scales are written as in the .xlsx file.
import { emptyPlan, scorePlan } from "../../src/core/rubric";
import { leagueWorkbook } from "../../src/scoring/league";
import { leagueFileName } from "../../src/templates/file-name";
import { OfficeWorkbook } from "../../src/workbook/office";
import { createExcelDouble } from "../support/excel-double";

describe("the league in Excel", () => {
  test("becomes new sheets beside the user's, under free names, links and colour scales included", async () => {
    const excel = createExcelDouble({ sheets: ["排名", "Sheet1"], api: "1.9" });
    const port = new OfficeWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });
    const score = scorePlan(emptyPlan());
    const spec = leagueWorkbook(
      {
        plans: [
          { file: "a.xlsx", dealer: "杭州西湖丰田", score },
          { file: "b.xlsx", dealer: '=HYPERLINK("x")', score },
        ],
        failures: [],
      },
      "zh-CN",
    );
    const written = await port.writeTemplate(spec);
    expect(written.sheetNames).toEqual(["排名 (2)", "1 杭州西湖丰田", '2 =HYPERLINK("x")']);
    expect(excel.sheets.map((s) => s.name).slice(0, 2)).toEqual(["排名", "Sheet1"]);
    expect(written.skipped).not.toContain("colorScales");
    expect(written.skipped).not.toContain("hyperlinks");
    // Each dealer links to their own sheet by its real name, and back.
    const ranking2 = excel.sheet("排名 (2)");
    expect(ranking2.cells["B6"]?.hyperlink?.documentReference).toBe("'1 杭州西湖丰田'!A1");
    expect(ranking2.cells["B7"]?.hyperlink?.documentReference).toBe(`'2 =HYPERLINK("x")'!A1`);
    expect(excel.sheet("1 杭州西湖丰田").cells["A3"]?.hyperlink?.documentReference).toBe("'排名 (2)'!A1");
    // The scores are coloured on fixed bounds: 0–5 for a criterion, 0–40 for the total.
    const scales = ranking2.conditionalFormats.filter((c) => c.type === "ColorScale");
    expect(scales.map((c) => [c.colorScale?.minimum.formula, c.colorScale?.maximum.formula])).toEqual([
      ["0", "5"],
      ["0", "40"],
    ]);
    const snap = await port.readWorkbook();
    const ranking = snap.sheets.find((s) => s.name === "排名 (2)");
    // The hostile dealer (second on the tie, row 7) arrived as text, not as a formula.
    const cell = ranking?.cells.find((c) => c.row === 6 && c.col === 1);
    // The adapter writes user text behind Excel's text prefix ('), which Excel itself never shows:
    // the cell reads back as the text, with no formula.
    expect(excel.sheet("排名 (2)").cells["B7"]?.input).toBe(`'=HYPERLINK("x")`);
    expect(cell?.value).toBe(`=HYPERLINK("x")`);
    expect(cell?.formula).toBeUndefined();
  });

  test("the download is named by language and day", () => {
    const day = new Date(2026, 11, 2);
    expect(leagueFileName("zh-CN", day)).toBe("经销商营销计划排名-2026-12-02.xlsx");
    expect(leagueFileName("en-US", day)).toBe("Dealer plan league-2026-12-02.xlsx");
  });
});
