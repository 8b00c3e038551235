// Writes the share fixture workbooks (every DEALER function, saved as Excel saves them, cached
// values from the add-in's own semantics) for trying `dealer-mkt share` by hand:
//   npx tsx tests/generators/make-share-fixture.ts [DIR]   (default: test-output/share)
// The tests build the same workbooks in memory (tests/share/fixture.ts); nothing here is committed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildShareFixture } from "../share/fixture";
import { INVALID_A, INVALID_B, VALID } from "../share/inputs";

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "test-output", "share"));
  await mkdir(dir, { recursive: true });
  const sets = { valid: VALID, "invalid-a": INVALID_A, "invalid-b": INVALID_B };
  for (const [name, inputs] of Object.entries(sets)) {
    const { data } = await buildShareFixture(inputs);
    await writeFile(path.join(dir, `share-${name}.xlsx`), data);
    process.stdout.write(`${path.join(dir, `share-${name}.xlsx`)}\n`);
  }
  const plain = await buildShareFixture(VALID, { dealer: false });
  await writeFile(path.join(dir, "share-no-dealer.xlsx"), plain.data);
  process.stdout.write(`${path.join(dir, "share-no-dealer.xlsx")}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
