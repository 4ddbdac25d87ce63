import { defineMiddleware } from 'astro:middleware';
import { resolveSession } from './server/auth/accounts';
import { SESSION_COOKIE } from './server/auth/session-cookie';
import { DATA_ONLY_ROUTES } from './server/gate/cacheable-routes';
import { CACHE_SCOPE_DATA, CACHE_SCOPE_HEADER } from './server/gate/page-cache';
import { getStore } from './server/store';
import { STORAGE_RETRY_AFTER_S } from './server/db/storage-errors';

/**
 * Runs for every Astro route (the built server's gate, src/server/gate/gate.ts, runs before it for every request):
 * resolves the session cookie into `locals.user`, logs the cause of a failed request (the 500 page shows the
 * visitor a plain message) and marks the answers of data-only routes so the gate may cache them per data version.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  let response: Response;
  try {
    context.locals.user = null;
    const token = context.cookies.get(SESSION_COOKIE)?.value;
    // Only a well-formed token is looked up (43 base64url characters); anything else is simply not a session.
    if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) context.locals.user = await resolveSession(await getStore(), token);
    response = await next();
  } catch (error) {
    console.error(`[page] ${context.request.method} ${context.url.pathname} failed:`, error);
    throw error;
  }
  if (context.locals.storageProblem) {
    // A form's write refused by a full or read-only DATA_DIR: the page says so (BaseLayout) and the answer is the
    // API's 503 with Retry-After (src/server/http.ts), whatever status the page chose for its own outcomes.
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(STORAGE_RETRY_AFTER_S));
    return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
  }
  if (response.status === 200 && context.request.method === 'GET' && DATA_ONLY_ROUTES.has(context.routePattern) && context.locals.user === null) {
    try {
      response.headers.set(CACHE_SCOPE_HEADER, CACHE_SCOPE_DATA);
    } catch {
      // Immutable headers (a fetched or redirected Response): simply not cached.
    }
  }
  return response;
});
