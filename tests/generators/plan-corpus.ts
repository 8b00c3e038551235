// Rebuilds the scoring corpus in tests/fixtures/corpus/ (run: npx tsx tests/generators/plan-corpus.ts):
// - template plans: the add-in's plan template filled in (corpus/template-plans*.ts, templateToXlsx);
// - free-form plans: corpus/plans/*.plan written by Debian's python3-openpyxl (plan_corpus.py),
//   which also writes the .fods / .csv sources of the LibreOffice plans into corpus/lo/;
// - LibreOffice plans: those sources converted by soffice headless (corpus/libreoffice.ts);
// - hand-written XML packages: corpus/xml/<id>/ zipped with fflate (corpus/hand-xml.ts).
// The expectations beside each file (<id>.expect.json) are written by a person, never by this script.
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { handXmlBytes, handXmlIds } from "./corpus/hand-xml";
import { convertLibreOfficePlans } from "./corpus/libreoffice";
import { TEMPLATE_PLANS, templatePlanBytes } from "./corpus/template-plans";

const OUT = join(__dirname, "..", "fixtures", "corpus");
// Debian's python has openpyxl; the pyenv python on PATH does not.
const PYTHON = "/usr/bin/python3";
const MAX_BYTES = 100 * 1024;

function written(path: string): void {
  const size = statSync(path).size;
  if (size > MAX_BYTES) throw new Error(`${path} is ${size} bytes, over the corpus limit of ${MAX_BYTES}`);
  process.stdout.write(`${path} (${size} bytes)\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const p of TEMPLATE_PLANS) {
    const path = join(OUT, `${p.id}.xlsx`);
    writeFileSync(path, await templatePlanBytes(p));
    written(path);
  }
  for (const id of handXmlIds()) {
    const path = join(OUT, `${id}.xlsx`);
    writeFileSync(path, handXmlBytes(id));
    written(path);
  }
  const py = execFileSync(PYTHON, [join(__dirname, "plan_corpus.py")], { encoding: "utf8" });
  const root = join(__dirname, "..", "..");
  for (const line of py.split("\n").filter((l) => l.endsWith(".xlsx"))) written(join(root, line));
  for (const path of await convertLibreOfficePlans(OUT)) written(path);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
