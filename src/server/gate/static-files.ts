import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import send from 'send';
import { negotiateEncoding, PRECOMPRESSED, type Encoding } from './compression';

/** One built client file and the compressed copies written beside it at build time. */
interface ClientFile {
  path: string;
  type: string;
  encodings: Set<Encoding>;
}

/** Content types of the built files, text ones with their charset (send's own table gives none). */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Hashed build output may be cached for good; other public files for an hour, then revalidated by ETag. */
function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

/** Every built client file by URL path, with its precompressed variants (listed once at start). */
export function listClientFiles(clientDir: string): Map<string, ClientFile> {
  const files = new Map<string, ClientFile>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!Object.values(PRECOMPRESSED).some((suffix) => entry.name.endsWith(suffix))) {
        const urlPath = '/' + relative(clientDir, path).split(sep).join('/');
        files.set(urlPath, { path, type: TYPES[extname(path)] ?? 'application/octet-stream', encodings: new Set() });
      }
    }
  };
  walk(clientDir);
  for (const file of files.values())
    for (const [encoding, suffix] of Object.entries(PRECOMPRESSED) as [Encoding, string][])
      if (existsSync(file.path + suffix)) file.encodings.add(encoding);
  return files;
}

/** Answers a 404 in plain text (a built file that was listed at start but is gone now). */
function answerGone(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end('Not found: this file is no longer part of the portal; reload the page.');
}

/**
 * Serves the built client files through `send` (ETag, If-None-Match, Last-Modified, Range, HEAD), the
 * precompressed .br/.gz copy when the client accepts it; returns false for any other path. A file removed after
 * start answers 404 instead of crashing the server (send reports ENOENT as an error event, handled here).
 */
export function createStaticHandler(clientDir: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const files = listClientFiles(clientDir);
  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = files.get(pathname);
    if (!file) return false;
    const encoding = negotiateEncoding(req.headers['accept-encoding'], file.encodings);
    const path = encoding ? file.path + PRECOMPRESSED[encoding] : file.path;
    const stream = send(req, path, { etag: true, lastModified: true, cacheControl: false, dotfiles: 'deny' });
    stream.on('headers', () => {
      res.setHeader('content-type', file.type);
      res.setHeader('cache-control', cacheControlFor(pathname));
      if (file.encodings.size) res.setHeader('vary', 'Accept-Encoding');
      if (encoding) res.setHeader('content-encoding', encoding);
    });
    stream.on('error', (error: NodeJS.ErrnoException & { status?: number }) => {
      if (error.status === 404 || error.code === 'ENOENT') answerGone(res);
      else {
        console.error(`[static] ${pathname}:`, error);
        if (res.headersSent) res.destroy();
        else {
          res.statusCode = error.status ?? 500;
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          res.end(error.status && error.status < 500 ? 'Bad request for a file.' : 'Internal error; the cause has been logged.');
        }
      }
    });
    stream.pipe(res);
    return true;
  };
}
