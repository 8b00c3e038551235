// A tiny static server for the production build (dist/), on an ephemeral localhost port.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(__dirname, "../../..");
// PANE_DIST points the tests at another build folder (a local iteration build); the test line uses dist/.
export const DIST = process.env.PANE_DIST ?? join(ROOT, "dist");
export const OFFICE_JS_DIR = join(ROOT, "node_modules/@microsoft/office-js/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Resolves a URL path inside `root`, refusing anything that escapes it. */
export function fileUnder(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split("?")[0]);
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

// Compressed once per file: every static host serves scripts gzipped, and compressing per request would
// only measure this server's CPU.
const gzipped = new Map<string, Buffer>();
function gzipOf(file: string): Buffer {
  let body = gzipped.get(file);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 9 });
    gzipped.set(file, body);
  }
  return body;
}

export interface ServeOptions {
  /**
   * Let the browser cache (revalidating with an ETag), as a real host does for a returning user; by
   * default every load is a first visit (no-store).
   */
  readonly cache?: boolean;
}

export async function serveDist(root = DIST, options: ServeOptions = {}): Promise<StaticServer> {
  // The test line builds first (npm run build); a missing build is a failure, not a skip.
  if (!existsSync(join(root, "taskpane.html")))
    throw new Error(`${root}/taskpane.html is missing: run npm run build`);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/") === "/" ? "/taskpane.html" : (req.url ?? "/");
    const file = fileUnder(root, path);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const type = contentType(file);
    const stat = statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = options.cache
      ? { "content-type": type, "cache-control": "no-cache", etag, vary: "accept-encoding" }
      : { "content-type": type, "cache-control": "no-store" };
    if (options.cache && req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (
      /gzip/.test(String(req.headers["accept-encoding"] ?? "")) &&
      /javascript|json|html|css|xml/.test(type)
    ) {
      const body = gzipOf(file);
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}

/**
 * Call at the top level of a test file: serves dist/ from before its first test to after its last
 * (registers the beforeAll/afterAll), and stands for that server.
 */
export function distForTests(): StaticServer {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("dist/ is served only while the file's tests run");
      return server.url;
    },
    close: () => server?.close() ?? Promise.resolve(),
  };
}
