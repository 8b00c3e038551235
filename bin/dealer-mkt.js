#!/usr/bin/env node
// The command line for people without the add-in. Runs the bundled CLI from `npm run build`;
// in a source checkout without a build it falls back to running the TypeScript through tsx.
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "dist", "cli", "dealer-mkt.js");
if (fs.existsSync(built)) {
  require(built);
} else {
  const { spawnSync } = require("child_process");
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  const main = path.join(__dirname, "..", "src", "cli", "main.ts");
  const r = spawnSync(tsx, [main, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status === null ? 1 : r.status);
}
