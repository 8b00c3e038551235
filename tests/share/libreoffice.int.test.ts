/**
 * The proof of issue 5: a workbook using every DEALER function is prepared, recalculated in
 * LibreOffice headless (which has no add-in and no dynamic arrays), and every cell equals what the
 * add-in computes (src/functions/compute.ts over the core), for valid and invalid inputs alike,
 * with no #NAME? anywhere. The cached values of formula cells are removed before LibreOffice opens
 * the file, so every number below was computed by LibreOffice, not carried over.
 */
import JSZip from "jszip";
import { prepareXlsx } from "../../src/share/xlsx";
import { buildShareFixture, INPUTS_SHEET, type ShareInputs } from "./fixture";
import { INVALID_A, INVALID_B, VALID } from "./inputs";
import { mismatches, nameErrors, preparedSheetsText, read, withoutCachedValues } from "./recalc";
import { recalcBytes } from "../support/soffice";
import fc from "fast-check";

jest.setTimeout(180000);

/** Random valid inputs (seeded, so a failure reproduces): counts, money and rates in their domains. */
function randomValid(seed: number): ShareInputs {
  const count = fc.integer({ min: 1, max: 100000 });
  const money = fc.double({ min: 0, max: 5e6, noNaN: true });
  const rate = fc.double({ min: 0.01, max: 1, noNaN: true });
  const arb = fc.record({
    counts: fc.array(count, { minLength: 6, maxLength: 6 }),
    block: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: 3, maxLength: 3 }),
    F: money,
    v: fc.double({ min: 0, max: 2000, noNaN: true }),
    m: fc.double({ min: 2000, max: 50000, noNaN: true }),
    r: rate,
    a: fc.integer({ min: 0, max: 5000 }),
    revenue: money,
    cost: fc.double({ min: 1, max: 5e6, noNaN: true }),
    margin: rate,
    vehicles: fc.integer({ min: 1, max: 500 }),
    target: fc.integer({ min: 0, max: 1000 }),
    rates: fc.array(rate, { minLength: 5, maxLength: 5 }),
    fromStage: fc.integer({ min: 1, max: 5 }),
    toStage: fc.constant(6),
    revenues: fc.array(money, { minLength: 3, maxLength: 3 }),
    costs: fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
    sold: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
  });
  return fc.sample(arb, { seed, numRuns: 1 })[0];
}

const SETS: [string, ShareInputs][] = [
  ["valid inputs (the source's worked example)", VALID],
  ["invalid inputs: text, blanks, negatives, rates and margins outside (0,1], zero divisors", INVALID_A],
  ["invalid inputs: never breaks even, zero margin, stage not whole, error values, logicals", INVALID_B],
  ["random valid inputs (seed 1)", randomValid(1)],
  ["random valid inputs (seed 2)", randomValid(2)],
];

describe("a prepared workbook computes in LibreOffice exactly what the add-in computes", () => {
  test.each(SETS)("%s", async (_label, inputs) => {
    const fixture = await buildShareFixture(inputs);
    const prepared = await prepareXlsx(fixture.data);
    expect(prepared.report.rewritten).toBeGreaterThan(10);
    // Only calls that spill inside a larger formula (SUM of step rates) have no native equivalent.
    expect(prepared.report.entries.filter((e) => e.action === "frozen").map((e) => e.address)).toEqual([
      "A19",
    ]);
    expect(await preparedSheetsText(prepared.data)).not.toMatch(/dealer/i);

    const wb = read(await recalcBytes(await withoutCachedValues(prepared.data)));
    expect(nameErrors(wb)).toEqual([]);
    expect(mismatches(wb, fixture.cells)).toEqual([]);
    // The sets really exercise what they claim: no error for the valid one, every error kind for the rest.
    const codes = new Set(
      fixture.cells.flatMap((c) => (typeof c.expected === "object" ? [c.expected.error] : [])),
    );
    if (!inputs.counts.some((c) => typeof c !== "number"))
      expect([...codes].filter((c) => c !== "#NUM!")).toEqual([]);
    else expect([...codes].sort()).toEqual(["#DIV/0!", "#N/A", "#NUM!", "#VALUE!"]);
  });

  test.each(SETS.slice(1))(
    "prepared once, then the recipient types new inputs: %s",
    async (_label, inputs) => {
      const original = await buildShareFixture(VALID);
      const changed = await buildShareFixture(inputs);
      const prepared = await prepareXlsx(original.data);
      const frozen = new Set(
        prepared.report.entries.filter((e) => e.action === "frozen").map((e) => `${e.sheet}!${e.address}`),
      );
      const wb = read(await recalcBytes(await withoutCachedValues(prepared.data, changed.data)));
      expect(nameErrors(wb)).toEqual([]);
      // Live cells follow the new inputs; frozen cells keep the values they had when prepared.
      const expected = changed.cells.map((c) =>
        frozen.has(`${c.sheet}!${c.address}`)
          ? original.cells.find((o) => o.sheet === c.sheet && o.address === c.address)!
          : c,
      );
      expect(mismatches(wb, expected)).toEqual([]);
      // ...and the new inputs really moved the results.
      expect(
        changed.cells.some(
          (c, i) => JSON.stringify(c.expected) !== JSON.stringify(original.cells[i].expected),
        ),
      ).toBe(true);
    },
  );

  test("the Inputs sheet is left alone", async () => {
    const fixture = await buildShareFixture(VALID);
    const prepared = await prepareXlsx(fixture.data);
    const a = await JSZip.loadAsync(fixture.data);
    const b = await JSZip.loadAsync(prepared.data);
    expect(await b.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(
      await a.file("xl/worksheets/sheet1.xml")!.async("string"),
    );
    expect(INPUTS_SHEET).toBe("Inputs");
  });
});
