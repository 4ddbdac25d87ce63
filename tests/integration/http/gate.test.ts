import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/process-kit';
import { startPortal, type RunningPortal } from '../../helpers/portal';

let portal: RunningPortal;
const clientAssets = join(ROOT, 'dist', 'client', '_astro');
// A built file that exists when the server starts and is removed while it runs (an old hashed file after a redeploy).
const doomedAsset = `gate-test-removed-${process.pid}.js`;

/** One request as a client sends it (no automatic Accept-Encoding, no decompression): status, headers, raw body. */
async function raw(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const res = await request(portal.url + path, { method: (options.method ?? 'GET') as 'GET', headers: options.headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers as Record<string, string | undefined>, body };
}

/** A built file of the given extension under /_astro/. */
function asset(extension: string, contains = ''): string {
  const name = readdirSync(clientAssets).find((f) => f.endsWith(extension) && f.includes(contains));
  if (!name) throw new Error(`no built ${contains}*${extension} under dist/client/_astro: run npx astro build`);
  return `/_astro/${name}`;
}

beforeAll(async () => {
  writeFileSync(join(clientAssets, doomedAsset), '// removed while the server runs\n');
  portal = await startPortal();
});
afterAll(async () => {
  rmSync(join(clientAssets, doomedAsset), { force: true });
  await portal?.stop();
});

describe('security headers on every kind of answer', () => {
  const kinds = [
    ['a page', '/'],
    ['an English page', '/en/clusters'],
    ['an API route', '/api/v1/clusters'],
    ['the search API', '/api/v1/search?q=x'],
    ['a built script', () => asset('.js', 'ClusterMap')],
    ['a 404 page', '/no-such-page'],
    ['an unknown API path', '/api/v1/nope'],
  ] as const;

  it.each(kinds)('%s carries the CSP without inline scripts, nosniff, referrer policy and frame-ancestors', async (_kind, path) => {
    const { headers } = await raw(typeof path === 'function' ? path() : path);
    const csp = headers['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['content-type']).toMatch(/charset=utf-8/);
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('pages have no inline script, so the policy cannot break them', async () => {
    for (const path of ['/', '/clusters', '/map', '/search', '/analytics', '/what-if']) {
      const html = (await raw(path)).body.toString();
      // Every executable script is a file; JSON data blocks (type="application/json") are not scripts to the CSP.
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/);
    }
  });

  it('HTML and API lists say how to cache them and can be revalidated by ETag', async () => {
    for (const path of ['/clusters', '/api/v1/clusters']) {
      const first = await raw(path);
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(first.headers.etag).toMatch(/^"/);
      // fetch() adds Cache-Control: no-cache to every conditional request; the origin still answers 304.
      const again = await raw(path, { headers: { 'if-none-match': first.headers.etag!, 'cache-control': 'no-cache' } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect((await raw('/api/v1/search?q=x')).headers['cache-control']).toBe('no-store');
  });
});

describe('methods and paths no route answers', () => {
  it('TRACE answers 501 without reaching a route and without a stack trace', async () => {
    const { status, body } = await raw('/clusters', { method: 'TRACE' });
    expect(status).toBe(501);
    expect(body.toString()).not.toMatch(/at .*\(|Error:/);
    expect(portal.output()).not.toMatch(/TRACE[^\n]*failed/);
  });

  /** Sends raw request bytes (HTTP clients refuse CONNECT and made-up methods) and reads the answer until the server closes. */
  const rawExchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(portal.url).port), '127.0.0.1', () => socket.write(request));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });

  it.each([
    ['CONNECT', 'CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n', 501],
    ['a made-up method', 'FROB /clusters HTTP/1.1\r\nHost: x\r\n\r\n', 501],
    ['a request that is not HTTP', 'GET /clusters HTTP/1.1\r\nHost x\r\n\r\n', 400],
  ])('%s gets a plain answer with the security headers and no stack trace', async (_what, request, status) => {
    const answer = await rawExchange(request);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(answer).toContain('x-content-type-options: nosniff');
    expect(answer).not.toMatch(/at .*\(|Error:/);
  });

  it('a page answers POST, PUT and DELETE with 405 and Allow: GET, HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { status, headers } = await raw('/clusters', { method });
      expect(status, method).toBe(405);
      expect(headers.allow).toBe('GET, HEAD');
    }
  });

  it('the API answers a wrong method with a JSON 405 and Allow, an unknown path with a JSON 404', async () => {
    const wrong = await raw('/api/v1/clusters', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, OPTIONS'); // OPTIONS: the CORS preflight of a public read route
    expect(JSON.parse(wrong.body.toString()).error).toContain('DELETE');
    const unknown = await raw('/api/v1/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(unknown.body.toString()).error).toContain('/api/v1/nope');
  });

  it('HEAD of a page answers its headers without a body', async () => {
    const head = await raw('/clusters', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('compression', () => {
  it.each([
    ['the map script', () => asset('.js', 'ClusterMap')],
    ['the region boundaries', () => asset('.geojson')],
    ['the map page', () => '/map'],
    ['an API list', () => '/api/v1/clusters'],
  ])('%s comes compressed only when the client accepts it', async (_what, path) => {
    const plain = await raw(path());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await raw(path(), { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gzip = await raw(path(), { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });
});

describe('built files', () => {
  it('answers a Range request with 206 and the asked bytes', async () => {
    const path = asset('.js', 'ClusterMap');
    const whole = await raw(path);
    const part = await raw(path, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.body.equals(whole.body.subarray(10, 20))).toBe(true);
  });

  it('answers 404 for a built file removed after start, and keeps serving', async () => {
    rmSync(join(clientAssets, doomedAsset));
    const gone = await raw(`/_astro/${doomedAsset}`);
    expect(gone.status).toBe(404);
    expect(gone.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/clusters')).status).toBe(200);
    expect((await raw(asset('.js', 'ClusterMap'))).status).toBe(200);
  });
});

describe('cached pages', () => {
  it('show a change to the data at once (the cache is kept per data version)', async () => {
    const before = (await raw('/clusters/tomsk-pharma-medtech-it')).body.toString();
    expect(before).not.toContain('Gate-cache-check');
    const db = new Database(join(portal.dataDir, 'cluster-map.sqlite'));
    try {
      // A write by another process, as npm run import:regions makes: the data version moves with it.
      const row = db.prepare("SELECT profile_json FROM clusters WHERE slug = 'tomsk-pharma-medtech-it'").get() as { profile_json: string };
      const profile = JSON.parse(row.profile_json);
      profile.general.name.ru = 'Gate-cache-check';
      db.transaction(() => {
        db.prepare("UPDATE clusters SET profile_json = ?, name_ru = 'Gate-cache-check' WHERE slug = 'tomsk-pharma-medtech-it'").run(JSON.stringify(profile));
        db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
      })();
    } finally {
      db.close();
    }
    expect((await raw('/clusters/tomsk-pharma-medtech-it')).body.toString()).toContain('Gate-cache-check');
  });

  it('are not shared with a request that carries a cookie', async () => {
    const anonymous = await raw('/clusters');
    const withCookie = await raw('/clusters', { headers: { cookie: 'session=x' } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers['cache-control']).toBe('private, no-cache');
    expect(anonymous.headers['cache-control']).toBe('no-cache');
  });
});
