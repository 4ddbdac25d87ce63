import type { Lang } from '../i18n/locales';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './markers';
import { FACET_ATTRIBUTES, MAX_TOTAL_HITS, type FacetAttribute } from './index-settings';
import type { BoundingBox, SearchFilters, SearchQuery, SearchSort } from './query';

/** One query of a Meilisearch POST /multi-search body (the subset this portal uses). */
export interface MeiliSearchRequest {
  indexUid: string;
  q: string;
  filter?: string[];
  facets?: string[];
  page?: number;
  hitsPerPage?: number;
  limit?: number;
  offset?: number;
  sort?: string[];
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  attributesToCrop?: string[];
  cropLength?: number;
  highlightPreTag?: string;
  highlightPostTag?: string;
}

/**
 * Fields a hit retrieves as they are. Name and city come from `_formatted` only (markers stripped for the
 * plain text): the answer's size is most of a search's cost, so nothing is sent twice.
 */
export const HIT_ATTRIBUTES = ['slug', 'industryGroup', 'region', 'status', 'scenario', 'index', 'foundedYear'];
/** Fields shown highlighted. */
export const HIGHLIGHT_ATTRIBUTES = ['name', 'city'];
/**
 * Fields a snippet may come from, most telling first. Each one costs Meilisearch time and answer bytes
 * (9 fields: 29 KB and 7 ms per 20 hits at 10,000 profiles; these 8: measured by npm run bench:search),
 * so the development goals, long and rarely the only match, are searched but not snippeted.
 */
export const SNIPPET_ATTRIBUTES = ['specialization', 'priorities', 'offers', 'seeks', 'description', 'memberNames', 'partnerNames', 'projectTitles'];
/** Words around a match in a snippet. */
export const SNIPPET_WORDS = 12;

/** A filter value as a Meilisearch string literal (quotes and backslashes escaped). */
export function filterLiteral(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * Meilisearch filters for a map rectangle. Meilisearch 1.21 takes `_geoBoundingBox([lat, lng], [lat, lng])`
 * with the NORTH-EAST (top-right) corner first and the SOUTH-WEST (bottom-left) corner second, latitude first
 * in each pair (checked against the 1.21 binary in tests/integration/search/search.test.ts), while our bbox is
 * GeoJSON order (minLon, minLat, maxLon, maxLat). A box crossing the antimeridian (minLon > maxLon) is split in two.
 */
export function boundingBoxFilter(box: BoundingBox): string {
  const rect = (west: number, east: number) => `_geoBoundingBox([${box.maxLat}, ${east}], [${box.minLat}, ${west}])`;
  return box.minLon <= box.maxLon ? rect(box.minLon, box.maxLon) : `(${rect(box.minLon, 180)} OR ${rect(-180, box.maxLon)})`;
}

/** Filter expressions (ANDed) for the query's filters, leaving out the facet `except` (for its disjunctive counts). */
export function buildFilters(query: SearchFilters, except?: FacetAttribute): string[] {
  const filters: string[] = [];
  for (const facet of FACET_ATTRIBUTES) {
    const value = query[facet];
    if (value !== undefined && facet !== except) filters.push(`${facet} = ${filterLiteral(value)}`);
  }
  if (query.bbox) filters.push(boundingBoxFilter(query.bbox));
  return filters;
}

/** Meilisearch sort for a search sort; relevance without a query text lists by name. */
export function buildSort(sort: SearchSort, q: string, lang: Lang): string[] | undefined {
  const byName = `sortName.${lang}:asc`;
  switch (sort) {
    case 'relevance':
      return q.trim() === '' ? [byName] : undefined;
    case 'name':
      return [byName];
    case 'index':
      return ['index:asc', byName];
    case '-index':
      return ['index:desc', byName];
    case 'founded':
      return ['foundedYear:asc', byName];
    case '-founded':
      return ['foundedYear:desc', byName];
  }
}

/**
 * The multi-search queries of one search: the page of hits with the facets that are not filtered on, plus
 * one count-only query per active facet filter without that filter (disjunctive facets: the counts of a
 * facet ignore its own selection, so the other values stay visible and countable).
 */
export function buildSearchRequests(query: SearchQuery, indexUid: string, lang: Lang): MeiliSearchRequest[] {
  const active = FACET_ATTRIBUTES.filter((f) => query[f] !== undefined);
  const sort = buildSort(query.sort, query.q, lang);
  const main: MeiliSearchRequest = {
    indexUid,
    q: query.q,
    filter: buildFilters(query),
    facets: FACET_ATTRIBUTES.filter((f) => !active.includes(f)),
    page: query.page,
    hitsPerPage: query.perPage,
    ...(sort ? { sort } : {}),
    attributesToRetrieve: HIT_ATTRIBUTES,
    attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES, ...SNIPPET_ATTRIBUTES],
    attributesToCrop: SNIPPET_ATTRIBUTES,
    cropLength: SNIPPET_WORDS,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
  const counts = active.map((facet): MeiliSearchRequest => ({ indexUid, q: query.q, filter: buildFilters(query, facet), facets: [facet], limit: 0 }));
  return [main, ...counts];
}

/** The query of matchingSlugs: every match's slug, no paging, no facets; in a search's order when one is given (exports). */
export function buildMatchingRequest(query: SearchFilters & { q: string }, indexUid: string, order?: { sort: SearchSort; lang: Lang }): MeiliSearchRequest {
  const sort = order && buildSort(order.sort, query.q, order.lang);
  return { indexUid, q: query.q, filter: buildFilters(query), limit: MAX_TOTAL_HITS, ...(sort ? { sort } : {}), attributesToRetrieve: ['slug'] };
}
