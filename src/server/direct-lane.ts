import type { IncomingMessage, ServerResponse } from 'node:http';
import { searchAnswer } from './api/search-answer';
import { internalErrorAnswer, JSON_HEADERS, type JsonAnswer } from './http';

/**
 * GET routes the built server (scripts/server.mjs) answers on node's own request and response, skipping the
 * conversion to Web Request/Response and Astro's pipeline (≈0.7 ms per search at p50 when added, measured by
 * npm run bench:search). Built as its own entry (astro.config.mjs) so it shares the store with Astro's pages.
 */
const DIRECT_ROUTES: ReadonlyMap<string, (params: URLSearchParams) => Promise<JsonAnswer>> = new Map([['/api/v1/search', searchAnswer]]);

/** Writes a JSON answer in one piece, with its length (no chunked encoding). */
function writeAnswer(res: ServerResponse, answer: JsonAnswer): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...JSON_HEADERS, ...answer.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers the request if it is a GET of a direct route and returns true; false leaves it to Astro. */
export function answerDirectly(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const route = DIRECT_ROUTES.get(pathname);
  if (!route) return false;
  const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  route(params)
    .catch((error: unknown) => internalErrorAnswer('GET', pathname, error))
    .then((answer) => writeAnswer(res, answer))
    .catch((error: unknown) => {
      console.error(`[api] GET ${pathname}: could not write the answer:`, error);
      res.destroy();
    });
  return true;
}
