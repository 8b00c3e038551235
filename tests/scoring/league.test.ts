import { splitSheetRef } from "../../src/core/a1";
import {
  applyOverride,
  emptyPlan,
  isRubricError,
  scorePlan,
  totals,
  type CriterionId,
  type PlanScore,
} from "../../src/core/rubric";
import type { BatchScores, ScoredWorkbook } from "../../src/scoring/batch";
import { leagueWorkbook, RANKING_HEADER_ROW, RANKING_KEY } from "../../src/scoring/league";
import { LT } from "../../src/scoring/league-texts";
import {
  flattenCells,
  isFormula,
  isTextCell,
  plainText,
  resolveSheetRefs,
  type SheetSpec,
  type SpecCell,
  type WorkbookSpec,
} from "../../src/templates/spec";
import { Package } from "../../src/workbook/ooxml/package";
import { templateToXlsx } from "../../src/workbook/xlsx";

/** A score with the given automatic criterion scores (criterion 8 waits for a person when it is 0). */
function scoreOf(autos: readonly number[]): PlanScore {
  const base = scorePlan(emptyPlan());
  const criteria = base.criteria.map((c, i) => ({
    ...c,
    auto: autos[i],
    needsPerson: c.id === 8 ? autos[i] === 0 : false,
    suggestion: autos[i] >= 5 ? null : c.suggestion,
  }));
  return { ...base, criteria, overrides: {}, ...totals(criteria, {}) };
}

function override(score: PlanScore, id: CriterionId, value: number, reason: string): PlanScore {
  const r = applyOverride(score, id, value, reason);
  if (isRubricError(r)) throw new Error(r.reason["en-US"]);
  return r;
}

const plan = (file: string, dealer: string, score: PlanScore): ScoredWorkbook => ({ file, dealer, score });

const ranking = (spec: WorkbookSpec): SheetSpec => {
  const s = spec.sheets.find((x) => x.key === RANKING_KEY);
  if (!s) throw new Error("no ranking sheet");
  return s;
};

/** The ranking table's body, row by row (A … O), from the header row down to the first empty rank. */
function body(spec: WorkbookSpec): SpecCell[][] {
  const cells = flattenCells(ranking(spec));
  const rows: SpecCell[][] = [];
  for (let r = RANKING_HEADER_ROW + 1; typeof cells.get(`A${r}`) === "number"; r++)
    rows.push("ABCDEFGHIJKLMNO".split("").map((c) => cells.get(`${c}${r}`) ?? null));
  return rows;
}

const batch = (plans: ScoredWorkbook[], failures: BatchScores["failures"] = []): BatchScores => ({
  plans,
  failures,
});

describe("the league workbook", () => {
  const strong = plan("b.xlsx", "杭州西湖丰田4S店", scoreOf([5, 4, 4, 5, 5, 4, 4, 0]));
  const tieA = plan("c.xlsx", "宁波鄞州本田", scoreOf([3, 3, 3, 3, 3, 3, 3, 0]));
  const tieB = plan("a.xlsx", "Summit Mazda", scoreOf([4, 3, 3, 3, 3, 3, 2, 0]));
  const weak = plan("d.xlsx", "Oakridge", override(scoreOf([1, 1, 0, 1, 1, 0, 0, 2]), 3, 4, "见附件"));

  test("ranks best first whatever order the plans come in; equal totals share a rank, ties by file", () => {
    const spec = leagueWorkbook(batch([weak, tieA, strong, tieB]), "zh-CN");
    const rows = body(spec);
    expect(rows.map((r) => [r[0], plainText(r[1]), r[2]])).toEqual([
      [1, "杭州西湖丰田4S店", 31],
      [2, "Summit Mazda", 21],
      [2, "宁波鄞州本田", 21],
      [4, "Oakridge", 10],
    ]);
    // Percent as a fraction (formatted 0.0%), C1–C8 the effective scores (C3 of Oakridge overridden).
    expect(rows[0][3]).toBeCloseTo(31 / 40, 10);
    expect(rows[3].slice(4, 12)).toEqual([1, 1, 4, 1, 1, 0, 0, 2]);
  });

  test("marks plans whose criterion 8 a person must score and plans with overrides", () => {
    const c8done = override(scoreOf([3, 3, 3, 3, 3, 3, 3, 0]), 8, 3, "一季度实绩");
    const spec = leagueWorkbook(batch([strong, weak, plan("e.xlsx", "E", c8done)]), "en-US");
    const markers = new Map(body(spec).map((r) => [plainText(r[1]), plainText(r[13])]));
    expect(markers.get("杭州西湖丰田4S店")).toBe(LT.needsPerson["en-US"]);
    expect(markers.get("Oakridge")).toBe("overridden: C3");
    // Once a person scored criterion 8 it no longer waits for one.
    expect(markers.get("E")).toBe("overridden: C8");
  });

  test("the top suggestion is the weakest criterion a plan can still raise", () => {
    const rows = body(leagueWorkbook(batch([strong]), "zh-CN"));
    const c = strong.score.criteria[1];
    expect(plainText(rows[0][12])).toBe(`C2 ${c.suggestion?.["zh-CN"]}`);
  });

  test("every dealer links to its own sheet, which links back; the written file keeps the targets", async () => {
    const spec = leagueWorkbook(batch([strong, tieA, tieB, weak]), "zh-CN");
    const names = new Map(spec.sheets.map((s) => [s.key, s.name]));
    const links = ranking(spec).links ?? [];
    expect(links).toHaveLength(4);
    const rows = body(spec);
    for (const [i, l] of links.entries()) {
      const ref = splitSheetRef(resolveSheetRefs(l.target.slice(1), names));
      const target = spec.sheets.find((s) => s.name === ref?.sheet);
      expect(target).toBeDefined();
      // The plan sheet the row links to is that dealer's.
      expect(plainText(flattenCells(target as SheetSpec).get("A1") ?? null)).toBe(plainText(rows[i][1]));
      expect(l.cell).toBe(`B${RANKING_HEADER_ROW + 1 + i}`);
    }
    for (const s of spec.sheets.filter((x) => x.key !== RANKING_KEY))
      expect(s.links?.map((l) => resolveSheetRefs(l.target.slice(1), names))).toEqual([`排名!A1`]);

    const pkg = Package.open(await templateToXlsx(spec));
    const sheetNames = pkg.sheets.map((s) => s.name);
    const xml = pkg.text(pkg.sheets[0].part ?? "") ?? "";
    const locations = [...xml.matchAll(/<hyperlink [^>]*location="([^"]+)"/g)].map((m) =>
      m[1].replace(/&apos;/g, "'"),
    );
    expect(locations).toHaveLength(4);
    for (const loc of locations) expect(sheetNames).toContain(splitSheetRef(loc)?.sheet);
  });

  test("hostile text from a plan stays text: no cell of the league is a formula", async () => {
    const hostile = '=HYPERLINK("http://evil.example","点我")';
    const score = override(scoreOf([2, 2, 2, 2, 2, 2, 2, 0]), 1, 3, "=1+1");
    const spec = leagueWorkbook(
      batch(
        [plan("=cmd|' /C calc'!A0.xlsx", hostile, score)],
        [{ file: "+SUM(1).xlsx", code: "not-a-workbook", reason: { "zh-CN": "=x", "en-US": "=x" } }],
      ),
      "en-US",
    );
    for (const s of spec.sheets) for (const c of flattenCells(s).values()) expect(isFormula(c)).toBe(false);
    const rows = body(spec);
    expect(isTextCell(rows[0][1])).toBe(true);
    expect(isTextCell(rows[0][14])).toBe(true);
    const pkg = Package.open(await templateToXlsx(spec));
    for (const s of pkg.sheets) expect(pkg.text(s.part ?? "") ?? "").not.toMatch(/<f>/);
  });

  test("sheet names are unique, at most 31 characters and free of what Excel refuses", () => {
    const long = "广东省广州市天河区某某某某汽车销售服务有限公司（广汽丰田4S店）";
    const odd = "A/B:C*D?[E]\\F";
    const spec = leagueWorkbook(
      batch([
        plan("1.xlsx", "Same", strong.score),
        plan("2.xlsx", "Same", strong.score),
        plan("3.xlsx", long, tieA.score),
        plan("4.xlsx", long, tieA.score),
        plan("5.xlsx", odd, weak.score),
        plan("6.xlsx", "排名", weak.score),
      ]),
      "zh-CN",
    );
    const names = spec.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(spec.sheets).toHaveLength(7);
  });

  test("unreadable files are listed with their reason in the workbook's language", () => {
    const failures = [
      {
        file: "坏.xlsx",
        code: "not-a-workbook",
        reason: { "zh-CN": "不是工作簿", "en-US": "not a workbook" },
      },
    ];
    for (const lang of ["zh-CN", "en-US"] as const) {
      const spec = leagueWorkbook(batch([strong], failures), lang);
      const texts = [...flattenCells(ranking(spec)).values()].map(plainText);
      expect(texts).toContain(LT.unreadableTitle[lang]);
      expect(texts).toContain("坏.xlsx");
      expect(texts).toContain(failures[0].reason[lang]);
      expect(texts).toContain(LT.rank[lang]);
    }
  });

  test("colour scales on the scores, a bar chart of the totals, landscape print with titles", async () => {
    const spec = leagueWorkbook(batch([strong, tieA, weak]), "zh-CN");
    const r = ranking(spec);
    const first = RANKING_HEADER_ROW + 1;
    const last = RANKING_HEADER_ROW + 3;
    expect(r.colorScales).toEqual(expect.arrayContaining([{ range: `E${first}:L${last}`, min: 0, max: 5 }]));
    expect(r.charts).toEqual([
      expect.objectContaining({
        type: "bar",
        series: `C${RANKING_HEADER_ROW}:C${last}`,
        categories: `B${first}:B${last}`,
      }),
    ]);
    const pkg = Package.open(await templateToXlsx(spec));
    const xml = pkg.text(pkg.sheets[0].part ?? "") ?? "";
    expect(xml).toContain(
      `<conditionalFormatting sqref="E${first}:L${last}"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="num" val="0"/><cfvo type="num" val="2.5"/><cfvo type="num" val="5"/>`,
    );
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape" fitToWidth="1" fitToHeight="0"/);
    expect(pkg.text("xl/charts/chart1.xml")).toContain("<c:barChart>");
    for (const s of spec.sheets) {
      expect(s.print?.orientation).toBe("landscape");
      expect(s.print?.titleRows).toMatch(/^\d+:\d+$/);
    }
  });

  test("an empty batch still makes a workbook with the ranking sheet and no chart", async () => {
    const spec = leagueWorkbook(batch([]), "en-US");
    expect(spec.sheets.map((s) => s.name)).toEqual(["Ranking"]);
    expect(ranking(spec).charts).toBeUndefined();
    expect((await templateToXlsx(spec)).length).toBeGreaterThan(0);
  });
});
