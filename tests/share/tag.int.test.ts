// The tag and sharing together, recalculated in LibreOffice (integration: needs soffice).
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import { manifestId, tagXlsx } from "../../src/share/tag";
import { prepareXlsx, restoreXlsx } from "../../src/share/xlsx";
import { buildShareFixture } from "./fixture";
import { VALID } from "./inputs";
import { recalcBytes } from "../support/soffice";

jest.setTimeout(120000);

const ID = manifestId(readFileSync("manifest.xml", "utf8"));

describe("a tagged workbook elsewhere", () => {
  test("a tagged, prepared workbook still opens and computes elsewhere, and restores exactly", async () => {
    const fixture = await buildShareFixture(VALID);
    const tagged = await tagXlsx(fixture.data, { addinId: ID! });
    const prepared = await prepareXlsx(tagged);
    const wb = XLSX.read(await recalcBytes(prepared.data), { type: "array" });
    expect(wb.Sheets["活动 保本"].A1.v).toBe(120);
    const restored = await JSZip.loadAsync((await restoreXlsx(prepared.data)).data);
    const original = await JSZip.loadAsync(tagged);
    const files = (z: JSZip): string[] =>
      Object.keys(z.files)
        .filter((n) => !z.files[n].dir)
        .sort();
    expect(files(restored)).toEqual(files(original));
    const entries = (x: string) => [...x.matchAll(/<c [^>]*\/>/g)].map((m) => m[0]).sort();
    for (const name of files(original)) {
      const a = await restored.file(name)!.async("string");
      const b = await original.file(name)!.async("string");
      // The calculation chain holds the same cells; a frozen cell's entry comes back at its end.
      if (name === "xl/calcChain.xml") expect(entries(a)).toEqual(entries(b));
      else expect(a).toBe(b);
    }
  });
});
