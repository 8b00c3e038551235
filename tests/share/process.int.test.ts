/**
 * The proof of issue 12: a workbook calling EVENT_PROFIT, BREAKEVEN_RATE, CONTROL_STATUS,
 * TREND_ALERT, FUNNEL_SPREAD and ATTAINMENT on 320 generated input rows each (tests/share/
 * process-fixture.ts) is prepared for sharing, its cached values are removed, LibreOffice
 * recalculates it, and every cell equals what the add-in computes.
 */
import { prepareXlsx } from "../../src/share/xlsx";
import { buildProcessFixture, PER_FUNCTION } from "./process-fixture";
import { mismatches, nameErrors, preparedSheetsText, read, withoutCachedValues } from "./recalc";
import { recalcBytes } from "../support/soffice";
import JSZip from "jszip";

jest.setTimeout(300000);

/** Takes the input sheets of another fixture: the recipient types new inputs. */
async function withInputsOf(data: Uint8Array, other: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const from = await JSZip.loadAsync(other);
  const sheets = Object.keys(from.files)
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  // Every sheet but the last ("Out") holds inputs.
  for (const path of sheets.slice(0, -1)) zip.file(path, await from.file(path)!.async("string"));
  return zip.generateAsync({ type: "uint8array" });
}

describe("the six functions of issue 12 compute in LibreOffice as in the add-in", () => {
  test.each([1, 2])("seed %i: every call rewritten, every cell equal", async (seed) => {
    const fixture = await buildProcessFixture(seed);
    for (const n of Object.values(fixture.rows)) expect(n).toBeGreaterThanOrEqual(300);
    expect(Object.keys(fixture.rows).sort()).toEqual([
      "ATTAINMENT",
      "BREAKEVEN_RATE",
      "CONTROL_STATUS",
      "EVENT_PROFIT",
      "FUNNEL_SPREAD",
      "TREND_ALERT",
    ]);
    const prepared = await prepareXlsx(fixture.data);
    expect(prepared.report.entries.filter((e) => e.action === "frozen")).toEqual([]);
    expect(prepared.report.rewritten).toBeGreaterThan(4 * PER_FUNCTION);
    expect(await preparedSheetsText(prepared.data)).not.toMatch(/dealer/i);

    const wb = read(await recalcBytes(await withoutCachedValues(prepared.data)));
    // #NAME? only where an input cell holds it on purpose.
    expect(nameErrors(wb).filter((a) => a.startsWith("Out!"))).toEqual([]);
    expect(mismatches(wb, fixture.cells)).toEqual([]);
    // The inputs really reach every outcome: all four errors, TRUE and FALSE, 1, 0 and −1.
    const shown = new Set(fixture.cells.map((c) => JSON.stringify(c.expected)));
    for (const x of ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"])
      expect(shown).toContain(JSON.stringify({ error: x }));
    for (const x of [true, false, 1, 0, -1]) expect(shown).toContain(JSON.stringify(x));
  });

  test("prepared once, then the recipient types new inputs: the rewrites follow them", async () => {
    const [original, changed] = await Promise.all([buildProcessFixture(1), buildProcessFixture(3)]);
    expect(changed.cells.map((c) => c.formula)).toEqual(original.cells.map((c) => c.formula));
    const prepared = await prepareXlsx(original.data);
    const wb = read(
      await recalcBytes(await withoutCachedValues(await withInputsOf(prepared.data, changed.data))),
    );
    expect(mismatches(wb, changed.cells)).toEqual([]);
    const moved = changed.cells.filter(
      (c, i) => JSON.stringify(c.expected) !== JSON.stringify(original.cells[i].expected),
    );
    expect(moved.length).toBeGreaterThan(500);
  });
});
