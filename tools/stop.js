// `npm stop`: ends the sideloading session where office-addin-debugging runs it, else the dev server
// that `npm start` recorded.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const pidFile = path.join(root, "certs", "dev-server.pid");
const cli = path.join(root, "node_modules", "office-addin-debugging", "cli.js");

if ((process.platform === "win32" || process.platform === "darwin") && fs.existsSync(cli)) {
  const r = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  process.exit(r.status === null ? 1 : r.status);
}
if (!fs.existsSync(pidFile)) {
  console.log("stop: no dev server is running.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`stop: dev server (pid ${pid}) stopped.`);
} catch {
  console.log("stop: the dev server had already ended.");
}
fs.rmSync(pidFile, { force: true });
