/**
 * GET /api/v1/clusters.csv and /api/v1/clusters.json: the clusters of a directory or search view (the page's own
 * query string) as a streamed file. Shared by the Astro routes (`astro dev`) and the server's gate, which writes
 * the stream to the socket with backpressure (Astro's own writer does not wait for a slow client).
 */
import { parseQuery } from '../../lib/directory/query';
import { EXPORT_LICENCE, EXPORT_SOURCES } from '../../lib/export/data-notice';
import { exportQuerySchema } from '../../lib/export/export-query';
import { EXPORT_FORMATS, indicatorsByKey, type ExportFormatName, type ExportItem } from '../../lib/export/formats';
import type { YearAnalytics } from '../../lib/indexing/year-analytics';
import type { ClusterExportRecord } from '../db/store-interfaces';
import { answerResponse, badRequest, internalErrorAnswer } from '../http';
import { readPublicUrl } from '../mail/public-url';
import type { Store } from '../store';
import { selectExport } from './order';
import { exportStream } from './stream';

/** The store's records as export items: indicators by key, the year's analytics attached. */
async function* toExportItems(records: AsyncIterable<ClusterExportRecord>, analytics: YearAnalytics | null): AsyncGenerator<ExportItem> {
  for await (const record of records) yield { ...record, indicators: indicatorsByKey(record.indicators), analytics: analytics?.clusters.get(record.slug) ?? null };
}

/** The export of the query in the format: 200 with the streamed file, or 400 naming each bad parameter. */
export async function exportResponse(store: Store, format: ExportFormatName, params: URLSearchParams, origin = readPublicUrl()): Promise<Response> {
  const parsed = parseQuery(exportQuerySchema, params);
  if (!parsed.ok) return badRequest(parsed.problems);
  const selection = await selectExport(store, parsed.value);
  if (typeof selection === 'string') return badRequest([{ field: 'sort', message: selection }]);
  const spec = EXPORT_FORMATS[format];
  const items = toExportItems(store.clusters.iteratePublicForExport(selection.slugs, selection.year), selection.analytics);
  return new Response(exportStream(items, spec, { year: selection.year, origin }), {
    headers: {
      'content-type': spec.contentType,
      'content-disposition': `attachment; filename="${spec.filename}"`,
      'cache-control': 'no-store',
      'x-export-source': selection.source,
      // The data's sources and terms beside the file (JSON carries them inside; the CSV names each row's sources in a column).
      'x-data-sources': EXPORT_SOURCES,
      'x-data-licence': EXPORT_LICENCE,
      link: '</en/clusters>; rel="describedby"',
    },
  });
}

/** exportResponse with unexpected failures logged and answered as a plain 500 (before the stream starts). */
export async function guardedExportResponse(store: Promise<Store>, format: ExportFormatName, url: URL): Promise<Response> {
  try {
    return await exportResponse(await store, format, url.searchParams);
  } catch (error) {
    return answerResponse(internalErrorAnswer('GET', url.pathname, error));
  }
}
