import type { APIRoute } from 'astro';
import { parseQuery } from '../../../lib/directory/query';
import { hasCriteria, partnerQuerySchema } from '../../../lib/matching';
import { toPartnersJson } from '../../../server/api/partners-json';
import { badRequest, guardApi, json } from '../../../server/http';
import { findPartners } from '../../../server/partners';
import { getStore } from '../../../server/store';

/** GET /api/v1/partners: clusters ranked for a partner search (industryGroup, q, region, area, country), each with its reasons. */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const parsed = parseQuery(partnerQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const results = hasCriteria(parsed.value) ? await findPartners(await getStore(), parsed.value) : [];
    return json(toPartnersJson(parsed.value, results));
  });
