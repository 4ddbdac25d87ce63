import type { APIRoute } from 'astro';
import { parseQuery } from '../../../lib/directory/query';
import { searchQuerySchema } from '../../../lib/search/query';
import { badRequest, guardApi, json } from '../../../server/http';
import { searchClusters } from '../../../server/search/service';
import { getStore } from '../../../server/store';

/**
 * GET /api/v1/search?q=&industryGroup=&region=&status=&scenario=&sort=&page=&perPage=&lang=&bbox=
 * → { mode: "meilisearch"|"fallback", total, page, perPage, pages, hits, facets }; 400 names each bad parameter.
 * Highlights in hits are HTML (text escaped, matches in <mark>).
 */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const started = performance.now();
    const parsed = parseQuery(searchQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const result = await searchClusters(getStore(), parsed.value);
    // Server-Timing lets clients and the benchmark tell the portal's own time from the network's.
    return json(result, 200, { 'cache-control': 'no-store', 'server-timing': `search;dur=${(performance.now() - started).toFixed(2)}` });
  });
