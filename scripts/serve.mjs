// A plain static file server for dist/ on 127.0.0.1, like any static host: no rewrites, no
// server logic, and, like most hosts, `no-cache` with an ETag, so a browser revalidates a file
// (a 304 without the body) instead of downloading it again. Used by `make serve` and by the
// end-to-end tests.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` at `http://127.0.0.1:port/` (optionally under `prefix`, e.g. "/timeline/");
 * `onResponse({ path, status })` hears of every response once it is sent.
 */
export function serve(root, { port = 0, prefix = "/", onResponse = () => {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    res.on("finish", () => onResponse({ path: req.url.split("?")[0], status: res.statusCode }));
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(prefix)) return send(res, 404, "text/plain", "not found");
      path = path.slice(prefix.length);
      if (path === "" || path.endsWith("/")) path += "index.html";
      const file = normalize(join(base, path));
      if (!file.startsWith(base)) return send(res, 403, "text/plain", "forbidden");
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return send(res, 404, "text/plain", "not found");
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = { "cache-control": "no-cache", etag };
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (req.headers["if-none-match"] === etag) return send(res, 304, type, undefined, headers);
      send(res, 200, type, await readFile(file), headers);
    } catch {
      send(res, 400, "text/plain", "bad request");
    }
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(body);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(root, { port });
  console.log(`Serving ${root}/ at http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
