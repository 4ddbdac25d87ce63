/** The CSV export of the directory's current filter, written as a stream of chunks (the answer never sits whole in memory). */
import { sortClusters } from '../lib/directory/listing';
import type { DirectoryQuery } from '../lib/directory/query';
import { CLUSTER_EXPORT_COLUMNS, toClusterExportRow, type ExportIndicators } from '../lib/export/cluster-rows';
import { CSV_BOM, csvLine } from '../lib/export/csv-writer';
import type { IndicatorKey } from '../lib/profile/vocabulary';
import { listMatching } from './directory';
import type { Store } from './store';

/** Rows written per chunk of the stream. */
const ROWS_PER_CHUNK = 500;

/** Indicator values of the year by cluster slug. */
async function indicatorsBySlug(store: Store, year: number | null): Promise<Map<string, ExportIndicators>> {
  const bySlug = new Map<string, ExportIndicators>();
  if (year === null) return bySlug;
  for (const row of await store.clusters.listPublicIndicators(year)) {
    const entry = bySlug.get(row.slug) ?? {};
    entry[row.indicator as IndicatorKey] = { value: row.value, source: row.source };
    bySlug.set(row.slug, entry);
  }
  return bySlug;
}

/** The export of the clusters matching the directory query, in its sort order, as a UTF-8 CSV stream with a BOM and a header. */
export async function clusterCsvStream(store: Store, query: Pick<DirectoryQuery, 'industryGroup' | 'region' | 'status' | 'year' | 'sort'>, origin: string): Promise<ReadableStream<Uint8Array>> {
  const { year, items } = await listMatching(store, query);
  const sorted = sortClusters(items, query.sort, 'en');
  const indicators = await indicatorsBySlug(store, year);
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(CLUSTER_EXPORT_COLUMNS)));
    },
    pull(controller) {
      const chunk = sorted.slice(next, next + ROWS_PER_CHUNK);
      next += chunk.length;
      if (chunk.length > 0) controller.enqueue(encoder.encode(chunk.map((c) => csvLine(toClusterExportRow(c, c.analytics, indicators.get(c.slug) ?? {}, year, origin))).join('')));
      if (next >= sorted.length) controller.close();
    },
  });
}
