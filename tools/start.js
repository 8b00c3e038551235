// `npm start`: on Windows and Mac, sideloads the add-in into Excel through office-addin-debugging
// (an optional dependency: its keytar install needs internet access). Everywhere else — Linux, or
// without that tool — it starts the https dev server and says where to open the pane.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const certDir = path.join(root, "certs");
const pidFile = path.join(root, "certs", "dev-server.pid");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);

function hasModule(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

// Dev certificates: reuse office-addin-dev-certs' trusted ones where a developer installed them
// (Windows/Mac, `npx office-addin-dev-certs install`); otherwise make a self-signed pair with openssl.
// office-addin-dev-certs' own install needs sudo to trust its CA, so it is never run from here.
function ensureCerts() {
  const key = path.join(certDir, "localhost.key");
  const crt = path.join(certDir, "localhost.crt");
  if (fs.existsSync(key) && fs.existsSync(crt)) return;
  fs.mkdirSync(certDir, { recursive: true });
  const trusted = path.join(os.homedir(), ".office-addin-dev-certs");
  if (
    fs.existsSync(path.join(trusted, "localhost.key")) &&
    fs.existsSync(path.join(trusted, "localhost.crt"))
  ) {
    fs.copyFileSync(path.join(trusted, "localhost.key"), key);
    fs.copyFileSync(path.join(trusted, "localhost.crt"), crt);
    return;
  }
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "365",
      "-subj",
      "/CN=localhost",
    ].concat(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", crt]),
    { stdio: "ignore" },
  );
  if (r.status !== 0) {
    console.warn("start: openssl is not available; the dev server will make a temporary certificate.");
  }
}

function startDevServer() {
  ensureCerts();
  const webpackBin = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const child = spawn(process.execPath, [webpackBin, "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
  });
  fs.writeFileSync(pidFile, String(child.pid));
  const url = `https://localhost:${port}/taskpane.html`;
  console.log(
    [
      "",
      "Dealer Marketing Power · 经销商营销力",
      `  Task pane (preview mode outside Excel): ${url}`,
      `  Function help: https://localhost:${port}/help/en-US/index.html`,
      "  The certificate is self-signed: accept it once in the browser.",
      "  To use it in Excel, sideload manifest.xml (see README: Sideload).",
      "  Stop with Ctrl+C or `npm stop`.",
      "",
    ].join("\n"),
  );
  child.on("exit", (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code === null ? 1 : code);
  });
}

const canSideload =
  (process.platform === "win32" || process.platform === "darwin") && hasModule("office-addin-debugging");
if (canSideload && !process.argv.includes("--no-sideload")) {
  const app = process.env.npm_package_config_app_to_debug || "excel";
  const type = process.env.npm_package_config_app_type_to_debug || "desktop";
  const cli = path.join(root, "node_modules", "office-addin-debugging", "cli.js");
  const r = spawnSync(process.execPath, [cli, "start", "manifest.xml", type, "--app", app], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(r.status === null ? 1 : r.status);
} else {
  startDevServer();
}
