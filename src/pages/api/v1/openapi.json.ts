import type { APIRoute } from 'astro';
import { openApiCached } from '../../../server/api/openapi';
import { guardApi, JSON_HEADERS } from '../../../server/http';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of this API (built once, with its ETag; the gate answers 304). */
export const GET: APIRoute = ({ request }) =>
  guardApi(request, () => {
    const { text, etag } = openApiCached();
    return new Response(text, { headers: { ...JSON_HEADERS, etag, 'cache-control': 'no-cache' } });
  });
