import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerResponse, internalErrorAnswer, JSON_HEADERS, type JsonAnswer } from '../http';
import { bufferAnswer, withValidator, writeAnswer, writeStreamedResponse, type BufferedAnswer } from './answer';
import { corsHeaders, preflightAnswer } from './cors';
import { refuseMethod, type MethodRefusal } from './method-policy';
import { CACHE_SCOPE_DATA, CACHE_SCOPE_HEADER, PageCache } from './page-cache';
import { cameOverHttps, securityHeaders, type SecurityHeaderOptions } from './security-headers';
import { createStaticHandler } from './static-files';

/** Astro's request handler (@astrojs/node in middleware mode). */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void, locals?: object) => Promise<void> | void;

/** A route the gate answers itself, on node's objects, after everything every route gets (headers, methods). */
export type DirectRoute = (params: URLSearchParams) => Promise<JsonAnswer>;

/** A route the gate answers itself with a streamed Web Response (exports): written as it is produced, with backpressure. */
export type StreamRoute = (url: URL) => Promise<Response>;

/** What the gate needs. */
export interface GateOptions {
  astroHandler: AstroHandler;
  /** dist/client: the built files. */
  clientDir: string;
  /** Direct routes by exact path (the search API: ≈0.7 ms less per call than Astro's pipeline). */
  directRoutes?: ReadonlyMap<string, DirectRoute>;
  /** Streamed routes by exact path (exports: Astro's writer would not wait for a slow client, and the gate's buffering would hold the whole file). */
  streamRoutes?: ReadonlyMap<string, StreamRoute>;
  /** How long a streamed answer waits for a client that takes no data before cutting it (tests shorten it). */
  streamIdleTimeoutMs?: number;
  /** The data version of the store now: cached pages are kept per version. */
  dataVersion: () => string | number | Promise<string | number>;
  /** TRUST_PROXY: believe X-Forwarded-Proto from the proxy in front (for HSTS). */
  trustProxy?: boolean;
  tileOrigin?: string | null;
  cache?: PageCache;
}

/** Whether the request is anonymous and may share a cached answer (no cookie, no credentials). */
function isAnonymous(req: IncomingMessage): boolean {
  return req.headers.cookie === undefined && req.headers.authorization === undefined;
}

/** The refusal as an answer: JSON under /api, plain text elsewhere, with Allow on a 405. */
function refusalAnswer(refusal: MethodRefusal): BufferedAnswer {
  const body = refusal.json ? JSON.stringify({ error: refusal.message }) : `${refusal.message}\n`;
  return {
    status: refusal.status,
    headers: {
      'content-type': refusal.json ? JSON_HEADERS['content-type'] : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...(refusal.allow ? { allow: refusal.allow } : {}),
    },
    body: Buffer.from(body),
  };
}

/** 400 for a path that is not valid percent-encoding: JSON under /api (as every API answer), plain text elsewhere. */
function badEncodingAnswer(rawPath: string): BufferedAnswer {
  const message = 'Bad request: the address is not valid URL encoding.';
  const api = rawPath.startsWith('/api/');
  return {
    status: 400,
    headers: { 'content-type': api ? JSON_HEADERS['content-type'] : 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body: Buffer.from(api ? JSON.stringify({ error: message }) : `${message}\n`),
  };
}

/**
 * Astro's HTML "page not found" for an /api path its router did not match although the gate's table did (a slug
 * holding ": ", for one), turned into the JSON 404 every other API answer is.
 */
function apiNotFoundInJson(pathname: string, answer: BufferedAnswer): BufferedAnswer {
  if (answer.status !== 404 || !pathname.startsWith('/api/') || !/html/i.test(String(answer.headers['content-type'] ?? ''))) return answer;
  return { status: 404, headers: { ...answer.headers, 'content-type': JSON_HEADERS['content-type'], 'cache-control': 'no-store' }, body: Buffer.from(JSON.stringify({ error: `no API route at ${pathname}` })) };
}

/** A JSON answer of a direct route, in memory. */
function jsonAnswer(answer: JsonAnswer): BufferedAnswer {
  return { status: answer.status, headers: { ...JSON_HEADERS, ...answer.headers }, body: Buffer.from(JSON.stringify(answer.body)) };
}

/** Cache-Control for an answer that names none: revalidate successes (private when the request had credentials), never keep errors. */
function withCacheControl(answer: BufferedAnswer, anonymous: boolean): BufferedAnswer {
  if (answer.headers['cache-control'] !== undefined) return answer;
  const value = answer.status >= 200 && answer.status < 300 ? (anonymous ? 'no-cache' : 'private, no-cache') : 'no-store';
  return { ...answer, headers: { ...answer.headers, 'cache-control': value } };
}

/** The answer with `charset=utf-8` on a text content type that names no charset (Astro sends bare `text/html`). */
export function withCharset(answer: BufferedAnswer): BufferedAnswer {
  const type = answer.headers['content-type'];
  if (typeof type !== 'string' || /charset=/i.test(type) || !/^(text\/|application\/(json|geo\+json|javascript|xml)|image\/svg\+xml)/i.test(type)) return answer;
  return { ...answer, headers: { ...answer.headers, 'content-type': `${type}; charset=utf-8` } };
}

/** Renders the request through Astro into memory; HEAD is rendered as GET (its body is then left out). */
async function renderWithAstro(handler: AstroHandler, req: IncomingMessage, res: ServerResponse): Promise<BufferedAnswer> {
  const method = req.method;
  if (method === 'HEAD') req.method = 'GET';
  try {
    return await bufferAnswer(res, () => handler(req, res));
  } finally {
    req.method = method;
  }
}

/**
 * A bodyless POST to the API (`/submit`, `/approve`) from a program carries no Content-Type, and Astro's origin
 * check refuses any cross-site POST without one as a possible form. The API never authenticates by cookie (only
 * `Authorization: Bearer`, which a browser never adds to a cross-site request), so such a call cannot ride on a
 * visitor's session: it is marked as the JSON call it is, and gets its 401 or answer instead of a 403 in text.
 */
export function markBodylessApiCall(req: IncomingMessage, pathname: string): void {
  if (!pathname.startsWith('/api/') || req.headers['content-type'] !== undefined) return;
  if (req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0) req.headers['content-type'] = 'application/json';
}

/** Logs a failure the gate could not turn into an answer and ends the response without a stack trace. */
function answerInternalError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error(`[gate] ${req.method} ${req.url} failed:`, error);
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end('Internal error; the cause has been logged.\n');
}

/** Writes a complete plain-text answer on a bare socket (requests node does not hand to the request handler) and closes it. */
function answerOnSocket(socket: Duplex, status: 400 | 501, body: string): void {
  if (!socket.writable) return void socket.destroy();
  const headers = { ...securityHeaders({ https: false }), 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

/** Answers a CONNECT request (node hands it over as a bare socket, outside the request handler): 501, then closes. */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  answerOnSocket(socket, 501, 'the portal does not answer CONNECT: it is not a proxy\n');
}

/** Answers a request node's parser refused (a made-up method: 501; anything else malformed: 400), then closes. */
export function refuseMalformed(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET') return void socket.destroy();
  if (error.code === 'HPE_INVALID_METHOD') answerOnSocket(socket, 501, 'the portal does not answer this method\n');
  else answerOnSocket(socket, 400, 'Bad request: the request is not valid HTTP.\n');
}

/**
 * The one way in: every request (pages, API, search, static files, errors) passes here first. It sets the
 * security headers, refuses methods and paths no route answers, serves built files (precompressed, ETag, Range),
 * answers direct routes, and renders the rest through Astro (whose middleware, src/middleware.ts, runs for every
 * Astro route), then adds validators, compresses and caches what may be shared.
 */
export function createGate(options: GateOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const serveStatic = createStaticHandler(options.clientDir);
  const cache = options.cache ?? new PageCache();
  const headerOptions = (req: IncomingMessage): SecurityHeaderOptions => ({
    https: cameOverHttps(Boolean((req.socket as { encrypted?: boolean }).encrypted), req.headers['x-forwarded-proto'], options.trustProxy ?? false),
    tileOrigin: options.tileOrigin,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? '' : url.slice(queryAt);
    for (const [name, value] of Object.entries(securityHeaders(headerOptions(req)))) res.setHeader(name, value);
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return writeAnswer(req, res, badEncodingAnswer(rawPath));
    }
    const refusal = refuseMethod(req.method ?? 'GET', pathname, search);
    if (refusal) return writeAnswer(req, res, refusalAnswer(refusal));
    const cors = corsHeaders(req.method ?? 'GET', pathname);
    if (cors) for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    // The only OPTIONS the method policy lets through: the preflight of a public read route.
    if (req.method === 'OPTIONS') return writeAnswer(req, res, preflightAnswer(pathname));
    markBodylessApiCall(req, pathname);
    if (serveStatic(req, res, pathname)) return;
    const anonymous = isAnonymous(req);
    const direct = options.directRoutes?.get(pathname);
    if (direct) {
      const answer = await direct(new URLSearchParams(search)).catch((error: unknown) => internalErrorAnswer(req.method ?? 'GET', pathname, error));
      return writeAnswer(req, res, withValidator(withCacheControl(jsonAnswer(answer), anonymous)));
    }
    const stream = options.streamRoutes?.get(pathname);
    if (stream) {
      const response = await stream(new URL(url, 'http://portal.invalid')).catch((error: unknown) => answerResponse(internalErrorAnswer(req.method ?? 'GET', pathname, error)));
      if (response.status === 200) return writeStreamedResponse(req, res, response, options.streamIdleTimeoutMs);
      // Refusals (400) and errors are small JSON: written whole, like every other API answer.
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return writeAnswer(req, res, withCacheControl({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) }, anonymous));
    }
    const cacheKey = anonymous && (req.method === 'GET' || req.method === 'HEAD') ? `${req.headers.host ?? ''}|${url}` : null;
    const version = cacheKey ? String(await options.dataVersion()) : '';
    const hit = cacheKey ? cache.get(cacheKey, version) : undefined;
    if (hit) return writeAnswer(req, res, hit);
    const rendered = apiNotFoundInJson(pathname, await renderWithAstro(options.astroHandler, req, res));
    const scope = rendered.headers[CACHE_SCOPE_HEADER];
    delete rendered.headers[CACHE_SCOPE_HEADER];
    let answer = withValidator(withCacheControl(withCharset(rendered), anonymous));
    // An answer that sets a cookie belongs to one visitor: never shared, whatever the route said.
    if (cacheKey && scope === CACHE_SCOPE_DATA && answer.status === 200 && answer.headers['set-cookie'] === undefined) answer = cache.put(cacheKey, version, answer);
    return writeAnswer(req, res, answer);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => answerInternalError(req, res, error));
  };
}
