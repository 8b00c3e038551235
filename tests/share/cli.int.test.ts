import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { buildShareFixture } from "./fixture";
import { VALID } from "./inputs";

jest.setTimeout(120000);

const cli = (args: string[]) =>
  spawnSync("node_modules/.bin/tsx", ["src/cli/main.ts", "share", ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
  });

describe("dealer-mkt share", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "share-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("prepares, prints the report, never touches IN, refuses to overwrite OUT, restores exactly", async () => {
    const fixture = await buildShareFixture(VALID);
    const input = join(dir, "plan.xlsx");
    const out = join(dir, "plan-shared.xlsx");
    const back = join(dir, "plan-live.xlsx");
    writeFileSync(input, fixture.data);

    const prep = cli([input, "--out", out]);
    expect(prep.status).toBe(0);
    expect(prep.stdout).toMatch(/'漏斗 Q1''s'!A1:E1\trewritten\t=_xldudf_DEALER_FUNNEL_RATE\(Inputs!B1:G1\)/);
    expect(prep.stdout).toMatch(/'漏斗 Q1''s'!A19\tfrozen\t/);
    expect(prep.stdout).toMatch(/20 rewritten, 1 frozen, 0 restored, 0 kept, 0 skipped, 0 broken\./);
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(fixture.data))).toBe(true);

    const again = cli([input, "--out", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists; add --force/);
    expect(cli([input, "--out", out, "--force"]).status).toBe(0);
    expect(cli([input, "--out", input]).stderr).toMatch(/never overwritten/);

    const zh = cli(["--restore", out, "--out", back, "--lang", "zh-CN"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/已恢复/);
    const a = await JSZip.loadAsync(fixture.data);
    const b = await JSZip.loadAsync(readFileSync(back));
    for (const name of Object.keys(a.files)) {
      // The calculation chain holds the same cells; a frozen cell's entry comes back at its end.
      if (a.files[name].dir || name === "xl/calcChain.xml") continue;
      expect(await b.file(name)?.async("string")).toBe(await a.file(name)!.async("string"));
    }
  });

  test("clear errors: missing input, missing --out, not an xlsx, nothing to restore, --check", async () => {
    expect(cli([join(dir, "nope.xlsx"), "--out", join(dir, "x.xlsx")]).stderr).toMatch(
      /nope\.xlsx: file not found/,
    );
    const fixture = await buildShareFixture(VALID);
    const input = join(dir, "in2.xlsx");
    writeFileSync(input, fixture.data);
    expect(cli([input]).stderr).toMatch(/--out OUT.xlsx is required/);
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "not a zip");
    const bad = cli([junk, "--out", join(dir, "junk-out.xlsx")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/junk\.xlsx: not an Excel workbook \(\.xlsx\)/);
    expect(existsSync(join(dir, "junk-out.xlsx"))).toBe(false);
    const nothing = cli(["--restore", input, "--out", join(dir, "r.xlsx")]);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to restore/);
    const check = cli(["--check", input]);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/DEALER formula cells: 21\n/);
    const tagged = join(dir, "tagged.xlsx");
    const tag = cli(["--tag", "--prepare", input, "--out", tagged]);
    expect(tag.status).toBe(0);
    expect(tag.stdout).toMatch(/Tagged: Excel opens the add-in's task pane/);
    expect(tag.stdout).toMatch(/20 rewritten/);
    const zip = await JSZip.loadAsync(readFileSync(tagged));
    expect(zip.file("xl/webextensions/webextension1.xml")).not.toBeNull();
    expect(zip.file("customXml/item1.xml")).not.toBeNull();
  });

  test("--force never writes through a link to the input, nor over a folder; .xlsm stays .xlsm", async () => {
    const fixture = await buildShareFixture(VALID);
    const input = join(dir, "linked.xlsx");
    writeFileSync(input, fixture.data);
    const sym = join(dir, "sym-out.xlsx");
    symlinkSync(input, sym);
    const hard = join(dir, "hard-out.xlsx");
    linkSync(input, hard);
    for (const out of [sym, hard]) {
      const r = cli([input, "--out", out, "--force"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/is an input file \(or a link to one\)/);
    }
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(fixture.data))).toBe(true);
    expect(cli([dir, "--out", join(dir, "z.xlsx")]).stderr).toMatch(/this is a folder, not a workbook/);
    writeFileSync(join(dir, "empty.xlsx"), "");
    expect(cli([join(dir, "empty.xlsx"), "--out", join(dir, "z.xlsx")]).stderr).toMatch(/the file is empty/);
    // A macro workbook: its content type says so.
    const zip = await JSZip.loadAsync(fixture.data);
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      ct.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      ),
    );
    const xlsm = join(dir, "macro.xlsm");
    writeFileSync(xlsm, await zip.generateAsync({ type: "uint8array" }));
    expect(cli([xlsm, "--out", join(dir, "macro-shared.xlsx")]).stderr).toMatch(/name the output \.xlsm/);
    expect(cli([xlsm, "--out", join(dir, "macro-shared.xlsm")]).status).toBe(0);
  });
});
