// `npm run bench`: runs every bench/*.bench.ts in turn. Each prints its own figures and targets;
// nothing here asserts a time, so a slow machine reports numbers instead of failing tests.
import * as fs from "fs";
import * as path from "path";

interface BenchModule {
  bench: () => Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    await mod.bench();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
