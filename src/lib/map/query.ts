import type { z } from 'zod';
import { PER_PAGE_MAX, directoryQuerySchema } from '../directory/query';
import { searchQuerySchema } from '../search/query';
import { formatBbox } from './bbox';

/**
 * Query parameters of /map and GET /api/v1/clusters.geojson: exactly the /search parameters (q, industryGroup,
 * region, status, scenario, sort, page, perPage, lang, bbox), so a /search query string opens the same set on
 * the map, plus the directory's year. sort, page and perPage only shape the list under the map.
 */
export const mapQuerySchema = searchQuerySchema.extend({
  year: directoryQuerySchema.shape.year,
  // The list under the map is its text alternative: show as much of the set as a page may hold.
  perPage: searchQuerySchema.shape.perPage.removeDefault().default(PER_PAGE_MAX),
});

/** A validated map query. */
export type MapQuery = z.infer<typeof mapQuerySchema>;

/** Parameters that choose which clusters are on the map (the rest only shape the list or the language). */
export const MAP_FILTER_KEYS = ['q', 'industryGroup', 'federalDistrict', 'region', 'status', 'year', 'scenario', 'bbox'] as const;

/** The filter parameters of a query as URL parameters, in a fixed order (bbox formatted back to text). */
export function mapFilterParams(query: Partial<MapQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MAP_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    params.set(key, typeof value === 'object' ? formatBbox(value) : String(value));
  }
  return params;
}

/** Stable text of the filters, the same for equal queries whatever the parameter order (for ETags). */
export function canonicalMapQuery(query: Partial<MapQuery>): string {
  return mapFilterParams(query).toString();
}

/** Whether the query needs the search service (free text, an area or a district); the other filters are answered by the store. */
export function needsSearch(query: Partial<MapQuery>): boolean {
  return Boolean(query.q?.trim()) || query.bbox !== undefined || query.federalDistrict !== undefined;
}
