import type { APIRoute } from 'astro';
import { directoryQuerySchema, parseQuery } from '../../../../lib/directory/query';
import { API_LANG } from '../../../../lib/i18n/locales';
import { toListItemJson } from '../../../../server/api/cluster-json';
import { listDirectory } from '../../../../server/directory';
import { badRequest, guardApi, json } from '../../../../server/http';
import { getStore } from '../../../../server/store';

/** GET /api/v1/clusters: public clusters with the directory's filters, sorting and paging. */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const parsed = parseQuery(directoryQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const page = await listDirectory(await getStore(), parsed.value, API_LANG);
    return json({
      total: page.total,
      page: page.page,
      perPage: page.perPage,
      pages: page.pages,
      year: page.year,
      items: page.items.map((item) => toListItemJson(item, page.year)),
    });
  });
