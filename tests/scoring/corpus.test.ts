// The scoring corpus (tests/fixtures/corpus/, see its README): plans in the layouts dealers use, in
// both languages, from four writers, each with the ranges an experienced reviewer expects, decided
// from its content before any engine scored it. Every file goes through the product's one path
// (scoreWorkbookBytes, as `dealer-mkt score` does); the engine must rank the plans as the reviewer
// does and land inside each plan's ranges. A table of expected against actual is printed.
// Never edit an expectation to match the engine: change it only for a mistake in reading the plan.
import type { Lang } from "../../src/core/lang";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CriterionScore } from "../../src/core/rubric";
import { scoreWorkbookBytes } from "../../src/scoring/score-workbook";
import { ranks, spearman } from "../support/rank";

const DIR = path.join(__dirname, "..", "fixtures", "corpus");

type Range = readonly [number, number];
type CriterionExpectation = Range | "needsPerson";
const CRITERIA = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;

interface Expectation {
  readonly id: string;
  readonly file: string;
  readonly dealer: string;
  readonly lang: Lang;
  readonly layout: string;
  readonly writer: "template" | "openpyxl" | "libreoffice" | "hand-xml";
  readonly tags: readonly string[];
  readonly total: Range;
  readonly criteria: Readonly<Record<(typeof CRITERIA)[number], CriterionExpectation>>;
  readonly reasoning: Readonly<Record<string, string>>;
}

interface Outcome {
  readonly exp: Expectation;
  /** The automatic total (nothing is overridden in the corpus), 0 for an unreadable file. */
  readonly total: number;
  readonly criteria: readonly CriterionScore[];
  readonly dealer: string | null;
  readonly error?: string;
}

const expectations: readonly Expectation[] = readdirSync(DIR)
  .filter((n) => n.endsWith(".expect.json"))
  .sort()
  .map((n) => JSON.parse(readFileSync(path.join(DIR, n), "utf8")) as Expectation);
const ranking = JSON.parse(readFileSync(path.join(DIR, "ranking.json"), "utf8")) as {
  readonly ranking: readonly { readonly rank: number; readonly ids: readonly string[] }[];
};

const mid = (r: Range): number => (r[0] + r[1]) / 2;
const inside = (x: number, r: Range): boolean => x >= r[0] && x <= r[1];

async function score(exp: Expectation): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(path.join(DIR, exp.file)));
  const r = await scoreWorkbookBytes(bytes);
  if (!r.ok) return { exp, total: 0, criteria: [], dealer: null, error: `${r.code}: ${r.message["en-US"]}` };
  return { exp, total: r.score.total, criteria: r.score.criteria, dealer: r.plan.dealer ?? null };
}

/** What is off in one plan: each miss as "C3: 2 not in 4–5". */
/** Points scored beyond a total's expected range (0 inside it). */
const NEAR = 5;
function distance(total: number, [lo, hi]: readonly [number, number]): number {
  return total < lo ? lo - total : total > hi ? total - hi : 0;
}

function misses(o: Outcome): string[] {
  if (o.error) return [`unreadable (${o.error})`];
  const out: string[] = [];
  if (!inside(o.total, o.exp.total)) out.push(`total: ${o.total} not in ${o.exp.total.join("–")}`);
  for (const k of CRITERIA) {
    const want = o.exp.criteria[k];
    const got = o.criteria.find((c) => c.id === Number(k));
    if (!got) {
      out.push(`C${k}: missing`);
    } else if (want === "needsPerson") {
      if (!got.needsPerson) out.push(`C${k}: ${got.auto} given, a person must score it (no actuals)`);
    } else if (got.needsPerson || !inside(got.auto, want)) {
      out.push(`C${k}: ${got.needsPerson ? "left to a person" : got.auto} not in ${want.join("–")}`);
    }
  }
  return out;
}

function cell(want: CriterionExpectation, got: CriterionScore | undefined): string {
  if (!got) return "?";
  const shown = got.needsPerson ? "P" : String(got.auto);
  const ok = want === "needsPerson" ? got.needsPerson : !got.needsPerson && inside(got.auto, want);
  const w = want === "needsPerson" ? "P" : want[0] === want[1] ? `${want[0]}` : want.join("-");
  return `${w}:${shown}${ok ? "" : "✗"}`;
}

function table(outcomes: readonly Outcome[]): string {
  const engineRank = ranks(outcomes.map((o) => o.total));
  const head = ["plan", "exp", "got", "rank e/g", ...CRITERIA.map((k) => `C${k}`), "dealer"];
  const rows = [...outcomes]
    .map((o, i) => ({ o, er: engineRank[i] }))
    .sort((a, b) => mid(b.o.exp.total) - mid(a.o.exp.total) || a.o.exp.id.localeCompare(b.o.exp.id))
    .map(({ o, er }) => [
      o.exp.id,
      o.exp.total.join("-"),
      `${o.total}${inside(o.total, o.exp.total) ? "" : "✗"}`,
      `${expectedRank(o.exp.id)}/${er}`,
      ...CRITERIA.map((k) =>
        cell(
          o.exp.criteria[k],
          o.criteria.find((c) => c.id === Number(k)),
        ),
      ),
      o.error ? `unreadable: ${o.error}` : o.dealer === o.exp.dealer ? "ok" : `✗ ${o.dealer ?? "(none)"}`,
    ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: readonly string[]) => r.map((c, j) => c.padEnd(widths[j])).join("  ");
  return [
    "Corpus: expected range : engine (✗ outside; P = a person must score it)",
    line(head),
    ...rows.map(line),
  ].join("\n");
}

function expectedRank(id: string): number {
  return ranking.ranking.find((g) => g.ids.includes(id))?.rank ?? NaN;
}

let outcomes: readonly Outcome[] = [];

beforeAll(async () => {
  outcomes = await Promise.all(expectations.map(score));
  console.log(table(outcomes));
});

describe("the corpus itself", () => {
  it("holds at least 30 plans, about two thirds Chinese, from the four writers and in every layout", () => {
    expect(expectations.length).toBeGreaterThanOrEqual(30);
    const zh = expectations.filter((e) => e.lang === "zh-CN").length;
    expect(zh / expectations.length).toBeGreaterThan(0.6);
    expect(zh / expectations.length).toBeLessThan(0.75);
    const count = (f: (e: Expectation) => boolean) => expectations.filter(f).length;
    expect(count((e) => e.writer === "template")).toBeGreaterThanOrEqual(4);
    expect(count((e) => e.writer === "libreoffice")).toBeGreaterThanOrEqual(3);
    expect(count((e) => e.writer === "hand-xml")).toBeGreaterThanOrEqual(2);
    expect(count((e) => e.writer === "openpyxl")).toBeGreaterThanOrEqual(15);
    for (const layout of [
      "template",
      "free-numbered",
      "one-column",
      "item-table",
      "review-table",
      "label-lines",
    ])
      expect(count((e) => e.layout === layout)).toBeGreaterThanOrEqual(2);
    const totals = expectations.map((e) => mid(e.total));
    expect(Math.min(...totals)).toBeLessThanOrEqual(7);
    expect(Math.max(...totals)).toBeGreaterThanOrEqual(36);
  });

  it("has well-formed expectations: criteria at most 2 wide, totals at most 6 wide and reachable", () => {
    for (const e of expectations) {
      expect(e.file).toBe(`${e.id}.xlsx`);
      let lo = 0;
      let hi = 0;
      for (const k of CRITERIA) {
        const r = e.criteria[k];
        expect(e.reasoning[k]).toEqual(expect.any(String));
        if (r === "needsPerson") {
          expect(k).toBe("8");
          continue;
        }
        expect([e.id, k, r[0] >= 0 && r[0] <= r[1] && r[1] <= 5 && r[1] - r[0] <= 2]).toEqual([
          e.id,
          k,
          true,
        ]);
        lo += r[0];
        hi += r[1];
      }
      expect([e.id, e.total[1] - e.total[0] <= 6, e.total[0] >= lo, e.total[1] <= hi]).toEqual([
        e.id,
        true,
        true,
        true,
      ]);
    }
  });

  it("ranks by the expected totals, with the excellent free-form plan alone at the top", () => {
    const ids = ranking.ranking.flatMap((g) => g.ids);
    expect([...ids].sort()).toEqual(expectations.map((e) => e.id));
    const byId = new Map(expectations.map((e) => [e.id, mid(e.total)]));
    for (const g of ranking.ranking) {
      const mids = new Set(g.ids.map((id) => byId.get(id)));
      expect([g.rank, mids.size]).toEqual([g.rank, 1]);
    }
    const ordered = ranking.ranking.map((g) => byId.get(g.ids[0]) ?? NaN);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(ranking.ranking[0].ids).toEqual(["zh-free-excellent-xihu"]);
  });
});

describe("the engine on the corpus", () => {
  it("reads every plan", () => {
    expect(outcomes.filter((o) => o.error).map((o) => `${o.exp.id}: ${o.error}`)).toEqual([]);
  });

  it("ranks the plans as a regional manager does (Spearman ≥ 0.9)", () => {
    const rho = spearman(
      outcomes.map((o) => mid(o.exp.total)),
      outcomes.map((o) => o.total),
    );
    console.log(`Spearman rank correlation, engine against expected totals: ${rho.toFixed(3)}`);
    expect(rho).toBeGreaterThanOrEqual(0.9);
  });

  it("never puts a plan above one expected 10 or more points higher", () => {
    const wrong: string[] = [];
    for (const a of outcomes)
      for (const b of outcomes)
        if (mid(a.exp.total) - mid(b.exp.total) >= 10 && a.total < b.total)
          wrong.push(`${a.exp.id} (${a.total}) below ${b.exp.id} (${b.total})`);
    expect(wrong).toEqual([]);
  });

  // Where the engine and the reviewer still differ, plan by plan, is printed; the shares below are
  // the floor this reader reached (raise them as the reader improves, never lower them).
  it("agrees with the reviewer on most totals and on most criteria", () => {
    const all = outcomes.map((o) => ({ id: o.exp.id, miss: misses(o) }));
    const off = all.filter((x) => x.miss.length);
    console.log(
      `Plans outside an expected range:\n${off.map((x) => `  ${x.id}: ${x.miss.join("; ")}`).join("\n")}`,
    );
    const totalsIn = outcomes.filter((o) => inside(o.total, o.exp.total)).length / outcomes.length;
    const judged = outcomes.length * CRITERIA.length;
    const criteriaOff = all.reduce((n, x) => n + x.miss.filter((m) => /^C\d/.test(m)).length, 0);
    console.log(
      `Totals inside their range: ${(totalsIn * 100).toFixed(0)}%; criteria inside: ${(((judged - criteriaOff) / judged) * 100).toFixed(0)}%`,
    );
    expect(totalsIn).toBeGreaterThanOrEqual(0.72);
    expect((judged - criteriaOff) / judged).toBeGreaterThanOrEqual(0.88);
  });

  it("ranks the excellent free-form plan first", () => {
    const best = outcomes.find((o) => o.exp.id === "zh-free-excellent-xihu");
    const others = outcomes.filter((o) => o !== best).map((o) => o.total);
    expect(best?.total).toBeGreaterThan(Math.max(...others));
  });

  describe.each(expectations.map((e) => [e.id, e] as const))("%s", (id) => {
    const outcome = (): Outcome => {
      const o = outcomes.find((x) => x.exp.id === id);
      if (!o) throw new Error(`${id} was not scored`);
      return o;
    };

    // The exact ranges are the reviewer's judgement of each criterion; the engine is held to them as
    // a whole below (a share of judgements that must hold) and, plan by plan, to a total no further
    // than NEAR points from its expected range: half the gap at which two plans may never be swapped.
    it(`scores a total within ${NEAR} points of its expected range`, () => {
      const o = outcome();
      expect(distance(o.total, o.exp.total)).toBeLessThanOrEqual(NEAR);
    });

    it("finds the dealer", () => {
      expect(outcome().dealer).toBe(outcome().exp.dealer);
    });
  });
});

test("ranks and Spearman's rho, on values worked by hand", () => {
  expect(ranks([10, 30, 20, 20])).toEqual([4, 1, 2.5, 2.5]);
  expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
  expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  // ranks [4,3,2,1] against [4,2.5,2.5,1]: cov 4.5, variances 5 and 4.5 → 4.5 / √22.5.
  expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  expect(spearman([1, 2, 3], [5, 5, 5])).toBeNaN();
});
