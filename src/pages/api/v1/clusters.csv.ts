import type { APIRoute } from 'astro';
import { exportQuerySchema, parseQuery } from '../../../lib/directory/query';
import { readPublicUrl } from '../../../server/mail/public-url';
import { clusterCsvStream } from '../../../server/export';
import { badRequest, guardApi } from '../../../server/http';
import { getStore } from '../../../server/store';

/** GET /api/v1/clusters.csv: the directory's current filter as CSV (UTF-8 with BOM, one line per cluster). */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const parsed = parseQuery(exportQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const body = await clusterCsvStream(await getStore(), parsed.value, readPublicUrl());
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': 'attachment; filename="clusters.csv"',
        // The data's sources and licence, beside the file (the indicator sources are also in its last column).
        link: '</en/clusters>; rel="describedby"',
        'x-data-sources':
          'Indicators: Ministry of Economic Development of the Russian Federation (2012), HSE (2015), Table 4; facts and names: public sources named on each profile; regions: Natural Earth (public domain)',
      },
    });
  });
