// Golden files: every workbook in tests/fixtures/plans/ is scored through the CLI's path and compared
// with the expectations beside it (<name>.expected.json). A new case is a new fixture file, not new
// test code. To rewrite the expectations after a deliberate change to the rubric:
//   UPDATE_GOLDEN=1 npx jest tests/scoring/golden
// then read the diff of the .expected.json files before committing them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scoreWorkbookBytes } from "../../src/scoring/score-workbook";

const DIR = path.join(__dirname, "..", "fixtures", "plans");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

interface Expected {
  readonly error?: string;
  readonly dealer?: string | null;
  readonly scores?: Record<string, number>;
  readonly total?: number;
  readonly needsPerson?: readonly number[];
}

async function actual(file: string): Promise<Expected> {
  const r = await scoreWorkbookBytes(new Uint8Array(readFileSync(file)));
  if (!r.ok) return { error: r.code };
  return {
    dealer: r.plan.dealer ?? null,
    scores: Object.fromEntries(r.score.criteria.map((c) => [`${c.id} ${c.key}`, c.auto])),
    total: r.score.total,
    needsPerson: r.score.criteria.filter((c) => c.needsPerson).map((c) => c.id),
  };
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

test("the fixture folder holds plans", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(8);
});

describe.each(fixtures)("%s", (name) => {
  test("scores as its .expected.json says", async () => {
    const file = path.join(DIR, name);
    const expectedFile = file.replace(/\.xlsx$/, ".expected.json");
    const got = await actual(file);
    if (UPDATE) writeFileSync(expectedFile, JSON.stringify(got, null, 2) + "\n");
    if (!existsSync(expectedFile))
      throw new Error(
        `${expectedFile} is missing: run UPDATE_GOLDEN=1 npx jest tests/scoring/golden and review it`,
      );
    const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as Expected;
    expect(got).toEqual(expected);
  });
});

// Whatever the expectations say, these relations must hold; they guard against blessing nonsense.
describe("the expectations make sense", () => {
  const load = (name: string) =>
    JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;

  test("complete plans score high, partial ones in between, empty ones zero", () => {
    for (const n of ["template-complete-zh", "handmade-zh", "handmade-en"])
      expect(load(n).total).toBeGreaterThanOrEqual(30);
    for (const n of ["template-empty-zh", "empty-workbook"]) expect(load(n).total).toBe(0);
    for (const n of ["template-partial-en", "handmade-partial-en"]) {
      expect(load(n).total).toBeGreaterThan(0);
      expect(load(n).total).toBeLessThan(load("template-complete-zh").total ?? 0);
    }
  });

  test("only the plan with actuals is scored on criterion 8", () => {
    expect(load("handmade-actuals-zh").needsPerson).toEqual([]);
    expect(load("handmade-actuals-zh").scores?.["8 results"]).toBeGreaterThan(0);
    expect(load("handmade-zh").needsPerson).toEqual([8]);
  });

  test("unreadable files carry an error code, not scores", () => {
    expect(load("unreadable-truncated")).toEqual({ error: "truncated" });
    expect(load("unreadable-not-a-workbook")).toEqual({ error: "not-a-workbook" });
  });
});
