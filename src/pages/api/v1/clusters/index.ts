import type { APIRoute } from 'astro';
import type { z } from 'zod';
import type { clusterListAnswerSchema } from '../../../../lib/api/answers';
import { linkHeader, pageLinks } from '../../../../lib/api/page-links';
import { directoryQuerySchema, parseQuery } from '../../../../lib/directory/query';
import { API_LANG } from '../../../../lib/i18n/locales';
import { toListItemJson } from '../../../../server/api/cluster-json';
import { listDirectory } from '../../../../server/directory';
import { badRequest, guardApi, json } from '../../../../server/http';
import { getStore } from '../../../../server/store';

/** GET /api/v1/clusters: public clusters with the directory's filters, sorting and paging (page links in `links` and the Link header). */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const parsed = parseQuery(directoryQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const page = await listDirectory(await getStore(), parsed.value, API_LANG);
    const links = pageLinks(url.pathname, url.searchParams, page.page, page.pages);
    const body: z.input<typeof clusterListAnswerSchema> = {
      total: page.total,
      page: page.page,
      perPage: page.perPage,
      pages: page.pages,
      links,
      year: page.year,
      items: page.items.map((item) => toListItemJson(item, page.year)),
    };
    return json(body, 200, { link: linkHeader(links) });
  });
