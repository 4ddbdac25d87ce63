import { parseQuery } from '../../lib/directory/query';
import { searchQuerySchema } from '../../lib/search/query';
import { badRequestAnswer, type JsonAnswer } from '../http';
import { searchClusters, type SearchTiming } from '../search/service';
import { getStore } from '../store';

/**
 * GET /api/v1/search for these query parameters: 200 with { mode, total, page, perPage, pages, hits, facets },
 * or 400 naming each bad parameter. Shared by the Astro route and the server's direct lane.
 */
export async function searchAnswer(params: URLSearchParams): Promise<JsonAnswer> {
  const started = performance.now();
  const parsed = parseQuery(searchQuerySchema, params);
  if (!parsed.ok) return badRequestAnswer(parsed.problems);
  const timing: SearchTiming = {};
  const result = await searchClusters(await getStore(), parsed.value, timing);
  // Server-Timing lets clients and the benchmark tell the portal's own time from Meilisearch's and the network's.
  const meili = timing.meiliMs === undefined ? '' : `, meili;dur=${timing.meiliMs.toFixed(2)}`;
  return { status: 200, body: result, headers: { 'cache-control': 'no-store', 'server-timing': `search;dur=${(performance.now() - started).toFixed(2)}${meili}` } };
}
