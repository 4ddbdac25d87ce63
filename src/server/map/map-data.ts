import { computeMapEtag, hashString } from '../../lib/map/etag';
import type { MapClusterInput } from '../../lib/map/geojson';
import { canonicalMapQuery, needsSearch, type MapQuery } from '../../lib/map/query';
import type { SearchMode } from '../../lib/search/result';
import { listMatching, type DirectoryItem } from '../directory';
import type { Store } from '../store';
import { LruCache } from './memo';
import { matchSlugsForMap } from './search-adapter';

/** A cluster on the map: the directory item (summary + analytics) and its scenario code. */
export interface MapItem extends DirectoryItem {
  scenario: MapClusterInput['scenario'];
}

/** The clusters a map query selects, the year of their index, and who answered: the store alone or the search. */
export interface MapDataset {
  year: number | null;
  source: 'store' | SearchMode;
  items: MapItem[];
}

/** Store-only data sets by ETag (data version + settings + filters): the map page and its GeoJSON request share one computation. */
const datasets = new LruCache<MapDataset>(8);

/**
 * The public clusters matching a map query. Directory filters and the scenario come from the store
 * (always available); q and bbox go through the search, keeping the search's order (relevance).
 * Store-only answers are cached until the data version changes (search answers are not: the index lags writes).
 */
export async function loadMapDataset(store: Store, query: Partial<MapQuery>): Promise<MapDataset> {
  if (needsSearch(query)) return computeMapDataset(store, query);
  return datasets.getOrCompute(`${store.config.dataDir}|${await mapDataEtag(store, query)}`, () => computeMapDataset(store, query));
}

/** Computes the data set of a map query (see loadMapDataset). */
async function computeMapDataset(store: Store, query: Partial<MapQuery>): Promise<MapDataset> {
  const { year, items } = await listMatching(store, query);
  const withScenario = items
    .map((c) => ({ ...c, scenario: c.analytics?.scenario.code ?? 'unknown' }) as MapItem)
    .filter((c) => !query.scenario || c.scenario === query.scenario);
  if (!needsSearch(query)) return { year, source: 'store', items: withScenario };
  const { mode, slugs } = await matchSlugsForMap(store, query);
  const bySlug = new Map(withScenario.map((c) => [c.slug, c]));
  return { year, source: mode, items: slugs.map((s) => bySlug.get(s)).filter((c): c is MapItem => c !== undefined) };
}

/** The fields a map feature needs of an item. */
export function toMapClusterInput(item: MapItem): MapClusterInput {
  const { slug, name, city, region, industryGroup, location, index, scenario } = item;
  return { slug, name, city, region, industryGroup, location, index, scenario };
}

/**
 * ETag of the map data for a query: data version + index settings + canonical filters. Known before any
 * work for store-only queries; search answers can change without a write (the index catches up later),
 * so for them pass the answer's slugs as `searched`.
 */
export async function mapDataEtag(store: Store, query: Partial<MapQuery>, searched?: { source: string; slugs: string[] }): Promise<string> {
  return computeMapEtag({
    dataVersion: await store.clusters.dataVersion(),
    settings: JSON.stringify(store.settings.index),
    query: canonicalMapQuery(query),
    extra: searched ? `${searched.source}:${hashString(searched.slugs.join(','))}` : undefined,
  });
}
