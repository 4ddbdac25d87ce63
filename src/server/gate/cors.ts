import type { BufferedAnswer } from './answer';
import { allowedMethods, findApiRoute } from './method-policy';

/**
 * CORS for the public read API: any web page may GET (and HEAD) the routes marked `publicRead` in API_ROUTES, without
 * credentials (Access-Control-Allow-Origin: *, never with Allow-Credentials, so a browser sends no cookie along).
 * Write routes and the token routes get no CORS headers, so a browser keeps other sites from calling them.
 */

/** The CORS headers of every answer of a public read route to GET or HEAD (errors too, so a page can read them). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  // Response headers a page may read besides the CORS-safelisted ones.
  'access-control-expose-headers': 'ETag, Link, Retry-After, Content-Disposition, X-Map-Source',
};

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 86_400;

/** The CORS headers for a request, or null when it is not a GET, HEAD or OPTIONS to a public read route. */
export function corsHeaders(method: string, pathname: string): Readonly<Record<string, string>> | null {
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') return null;
  return findApiRoute(pathname)?.publicRead ? CORS_HEADERS : null;
}

/** 204 to a preflight (OPTIONS) of a public read route: GET and HEAD, with the request headers a reader sends. */
export function preflightAnswer(pathname: string): BufferedAnswer {
  const route = findApiRoute(pathname);
  const methods = route ? allowedMethods(route).join(', ') : 'GET, HEAD, OPTIONS';
  return {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      allow: methods,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': 'Accept, Accept-Language, If-None-Match',
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
      'cache-control': 'no-store',
    },
    body: Buffer.alloc(0),
  };
}
