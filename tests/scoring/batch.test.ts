import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyOverride, emptyPlan, isRubricError, scorePlan, type PlanScore } from "../../src/core/rubric";
import {
  fileStem,
  isWorkbookName,
  rankPlans,
  scoreWorkbooks,
  topSuggestion,
  type WorkbookSource,
} from "../../src/scoring/batch";
import { LIMITS } from "../../src/workbook/ooxml/limits";
import { scoreWorkbookBytes } from "../../src/scoring/score-workbook";

const PLANS = join(__dirname, "..", "fixtures", "plans");

function source(name: string): WorkbookSource {
  const bytes = readFileSync(join(PLANS, name));
  return { name, size: bytes.length, read: async () => new Uint8Array(bytes) };
}

describe("several plans at once", () => {
  const files = [
    "handmade-zh.xlsx",
    "unreadable-truncated.xlsx",
    "template-complete-zh.xlsx",
    "handmade-en.xlsx",
  ];

  test("every readable plan is scored as on its own, ranked best first; the unreadable one is listed with the scoring's reason", async () => {
    const progress: string[] = [];
    const batch = await scoreWorkbooks(files.map(source), {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(progress).toEqual(["1/4", "2/4", "3/4", "4/4"]);
    const alone = await Promise.all(
      files.map(async (f) => ({
        f,
        r: await scoreWorkbookBytes(new Uint8Array(readFileSync(join(PLANS, f)))),
      })),
    );
    const readable = alone.flatMap(({ f, r }) =>
      r.ok ? [{ f, total: r.score.total, dealer: r.plan.dealer }] : [],
    );
    expect(batch.plans.map((p) => p.file).sort()).toEqual(readable.map((x) => x.f).sort());
    for (const p of batch.plans) {
      const one = readable.find((x) => x.f === p.file);
      expect({ file: p.file, total: p.score.total, dealer: p.dealer }).toEqual({
        file: p.file,
        total: one?.total,
        dealer: one?.dealer ?? fileStem(p.file),
      });
    }
    const totals = batch.plans.map((p) => p.score.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const truncated = alone.find((x) => x.f === "unreadable-truncated.xlsx")?.r;
    if (!truncated || truncated.ok) throw new Error("the truncated fixture should not be readable");
    expect(batch.failures).toEqual([
      { file: "unreadable-truncated.xlsx", code: truncated.code, reason: truncated.message },
    ]);
  });

  test("a file over the size limit is refused before it is read; a file that cannot be read is listed", async () => {
    let read = false;
    const big: WorkbookSource = {
      name: "huge.xlsx",
      size: LIMITS.maxFileBytes + 1,
      read: async () => {
        read = true;
        return new Uint8Array();
      },
    };
    const gone: WorkbookSource = {
      name: "gone.xlsx",
      size: 10,
      read: async () => {
        throw new Error("NotFoundError");
      },
    };
    const batch = await scoreWorkbooks([big, gone, source("handmade-en.xlsx")]);
    expect(read).toBe(false);
    expect(batch.failures.map((f) => [f.file, f.code])).toEqual([
      ["huge.xlsx", "too-large"],
      ["gone.xlsx", "unreadable"],
    ]);
    expect(batch.failures[1].reason["zh-CN"]).toContain("NotFoundError");
    expect(batch.plans.map((p) => p.dealer)).toEqual(["Riverside Motors"]);
  });

  test("ranking: best total first, ties by file name", () => {
    const s = (total: number) => ({ ...scorePlan(emptyPlan()), total });
    expect(
      rankPlans([
        { file: "b.xlsx", score: s(20) },
        { file: "a.xlsx", score: s(20) },
        { file: "c.xlsx", score: s(30) },
      ]).map((p) => p.file),
    ).toEqual(["c.xlsx", "a.xlsx", "b.xlsx"]);
  });

  test("a folder's workbooks are its .xlsx/.xlsm/.xls files, never Excel's ~$ lock files", () => {
    expect(isWorkbookName("plans/杭州西湖.xlsx")).toBe(true);
    expect(isWorkbookName("plans/old.XLS")).toBe(true);
    expect(isWorkbookName("plans/macro.xlsm")).toBe(true);
    expect(isWorkbookName("plans/~$杭州西湖.xlsx")).toBe(false);
    expect(isWorkbookName("plans/notes.docx")).toBe(false);
    expect(isWorkbookName("plans/.DS_Store")).toBe(false);
    expect(fileStem("plans/杭州西湖.xlsx")).toBe("杭州西湖");
  });
});

describe("what to fix first", () => {
  const empty = scorePlan(emptyPlan());

  test("the weakest criterion a plan can still raise, the lower number on a tie; results awaiting a person are left out", () => {
    const top = topSuggestion(empty);
    expect(top?.criterion).toBe(1);
    expect(top?.suggestion).toEqual(empty.criteria[0].suggestion);
    expect(empty.criteria[7].needsPerson).toBe(true);
  });

  test("an override counts: a criterion raised to 5 by a person is no longer the one to fix", () => {
    let s: PlanScore = empty;
    for (const id of [1, 2, 3] as const) {
      const next = applyOverride(s, id, 5, "reviewed");
      if (isRubricError(next)) throw new Error(next.reason["en-US"]);
      s = next;
    }
    expect(topSuggestion(s)?.criterion).toBe(4);
  });

  test("full marks: nothing to fix", () => {
    let s: PlanScore = empty;
    for (const c of empty.criteria) {
      const next = applyOverride(s, c.id, 5, "reviewed");
      if (isRubricError(next)) throw new Error(next.reason["en-US"]);
      s = next;
    }
    expect(topSuggestion(s)).toBeNull();
  });
});
