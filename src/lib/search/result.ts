import type { ReportedCount } from '../indexing/reported';
import type { ScenarioCode } from '../indexing/scenario';
import type { ClusterSummary } from '../profile/summary';
import { FACET_ATTRIBUTES, type FacetAttribute } from './facets';
import type { UnderstoodPlace } from './place-words';

/** Where an answer came from: Meilisearch, or SQLite FTS5 while Meilisearch is unavailable (no typo tolerance). */
export type SearchMode = 'meilisearch' | 'fallback';

/** Highlighted fields of a hit, as safe HTML (text escaped, matches wrapped in <mark>). */
export interface HitHighlight {
  name: ClusterSummary['name'];
  city: ClusterSummary['city'];
  /** A few words around a match in a longer field (specialization, description, members…), or null. */
  snippet: string | null;
}

/** One cluster found: fields of its summary plus the default year's analytics and the highlights. */
export interface SearchHit extends Pick<ClusterSummary, 'slug' | 'name' | 'industryGroup' | 'region' | 'city' | 'status' | 'foundedYear'> {
  scenario: ScenarioCode;
  /** Internationalization index of the default year; null when not ranked. */
  index: number | null;
  /** Indicators the index rests on, of all (default year); lists flag "2 of 4 reported". Absent when not ranked. */
  reported?: ReportedCount;
  highlight: HitHighlight;
}

/** Matches per value of each facet; a facet's counts ignore that facet's own filter. */
export type FacetCounts = Record<FacetAttribute, Record<string, number>>;

/** One page of search results, GET /api/v1/search's answer. */
export interface SearchResult {
  mode: SearchMode;
  total: number;
  page: number;
  perPage: number;
  pages: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /** The district a place word in the text narrowed the search to ("Сибири" → siberian), if any. */
  place?: UnderstoodPlace;
}

/** Every match's slug (for the map), and where the answer came from. */
export interface MatchingSlugs {
  mode: SearchMode;
  slugs: string[];
}

/** Facets with no counts. */
export function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACET_ATTRIBUTES.map((f) => [f, {}])) as FacetCounts;
}

/** Counts the values of one facet over items, e.g. [{ region: 'A' }, { region: 'A' }] → { A: 2 }. */
export function countValues<T extends Record<FacetAttribute, string>>(items: readonly T[], facet: FacetAttribute): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item[facet]] = (counts[item[facet]] ?? 0) + 1;
  return counts;
}

/** Number of pages for a total (at least 1, so "page 1 of 1" reads right for no results). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
