import type { APIRoute } from 'astro';
import { parseQuery } from '../../../lib/directory/query';
import { EXPORT_LICENCE, EXPORT_SOURCES } from '../../../lib/export/data-notice';
import { etagMatches } from '../../../lib/map/etag';
import { mapQuerySchema, needsSearch } from '../../../lib/map/query';
import { badRequest, guardApi } from '../../../server/http';
import { geojsonBody } from '../../../server/map/geojson-body';
import { loadMapDataset, mapDataEtag } from '../../../server/map/map-data';
import { getStore } from '../../../server/store';

/** Clients may keep a copy but must revalidate it (ETag) before every use. */
const CACHE_HEADERS = { 'cache-control': 'no-cache' };

/** 304 with the validator and caching headers only. */
function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { ...CACHE_HEADERS, etag, vary: 'accept-encoding' } });
}

/**
 * GET /api/v1/clusters.geojson: public clusters as a GeoJSON FeatureCollection of Points ([lon, lat]) with the
 * popup fields. Accepts the /search parameters (q, industryGroup, region, scenario, bbox, sort, page, perPage,
 * lang) plus status and year; page, perPage, sort and lang do not change the features. ETag + If-None-Match → 304.
 */
export const GET: APIRoute = ({ request, url }) =>
  guardApi(request, async () => {
    const parsed = parseQuery(mapQuerySchema, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const store = await getStore();
    const query = parsed.value;
    const early = needsSearch(query) ? null : await mapDataEtag(store, query);
    if (early && etagMatches(request.headers.get('if-none-match'), early)) return notModified(early);
    const dataset = await loadMapDataset(store, query);
    const etag = early ?? (await mapDataEtag(store, query, { source: dataset.source, slugs: dataset.items.map((c) => c.slug) }));
    if (etagMatches(request.headers.get('if-none-match'), etag)) return notModified(etag);
    // Uncompressed: the gate compresses (brotli or gzip) and caches the compressed copies of public answers.
    const body = geojsonBody(`${store.config.dataDir}|${etag}`, dataset);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'application/geo+json; charset=utf-8',
        etag,
        vary: 'accept-encoding',
        'x-map-source': dataset.source,
        // Also the Download control's GeoJSON: the data's sources and terms beside the file, as for the other exports.
        'x-data-sources': EXPORT_SOURCES,
        'x-data-licence': EXPORT_LICENCE,
        ...CACHE_HEADERS,
      },
    });
  });
