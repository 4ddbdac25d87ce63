import type { MapQuery } from '../../lib/map/query';
import type { SearchMode } from '../../lib/search/result';
import { matchingSlugs } from '../search/service';
import type { Store } from '../store';

/**
 * The map's one door to the search: slugs of the public clusters matching the free text (q) and the area
 * (bbox, Meilisearch _geoBoundingBox; FTS5 + coordinates in the search's reduced mode). Only q and bbox are
 * passed: the other filters, and the scenario of a chosen year, are applied from the store by the caller.
 */
export async function matchSlugsForMap(store: Store, query: Pick<Partial<MapQuery>, 'q' | 'bbox'>): Promise<{ mode: SearchMode; slugs: string[] }> {
  return matchingSlugs(store, { q: query.q?.trim() ?? '', bbox: query.bbox });
}
