import http from 'node:http';
import https from 'node:https';

/** Options for {@link createMeiliHttp}. */
export interface MeiliHttpOptions {
  /** Base URL of the Meilisearch server, e.g. http://127.0.0.1:7700 (a path prefix is kept). */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; omit for unauthenticated calls such as /health. */
  apiKey?: string;
  /** Whole-request deadline in milliseconds (connect + send + receive). */
  timeoutMs?: number;
}

/** Low-level request: raw string body and extra headers, used by the official-client adapter. */
export interface MeiliRawRequest {
  method: string;
  /** Path plus query string, relative to the base URL, e.g. `/indexes/x/search?foo=1`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/** Low-level response: status code, headers and the body text. */
export interface MeiliRawResponse {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** JSON client for Meilisearch over node:http(s) with a keep-alive Agent. */
export interface MeiliHttp {
  /** Sends JSON (if `body` is given) and parses the JSON answer; `undefined` for an empty answer. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Sends a request as-is and returns status + text; throws only MeiliUnavailableError. */
  send(req: MeiliRawRequest): Promise<MeiliRawResponse>;
  /** Closes the kept-alive sockets; the client stays usable (new sockets are opened on demand). */
  close(): void;
  /** Base URL without trailing slash. */
  readonly url: string;
}

/** Meilisearch's error body (https://www.meilisearch.com/docs/reference/errors/overview). */
export interface MeiliErrorBody {
  message?: string;
  code?: string;
  type?: string;
  link?: string;
}

/** Meilisearch answered with a non-2xx status; `cause` holds its parsed error body. */
export class MeiliHttpError extends Error {
  override name = 'MeiliHttpError';
  readonly status: number;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly link: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, status: number, body: MeiliErrorBody, rawText: string) {
    const detail = body.message ?? (rawText.slice(0, 300) || '(empty body)');
    const code = body.code ? ` [${body.code}]` : '';
    const link = body.link ? ` See ${body.link}` : '';
    super(`Meilisearch ${method} ${path} failed with HTTP ${status}${code}: ${detail}${link}`, { cause: body });
    this.status = status;
    this.code = body.code;
    this.type = body.type;
    this.link = body.link;
    this.method = method;
    this.path = path;
  }
}

/** Meilisearch could not be reached (connection refused/reset, DNS, timeout); `cause` is the socket error. */
export class MeiliUnavailableError extends Error {
  override name = 'MeiliUnavailableError';
  readonly url: string;

  constructor(url: string, reason: string, cause: unknown) {
    super(`Meilisearch at ${url} is unavailable: ${reason}. Is the server running (see meilisearch.log) and MEILI_URL right?`, {
      cause,
    });
    this.url = url;
  }
}

const DEFAULT_TIMEOUT_MS = 5000;

/** Creates a keep-alive JSON HTTP client for one Meilisearch server (≈1 ms per loopback search vs ≈44 ms with fetch). */
export function createMeiliHttp({ url, apiKey, timeoutMs = DEFAULT_TIMEOUT_MS }: MeiliHttpOptions): MeiliHttp {
  const base = parseBaseUrl(url);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 32, scheduling: 'lifo' });
  const baseUrl = base.href.replace(/\/+$/, '');
  const defaults = defaultHeaders(apiKey);

  const send = (req: MeiliRawRequest): Promise<MeiliRawResponse> =>
    sendWithRetry({ transport, agent, base, baseUrl, timeoutMs }, { ...req, headers: { ...defaults, ...req.headers } });

  return {
    url: baseUrl,
    send,
    close: () => agent.destroy(),
    request: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const json = body === undefined ? undefined : JSON.stringify(body);
      const res = await send({ method, path, body: json });
      return parseJsonResponse<T>(method, path, res);
    },
  };
}

interface Target {
  transport: typeof http | typeof https;
  agent: http.Agent;
  base: URL;
  baseUrl: string;
  timeoutMs: number;
}

function parseBaseUrl(url: string): URL {
  let base: URL;
  try {
    base = new URL(url);
  } catch (error) {
    throw new TypeError(`Meilisearch URL is not valid: "${url}". Use e.g. http://127.0.0.1:7700`, { cause: error });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`Meilisearch URL must be http:// or https://, got "${url}".`);
  }
  return base;
}

function defaultHeaders(apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}

/** Node's documented keep-alive race: a reused socket the server just closed → retry once on a fresh one. */
async function sendWithRetry(target: Target, req: MeiliRawRequest): Promise<MeiliRawResponse> {
  try {
    return await sendOnce(target, req);
  } catch (error) {
    if (error instanceof StaleSocketError) return sendOnce(target, req);
    throw error;
  }
}

class StaleSocketError extends Error {}

function sendOnce(target: Target, req: MeiliRawRequest): Promise<MeiliRawResponse> {
  return new Promise((resolve, reject) => {
    const fullPath = joinPath(target.base, req.path);
    const where = `${target.baseUrl}${req.path}`;
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers = body === undefined ? req.headers : { ...req.headers, 'content-length': String(body.length) };
    const outgoing = target.transport.request({
      protocol: target.base.protocol,
      hostname: target.base.hostname,
      port: target.base.port,
      path: fullPath,
      method: req.method.toUpperCase(),
      agent: target.agent,
      ...(headers ? { headers } : {}),
    });
    const fail = (reason: string, cause: unknown): void => {
      cleanup();
      reject(new MeiliUnavailableError(where, reason, cause));
    };
    const timer = setTimeout(() => outgoing.destroy(new TimeoutError(target.timeoutMs)), target.timeoutMs);
    const onAbort = (): void => {
      outgoing.destroy(req.signal?.reason instanceof Error ? req.signal.reason : new Error('aborted'));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    };
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });

    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (outgoing.reusedSocket && error.code === 'ECONNRESET' && !req.signal?.aborted) {
        cleanup();
        reject(new StaleSocketError('stale keep-alive socket', { cause: error }));
        return;
      }
      if (req.signal?.aborted) {
        cleanup();
        reject(req.signal.reason);
        return;
      }
      fail(describeSocketError(error), error);
    });
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error) => fail(`response interrupted: ${error.message}`, error));
      incoming.on('end', () => {
        cleanup();
        resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: incoming.headers });
      });
    });
    outgoing.end(body);
  });
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
  }
}

function describeSocketError(error: NodeJS.ErrnoException): string {
  if (error instanceof TimeoutError) return error.message;
  return error.code ? `${error.code} (${error.message})` : error.message;
}

/** Joins the base URL's path prefix (if any) with the request path. */
function joinPath(base: URL, path: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

function parseJsonResponse<T>(method: string, path: string, res: MeiliRawResponse): T {
  if (res.status < 200 || res.status >= 300) {
    throw new MeiliHttpError(method.toUpperCase(), path, res.status, parseErrorBody(res.text), res.text);
  }
  if (res.text === '') return undefined as T;
  try {
    return JSON.parse(res.text) as T;
  } catch {
    throw new MeiliHttpError(
      method.toUpperCase(),
      path,
      res.status,
      { message: `answer is not JSON: ${res.text.slice(0, 200)}`, code: 'invalid_json_response' },
      res.text,
    );
  }
}

function parseErrorBody(text: string): MeiliErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as MeiliErrorBody) : {};
  } catch {
    return {};
  }
}

/** Signature of the `httpClient` option of the official `meilisearch` client 0.62 (`Config['httpClient']`). */
export type MeiliFetchLike = (...args: Parameters<typeof fetch>) => Promise<unknown>;

/** `new Meilisearch({ host, apiKey, httpClient: meiliHttpClientAdapter(http) })`; errors arrive as MeilisearchRequestError whose `cause` is a MeiliHttpError. */
export function meiliHttpClientAdapter(client: MeiliHttp): MeiliFetchLike {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = relativePath(client.url, url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const res = await client.send({
      method,
      path,
      headers: headersToRecord(init?.headers),
      body: bodyToSend(init?.body),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    return parseJsonResponse(method, path, res);
  };
}

function relativePath(baseUrl: string, url: URL): string {
  const base = new URL(baseUrl);
  if (url.origin !== base.origin) {
    throw new TypeError(
      `meiliHttpClientAdapter: request to ${url.href} does not match the client's URL ${baseUrl}; use the same host in both.`,
    );
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
  return `${path || '/'}${url.search}`;
}

function headersToRecord(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(init).forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

function bodyToSend(body: BodyInit | null | undefined): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(
    `meiliHttpClientAdapter supports string or byte bodies only, got ${Object.prototype.toString.call(body)}; send it as a string.`,
  );
}
