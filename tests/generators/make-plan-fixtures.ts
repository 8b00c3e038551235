// Rebuilds the golden plan workbooks in tests/fixtures/plans/ (run: npx tsx tests/generators/make-plan-fixtures.ts).
// The expected scores beside them are written by the golden test with UPDATE_GOLDEN=1, and must be
// read over by a person before they are committed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fixtureWorkbooks } from "./plan-fixtures";

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "tests", "fixtures", "plans");
  await mkdir(dir, { recursive: true });
  for (const f of await fixtureWorkbooks()) {
    await writeFile(path.join(dir, `${f.name}.xlsx`), f.bytes);
    process.stdout.write(`${f.name}.xlsx\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
