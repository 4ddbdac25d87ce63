/**
 * Which methods each path answers, decided before any route runs: unknown methods (TRACE, CONNECT, made-up
 * ones) never reach Astro, pages answer GET and HEAD (POST only to Astro Actions), and `/api/*` answers a wrong
 * method or an unknown path in JSON. The API table is checked against src/pages/api by a test, so it cannot drift.
 */

/** Methods the portal answers at all; anything else gets 501. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Methods a page answers (POST goes to Astro Actions, whose form posts carry `?_action=` or use /_actions/). */
export const PAGE_METHODS = ['GET', 'HEAD'] as const;

/** One JSON API route: its path pattern and the methods it answers. */
export interface ApiRoute {
  pattern: RegExp;
  methods: readonly string[];
  /** A public read route: any web page may call it (CORS for GET and HEAD, OPTIONS answers the preflight; src/server/gate/cors.ts). */
  publicRead?: true;
}

/** Every route under /api (mirrors src/pages/api; tests/unit/gate/method-policy.test.ts keeps them in step). */
export const API_ROUTES: readonly ApiRoute[] = [
  { pattern: /^\/api\/v1\/health$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/search$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\.geojson$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\.csv$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\.json$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\.export\.geojson$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\/[^/]+$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/clusters\/[^/]+\/contact$/, methods: ['POST'] },
  { pattern: /^\/api\/v1\/partners$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/openapi\.json$/, methods: ['GET', 'HEAD'], publicRead: true },
  { pattern: /^\/api\/v1\/accounts$/, methods: ['POST'] },
  { pattern: /^\/api\/v1\/auth\/tokens$/, methods: ['POST'] },
  { pattern: /^\/api\/v1\/me\/clusters$/, methods: ['GET', 'HEAD', 'POST'] },
  { pattern: /^\/api\/v1\/me\/clusters\/[^/]+$/, methods: ['GET', 'HEAD', 'PUT'] },
  { pattern: /^\/api\/v1\/me\/clusters\/[^/]+\/submit$/, methods: ['POST'] },
  { pattern: /^\/api\/v1\/moderation\/[^/]+\/approve$/, methods: ['POST'] },
  { pattern: /^\/api\/v1\/moderation\/[^/]+\/return$/, methods: ['POST'] },
];

/** What the gate answers instead of the route, when the method or path is refused. */
export interface MethodRefusal {
  status: 404 | 405 | 501;
  /** The methods the path does answer (the Allow header), when known. */
  allow?: string;
  /** Whether the answer is JSON (under /api) or plain text. */
  json: boolean;
  message: string;
}

/** Whether the request is an Astro Action (a form post or the client's call), the only POST a page takes. */
function isActionRequest(pathname: string, search: string): boolean {
  return pathname.startsWith('/_actions/') || /(^|[?&])_action=/.test(search);
}

/** The methods a route answers: its own, and OPTIONS (the CORS preflight, answered by the gate) on a public read route. */
export function allowedMethods(route: ApiRoute): readonly string[] {
  return route.publicRead ? [...route.methods, 'OPTIONS'] : route.methods;
}

/** The API route of a path, if any. */
export function findApiRoute(pathname: string): ApiRoute | undefined {
  return API_ROUTES.find((r) => r.pattern.test(pathname));
}

/** null when the route may run; otherwise the refusal (405 with Allow, 404 for an unknown API path, 501 for an unknown method). */
export function refuseMethod(method: string, pathname: string, search = ''): MethodRefusal | null {
  // /api itself is the reference page (src/pages/[...lang]/api.astro); the routes are below it.
  const api = pathname.startsWith('/api/');
  if (!KNOWN_METHODS.has(method)) return { status: 501, json: api, message: `the portal does not answer the method ${method}` };
  if (api) {
    const route = findApiRoute(pathname);
    if (!route) return { status: 404, json: true, message: `no API route at ${pathname}; the routes are described at /api and /api/v1/openapi.json` };
    const methods = allowedMethods(route);
    if (!methods.includes(method)) return { status: 405, allow: methods.join(', '), json: true, message: `${pathname} answers ${methods.join(', ')}, not ${method}` };
    return null;
  }
  if ((PAGE_METHODS as readonly string[]).includes(method)) return null;
  if (method === 'POST' && isActionRequest(pathname, search)) return null;
  return { status: 405, allow: PAGE_METHODS.join(', '), json: false, message: `${pathname} answers ${PAGE_METHODS.join(', ')}, not ${method}` };
}
