import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import etag from 'etag';
import fresh from 'fresh';
import { COMPRESS_MIN_BYTES, isCompressibleType, negotiateEncoding, type Encoding } from './compression';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A complete answer held in memory: what Astro or a direct route produced, before it goes on the wire. */
export interface BufferedAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Strong validator of the body; computed by {@link withValidator}. */
  etag?: string;
  /** The body already compressed (cached pages are compressed once, not per request). */
  compressed?: Partial<Record<Encoding, Buffer>>;
}

const ALL_ENCODINGS: ReadonlySet<Encoding> = new Set(['br', 'gzip']);

/** Compresses a body for one response: brotli quality 4 (as the `compression` middleware) or gzip level 6. */
function compressForOneResponse(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipAsync(body, { level: 6 });
}

/** Whether an answer may be revalidated and compressed: a successful text body that is not `no-store`. */
function isTextAnswer(answer: BufferedAnswer): boolean {
  return isCompressibleType(String(answer.headers['content-type'] ?? '')) && answer.body.length >= COMPRESS_MIN_BYTES;
}

/** The answer with an ETag when it is a 200 that a client may revalidate (not `no-store`). */
export function withValidator(answer: BufferedAnswer): BufferedAnswer {
  // A route's own validator wins (the GeoJSON's names the data it was built from, before serializing it).
  if (!answer.etag && typeof answer.headers.etag === 'string') return { ...answer, etag: answer.headers.etag };
  if (answer.etag || answer.status !== 200 || /no-store/.test(String(answer.headers['cache-control'] ?? ''))) return answer;
  return { ...answer, etag: etag(answer.body) };
}

/** Adds a token to the Vary header without repeating it. */
function addVary(res: ServerResponse, token: string): void {
  const current = String(res.getHeader('vary') ?? '');
  if (!current.split(',').some((t) => t.trim().toLowerCase() === token.toLowerCase())) res.setHeader('vary', current ? `${current}, ${token}` : token);
}

/**
 * Writes a complete answer: its headers, 304 when the client's If-None-Match still holds, the body compressed
 * when the client accepts br or gzip (once-compressed copies first), with its length; no body for HEAD.
 */
export async function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: BufferedAnswer): Promise<void> {
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) res.setHeader(name, value);
  if (answer.etag) res.setHeader('etag', answer.etag);
  // Only If-None-Match is passed on: `fresh` treats a request's Cache-Control: no-cache as "send it all", which
  // is right for caches in between but not for the origin (fetch() adds no-cache to every conditional request).
  if (answer.etag && (req.method === 'GET' || req.method === 'HEAD') && fresh({ 'if-none-match': req.headers['if-none-match'] }, { etag: answer.etag })) {
    res.statusCode = 304;
    for (const name of ['content-type', 'content-length', 'content-encoding']) res.removeHeader(name);
    return void res.end();
  }
  let body = answer.body;
  // A route that encoded its body itself keeps its Content-Encoding; the gate never encodes twice.
  const preEncoded = /^(br|gzip|deflate)$/i.test(String(answer.headers['content-encoding'] ?? ''));
  if (!preEncoded && isTextAnswer(answer)) {
    addVary(res, 'Accept-Encoding');
    const encoding = negotiateEncoding(req.headers['accept-encoding'], ALL_ENCODINGS);
    if (encoding) {
      body = answer.compressed?.[encoding] ?? (await compressForOneResponse(body, encoding));
      res.setHeader('content-encoding', encoding);
    }
  }
  res.statusCode = answer.status;
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Runs `produce` against `res` and collects what it writes (status, headers, body) instead of sending it, so
 * the gate can add validators, compress and cache it. `res` is restored before the promise resolves.
 */
export function bufferAnswer(res: ServerResponse, produce: () => unknown): Promise<BufferedAnswer> {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  const chunks: Buffer[] = [];
  let status = 200;
  const toBuffer = (chunk: unknown, encoding?: BufferEncoding) => (Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array));
  return new Promise<BufferedAnswer>((resolve, reject) => {
    const finish = () => {
      Object.assign(res, original);
      const headers = res.getHeaders();
      for (const name of Object.keys(headers)) res.removeHeader(name);
      resolve({ status, headers, body: Buffer.concat(chunks) });
    };
    res.writeHead = function writeHead(code: number, ...rest: unknown[]) {
      status = code;
      const headers = rest.find((r) => r && typeof r === 'object') as OutgoingHttpHeaders | [string, string][] | undefined;
      if (Array.isArray(headers)) for (const [name, value] of headers) res.setHeader(name, value);
      else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      return res;
    } as ServerResponse['writeHead'];
    res.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    } as ServerResponse['write'];
    res.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined));
      if (res.statusCode !== 200 && status === 200) status = res.statusCode;
      finish();
      const done = [chunk, encoding, callback].find((c) => typeof c === 'function');
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return res;
    } as ServerResponse['end'];
    Promise.resolve()
      .then(produce)
      .catch((error: unknown) => {
        Object.assign(res, original);
        reject(error);
      });
  });
}

/** How long a streamed answer may wait for its client to take any data before the connection is cut. */
export const STREAM_IDLE_TIMEOUT_MS = 60_000;

/**
 * Writes a Web Response whose body is a stream (an export) as it comes, with backpressure: the next chunk is
 * pulled only when the socket took the last one, compressed on the way when the client accepts br or gzip (brotli
 * quality 4, as for rendered answers). No validator and no cache: the body is never whole. A client that goes
 * away cancels the body (which stops its producer); a producer that fails mid-way is logged and the connection
 * cut, so the client sees an incomplete transfer, never a file that looks whole.
 */
export async function writeStreamedResponse(req: IncomingMessage, res: ServerResponse, response: Response, idleTimeoutMs = STREAM_IDLE_TIMEOUT_MS): Promise<void> {
  // A client that stops reading but keeps the connection would hold the export (and its snapshot of the store) for
  // good: after this long without any byte moving, the connection is cut and the body cancelled.
  res.setTimeout(idleTimeoutMs, () => res.destroy());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel();
    return void res.end();
  }
  const source = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  const encoding = isCompressibleType(response.headers.get('content-type') ?? '') ? negotiateEncoding(req.headers['accept-encoding'], ALL_ENCODINGS) : null;
  if (isCompressibleType(response.headers.get('content-type') ?? '')) addVary(res, 'Accept-Encoding');
  try {
    if (encoding) {
      res.setHeader('content-encoding', encoding);
      const compress = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
      await pipeline(source, compress, res);
    } else await pipeline(source, res);
  } catch (error) {
    // The client closing the connection is not a failure of the portal.
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`[gate] ${req.method} ${req.url} failed while streaming:`, error);
    res.destroy();
  }
}
