// Recalculation in LibreOffice headless, the independent engine the template proofs run against.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

// LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load; a fresh profile
// per process also keeps parallel runs from fighting over one profile's lock.
const registry = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (existsSync(p)) return p;
  }
  throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/ensure-tools.sh`");
}

/** Recalculates the files in LibreOffice and returns the paths of the recalculated copies. */
export async function recalc(files: readonly string[], outDir: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), registry);
  mkdirSync(outDir, { recursive: true });
  await run(
    sofficePath(),
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 240_000 },
  );
  // soffice exits 0 even when a conversion failed: the output file is the only proof.
  return files.map((f) => {
    const out = join(outDir, basename(f));
    if (!existsSync(out)) throw new Error(`LibreOffice did not produce ${out}`);
    return out;
  });
}
