/**
 * Recalculates a workbook in LibreOffice headless, the independent spreadsheet engine of the proof.
 * A fresh profile per run sets OOXMLRecalcMode 0 (always recalculate on load); without it LibreOffice
 * shows the cached values and would prove nothing. soffice exits 0 even when it fails, so the output
 * file's existence is checked. A missing soffice throws: the tests must fail, never skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) {
    if (existsSync(p)) return p;
  }
  throw new Error("soffice (LibreOffice) is not installed: run `bash scripts/ensure-tools.sh`");
}

export function recalcInLibreOffice(data: Uint8Array): Uint8Array {
  const soffice = sofficePath();
  const dir = mkdtempSync(join(tmpdir(), "share-lo-"));
  try {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), XCU);
    const input = join(dir, "in.xlsx");
    const outDir = join(dir, "out");
    mkdirSync(outDir);
    writeFileSync(input, data);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120000 },
    );
    const output = join(outDir, "in.xlsx");
    if (!existsSync(output)) throw new Error("LibreOffice produced no output file");
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
