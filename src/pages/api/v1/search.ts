import type { APIRoute } from 'astro';
import { searchAnswer } from '../../../server/api/search-answer';
import { answerResponse, guardApi } from '../../../server/http';

/**
 * GET /api/v1/search?q=&industryGroup=&region=&status=&scenario=&sort=&page=&perPage=&lang=&bbox=
 * → { mode: "meilisearch"|"fallback", total, page, perPage, pages, hits, facets }; 400 names each bad parameter.
 * Highlights in hits are HTML (text escaped, matches in <mark>). The built server answers this route on its
 * direct lane (src/server/direct-lane.ts) with the same function; this route serves `astro dev`.
 */
export const GET: APIRoute = ({ request, url }) => guardApi(request, async () => answerResponse(await searchAnswer(url.searchParams)));
