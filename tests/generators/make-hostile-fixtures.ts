// Writes the small hostile cases to tests/fixtures/hostile/ (run: npx tsx tests/generators/make-hostile-fixtures.ts).
// Large cases (bombs over ~1 MB on disk or slow to make, 1,000,000 rows …) are never committed:
// tests and the benchmark make them from tests/generators/hostile.ts when they need them. The
// generators are deterministic, and tests/generators/hostile.int.test.ts checks the committed bytes
// are what they make today.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HOSTILE_CASES, hostileFileName } from "./hostile-manifest";

const HOSTILE_DIR = path.join(__dirname, "..", "fixtures", "hostile");

function main(): void {
  mkdirSync(HOSTILE_DIR, { recursive: true });
  const keep = new Set(["README.md"]);
  for (const c of HOSTILE_CASES.filter((x) => x.size === "small")) {
    const name = hostileFileName(c);
    writeFileSync(path.join(HOSTILE_DIR, name), c.make());
    keep.add(name);
    process.stdout.write(`${name}\n`);
  }
  for (const f of readdirSync(HOSTILE_DIR)) if (!keep.has(f)) rmSync(path.join(HOSTILE_DIR, f));
}

main();
