import type { z } from 'zod';
import type { searchAnswerSchema } from '../../lib/api/answers';
import { linkHeader, pageLinks } from '../../lib/api/page-links';
import { parseQuery } from '../../lib/directory/query';
import { searchQuerySchema } from '../../lib/search/query';
import { badRequestAnswer, type JsonAnswer } from '../http';
import { searchClusters, type SearchTiming } from '../search/service';
import { getStore } from '../store';

/** The search API's path (its page links point there). */
const SEARCH_PATH = '/api/v1/search';

/**
 * GET /api/v1/search for these query parameters: 200 with { mode, total, page, perPage, pages, links, hits, facets },
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
  const links = pageLinks(SEARCH_PATH, params, result.page, result.pages);
  const body: z.input<typeof searchAnswerSchema> = { ...result, links };
  return { status: 200, body, headers: { 'cache-control': 'no-store', link: linkHeader(links), 'server-timing': `search;dur=${(performance.now() - started).toFixed(2)}${meili}` } };
}
