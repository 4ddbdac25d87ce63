import { bboxContains } from '../../lib/map/bbox';
import { matchesAllWords } from '../../lib/map/text-match';
import { mapFilterParams, type MapQuery } from '../../lib/map/query';
import { INDUSTRY_GROUP_LABELS } from '../../lib/i18n';
import { findRegion } from '../../lib/regions';
import type { Store } from '../store';

/**
 * The one place where the map asks the search for clusters matching free text (q) and an area (bbox).
 *
 * Wiring (issue 4): once src/server/search/service.ts exports matchingSlugs(store, query) and
 * src/lib/search/query.ts exports searchQuerySchema, replace the body of matchSlugsForMap with
 *   return matchingSlugs(store, searchQuerySchema.parse(Object.fromEntries(toSearchParams(query))));
 * Until then, matching runs here over the store: the same area test, words matched as substrings.
 */

/** Parameters both /search and the map know; status and year are the map's own and filtered by the store. */
const SEARCH_FILTER_KEYS = ['q', 'industryGroup', 'region', 'scenario', 'bbox'] as const;

/** The query as /search parameters (bbox as "minLon,minLat,maxLon,maxLat"), for searchQuerySchema. */
export function toSearchParams(query: Partial<MapQuery>): URLSearchParams {
  const all = mapFilterParams(query);
  return new URLSearchParams([...all].filter(([key]) => (SEARCH_FILTER_KEYS as readonly string[]).includes(key)));
}

/** Which engine answered: Meilisearch, the search service's reduced mode, or this store-only stand-in. */
export type SearchMode = 'meilisearch' | 'fallback';

/** Slugs of the public clusters matching the query's text and area (other filters are applied by the caller). */
export async function matchSlugsForMap(store: Store, query: Partial<MapQuery>): Promise<{ mode: SearchMode; slugs: string[] }> {
  const slugs = store.clusters
    .listPublic()
    .filter((c) => !query.bbox || bboxContains(query.bbox, c.location))
    .filter((c) => !query.q || matchesAllWords(searchableTexts(c), query.q))
    .map((c) => c.slug);
  return { mode: 'fallback', slugs };
}

/** Texts a visitor may type to find a cluster: names, city, region and industry group in both languages. */
function searchableTexts(c: ReturnType<Store['clusters']['listPublic']>[number]): string[] {
  const region = findRegion(c.region);
  const group = INDUSTRY_GROUP_LABELS[c.industryGroup];
  return [c.slug, c.name.ru, c.name.en, c.city.ru ?? '', c.city.en ?? '', region?.name.ru ?? '', region?.name.en ?? '', group.ru, group.en];
}
