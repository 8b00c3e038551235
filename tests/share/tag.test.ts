import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { buildShareFixture } from "./fixture";
import { VALID } from "./inputs";
import { ADDIN_ID, AUTO_SHOW, isTaggedXlsx, manifestId, tagXlsx } from "../../src/share/tag";

const ID = manifestId(readFileSync("manifest.xml", "utf8"));

describe("tagging a workbook so the pane opens with it", () => {
  test("the add-in id comes from the manifest", () => {
    expect(ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("the pane's ADDIN_ID is the manifest's <Id>", () => {
    expect(ADDIN_ID).toBe(ID);
  });

  test("adds a web extension with AutoShowTaskpaneWithDocument, wired into the package, once", async () => {
    const fixture = await buildShareFixture(VALID);
    const tagged = await tagXlsx(fixture.data, { addinId: ID! });
    expect(await isTaggedXlsx(fixture.data, ID!)).toBe(false);
    expect(await isTaggedXlsx(tagged, ID!)).toBe(true);
    const zip = await JSZip.loadAsync(tagged);
    const ext = await zip.file("xl/webextensions/webextension1.xml")!.async("string");
    expect(ext).toContain(
      `<we:reference id="${ID}" version="1.0.0.0" store="developer" storeType="Registry"/>`,
    );
    expect(ext).toContain(`<we:property name="${AUTO_SHOW}" value="true"/>`);
    expect(await zip.file("xl/webextensions/taskpanes.xml")!.async("string")).toContain('r:id="rId1"');
    expect(await zip.file("xl/webextensions/_rels/taskpanes.xml.rels")!.async("string")).toContain(
      'Target="webextension1.xml"',
    );
    expect(await zip.file("_rels/.rels")!.async("string")).toContain(
      'Target="xl/webextensions/taskpanes.xml"',
    );
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    expect(ct).toContain(
      'PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"',
    );
    expect(ct).toContain(
      'PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"',
    );
    // Tagging twice changes nothing; the sheets are untouched.
    expect(Buffer.from(await tagXlsx(tagged, { addinId: ID! })).equals(Buffer.from(tagged))).toBe(true);
    const before = await JSZip.loadAsync(fixture.data);
    for (const s of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      expect(await zip.file(s)!.async("string")).toBe(await before.file(s)!.async("string"));
    }
  });

  test("a central-deployment tag names the catalog", async () => {
    const fixture = await buildShareFixture(VALID, { dealer: false });
    const zip = await JSZip.loadAsync(await tagXlsx(fixture.data, { addinId: ID!, storeType: "EXCatalog" }));
    expect(await zip.file("xl/webextensions/webextension1.xml")!.async("string")).toContain(
      'store="EXCatalog" storeType="EXCatalog"',
    );
  });
});
