// The portal's HTTP server (plain JavaScript, so no TypeScript loader sits on the request path): the built
// files in dist/client are served from a list made at start (no file-system check per request), every other
// request goes to the direct lane (dist/server/direct-lane.mjs: the search API on node's own objects) or to
// Astro's handler (@astrojs/node in middleware mode). Started by `npm start`.
// Environment: HOST (0.0.0.0), PORT (4321).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const clientDir = join(root, 'dist', 'client');
const { handler } = await import(join(root, 'dist', 'server', 'entry.mjs'));
const { answerDirectly } = await import(join(root, 'dist', 'server', 'direct-lane.mjs'));

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Every built client file by its URL path, with what its answer needs. */
function listClientFiles(dir, files = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listClientFiles(path, files);
    else {
      const urlPath = '/' + relative(clientDir, path).split(sep).join('/');
      files.set(urlPath, {
        path,
        size: statSync(path).size,
        type: TYPES[extname(path)] ?? 'application/octet-stream',
        // Files under /_astro/ carry a content hash in their name: cache them for good.
        cache: urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      });
    }
  }
  return files;
}

const files = listClientFiles(clientDir);

/** Answers a built file or a direct route, or hands the request to Astro. */
function listener(req, res) {
  const urlPath = (req.url ?? '/').split(/[?#]/)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the address is not valid URL encoding.');
    return;
  }
  const file = (req.method === 'GET' || req.method === 'HEAD') && files.get(decoded);
  if (!file) return answerDirectly(req, res) ? undefined : handler(req, res);
  res.writeHead(200, { 'content-type': file.type, 'content-length': file.size, 'cache-control': file.cache });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 4321);
const server = http.createServer(listener);
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  console.log(`[server] listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
