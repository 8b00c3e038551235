/**
 * Restore is exact: every part of the package comes back byte for byte (the sheets' XML with the
 * original `_xldudf_` formulas, shared and array formulas, the package plumbing), the calculation
 * chain with the same entries, and a workbook without DEALER calls is not touched at all.
 */
import JSZip from "jszip";
import { prepareXlsx, restoreXlsx, scanXlsx, ShareError } from "../../src/share/xlsx";
import { buildShareFixture } from "./fixture";
import { INVALID_A, VALID } from "./inputs";

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async("string"));
  return out;
}

describe("restore live functions", () => {
  test.each([
    ["valid", VALID],
    ["invalid", INVALID_A],
  ])("gives back every part byte for byte (%s inputs)", async (_l, inputs) => {
    const fixture = await buildShareFixture(inputs);
    const prepared = await prepareXlsx(fixture.data);
    const before = await parts(fixture.data);
    const middle = await parts(prepared.data);
    // Preparing really changed the formulas; frozen cells left the calculation chain...
    expect(middle.get("xl/worksheets/sheet3.xml")).not.toBe(before.get("xl/worksheets/sheet3.xml"));
    const chain = (x: Map<string, string>) =>
      [...(x.get("xl/calcChain.xml") ?? "").matchAll(/<c r="([A-Z]+\d+)"(?: i="(\d+)")?/g)].map((m) => m[1]);
    if (prepared.report.frozen > 0) expect(chain(middle).length).toBeLessThan(chain(before).length);
    expect([...middle.keys()].some((k) => k.startsWith("customXml/"))).toBe(true);

    const restored = await restoreXlsx(prepared.data);
    const after = await parts(restored.data);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before)
      if (name !== "xl/calcChain.xml") expect({ name, text: after.get(name) }).toEqual({ name, text });
    expect(chain(after).length).toBe(chain(before).length);
    expect(restored.report.restored).toBe(prepared.report.rewritten + prepared.report.frozen);
  });

  test("a workbook with no DEALER calls comes back as the very same bytes", async () => {
    const fixture = await buildShareFixture(VALID, { dealer: false });
    expect(fixture.cells.some((c) => c.formula)).toBe(true);
    const prepared = await prepareXlsx(fixture.data);
    expect(prepared.report.changed).toBe(false);
    expect(Buffer.from(prepared.data).equals(Buffer.from(fixture.data))).toBe(true);
  });

  test("preparing twice is refused; restoring an unprepared workbook is refused", async () => {
    const fixture = await buildShareFixture(VALID);
    const prepared = await prepareXlsx(fixture.data);
    await expect(prepareXlsx(prepared.data)).rejects.toMatchObject({ code: "alreadyPrepared" });
    await expect(restoreXlsx(fixture.data)).rejects.toBeInstanceOf(ShareError);
    await expect(prepareXlsx(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: "not-a-workbook" });
  });

  test("restore survives a re-save that rewrote the package plumbing", async () => {
    const fixture = await buildShareFixture(VALID);
    const prepared = await prepareXlsx(fixture.data);
    const zip = await JSZip.loadAsync(prepared.data);
    // As Excel does on save: the relationships part is rewritten (here: reformatted).
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/></g, ">\n<"));
    const resaved = await zip.generateAsync({ type: "uint8array" });
    const restored = await parts((await restoreXlsx(resaved)).data);
    const before = await parts(fixture.data);
    expect(restored.get("xl/_rels/workbook.xml.rels")).not.toMatch(/customXml/);
    for (const sheet of ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      expect(restored.get(sheet)).toBe(before.get(sheet));
    }
  });
});

test("a cell edited after preparing keeps the edit; the rest is restored", async () => {
  const fixture = await buildShareFixture(VALID);
  const prepared = await prepareXlsx(fixture.data);
  const zip = await JSZip.loadAsync(prepared.data);
  const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  zip.file("xl/worksheets/sheet2.xml", sheet.replace(/(<c r="A5">)<f>[^<]*<\/f>/, "$1<f>Inputs!B12*2</f>"));
  const restored = await restoreXlsx(await zip.generateAsync({ type: "uint8array" }));
  expect(restored.report.kept).toBe(1);
  expect(restored.report.entries.find((e) => e.action === "kept")).toMatchObject({
    address: "A5",
    reason: "changedSincePrepared",
  });
  const after = await parts(restored.data);
  expect(after.get("xl/worksheets/sheet2.xml")).toContain("<f>Inputs!B12*2</f>");
  expect(after.get("xl/worksheets/sheet2.xml")).toContain(
    "_xldudf_DEALER_ROI(Inputs!B12,Inputs!B13,Inputs!B14)",
  );
});

describe("broken cells in a received workbook", () => {
  test("DEALER cells showing #NAME? are reported; healthy ones are not", async () => {
    const fixture = await buildShareFixture(VALID);
    const zip = await JSZip.loadAsync(fixture.data);
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    // What a workbook looks like after Excel without the add-in recalculated A1.
    zip.file(
      "xl/worksheets/sheet2.xml",
      sheet.replace(/(<c r="A1")>(<f>[^<]*<\/f>)<v>[^<]*<\/v>/, '$1 t="e">$2<v>#NAME?</v>'),
    );
    const broken = await zip.generateAsync({ type: "uint8array" });
    const scan = await scanXlsx(broken);
    expect(scan.prepared).toBe(false);
    expect(scan.dealerCells).toBeGreaterThan(15);
    expect(scan.report.entries.map((e) => `${e.sheet}!${e.address}:${e.reason}`)).toEqual([
      "活动 保本!A1:cachedNameError",
    ]);
    expect((await scanXlsx(fixture.data)).report.broken).toBe(0);
    expect((await scanXlsx((await prepareXlsx(fixture.data)).data)).prepared).toBe(true);
  });
});
