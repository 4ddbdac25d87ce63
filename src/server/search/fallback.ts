import { API_LANG, nameCollator, type Lang } from '../../lib/i18n';
import { nameSortKey } from '../../lib/search/document';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../../lib/search/markers';
import { toFtsMatch, queryGroups } from '../../lib/search/fts-query';
import { hasHighlight, markedToHtml, markTerms, unmarked } from '../../lib/search/highlight';
import { FACET_ATTRIBUTES, type FacetAttribute } from '../../lib/search/index-settings';
import type { BoundingBox, SearchFilters, SearchQuery, SearchSort } from '../../lib/search/query';
import { countValues, emptyFacets, pageCount, type MatchingSlugs, type SearchHit, type SearchResult } from '../../lib/search/result';
import { federalDistrictOf, type FederalDistrict } from '../../lib/federal-districts';
import type { ScenarioCode } from '../../lib/indexing/scenario';
import type { Store } from '../store';
import type { FallbackCandidate } from '../db/store-interfaces';
import { storageProblem } from '../db/storage-errors';
import { defaultYearFields } from './documents';

/** A public cluster that matched the text, with what filters, facets and sorting need. */
type Candidate = FallbackCandidate & { scenario: ScenarioCode; index: number | null; federalDistrict: FederalDistrict };

/**
 * Brings the FTS index up to the outbox. When DATA_DIR is full or read-only that write fails: search then answers
 * from the index as it is (missing at most the latest changes) instead of failing, and catches up on a later search.
 */
async function catchUpUnlessStorageRefuses(store: Store): Promise<void> {
  try {
    await store.searchFallback.sync();
  } catch (error) {
    const problem = storageProblem(error);
    if (!problem) throw error;
    console.error(`[search] DATA_DIR is ${problem}: the reduced search answers without the latest changes until it can write again`);
  }
}

/** Public clusters matching the query text (all of them for an empty text), best first. */
async function findCandidates(store: Store, q: string): Promise<Candidate[]> {
  await catchUpUnlessStorageRefuses(store);
  const rows = await store.searchFallback.candidates(toFtsMatch(q));
  const fields = await defaultYearFields(store);
  return rows.map((r) => ({ ...r, ...fields(r.slug), federalDistrict: federalDistrictOf(r.region) }));
}

/** Whether a point lies in the box (GeoJSON order; west > east crosses the antimeridian). */
export function inBoundingBox(lat: number, lon: number, box: BoundingBox): boolean {
  if (lat < box.minLat || lat > box.maxLat) return false;
  return box.minLon <= box.maxLon ? lon >= box.minLon && lon <= box.maxLon : lon >= box.minLon || lon <= box.maxLon;
}

/** Whether a candidate passes the filters, ignoring the facet `except` (for its disjunctive counts). */
function passes(c: Candidate, query: SearchFilters, except?: FacetAttribute): boolean {
  for (const facet of FACET_ATTRIBUTES) {
    const wanted = query[facet];
    if (facet !== except && wanted !== undefined && c[facet] !== wanted) return false;
  }
  return !query.bbox || inBoundingBox(c.lat, c.lon, query.bbox);
}

/** Orders candidates like the Meilisearch sorts do: missing values last, then by name. */
function sortCandidates(items: Candidate[], query: Pick<SearchQuery, 'q' | 'sort'>, lang: Lang): Candidate[] {
  const collator = nameCollator(lang);
  const byName = (a: Candidate, b: Candidate) => collator.compare(nameSortKey(a.name[lang]), nameSortKey(b.name[lang]));
  const byValue = (value: (c: Candidate) => number | null, descending: boolean) => (a: Candidate, b: Candidate) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return (descending ? vb - va : va - vb) || byName(a, b);
  };
  const compare: Record<SearchQuery['sort'], (a: Candidate, b: Candidate) => number> = {
    relevance: query.q.trim() === '' ? byName : (a, b) => a.score - b.score || byName(a, b),
    name: byName,
    index: byValue((c) => c.index, false),
    '-index': byValue((c) => c.index, true),
    founded: byValue((c) => c.foundedYear, false),
    '-founded': byValue((c) => c.foundedYear, true),
  };
  return [...items].sort(compare[query.sort]);
}

/** FTS5 snippets (topics or body column) of the page's rows that matched there. */
async function snippets(store: Store, q: string, ids: number[]): Promise<Map<number, string>> {
  const match = toFtsMatch(q);
  if (match === null || ids.length === 0) return new Map();
  const rows = await store.searchFallback.snippets(match, ids, { pre: HIGHLIGHT_PRE, post: HIGHLIGHT_POST });
  const found = new Map<number, string>();
  for (const r of rows) {
    const text = [r.topics, r.body].find(hasHighlight);
    if (text) found.set(r.id, markedToHtml(text));
  }
  return found;
}

/** Hits of one page: cities from the stored profiles, names and cities marked where a query word starts. */
async function toHits(store: Store, page: Candidate[], q: string): Promise<SearchHit[]> {
  const cities = await store.searchFallback.cities(page.map((c) => c.id));
  const terms = queryGroups(q).flat().filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
  // Stored names and cities are read raw: drop any highlight markers they hold, as the search documents do, so data cannot forge a highlight.
  const mark = (text: string | undefined) => (text === undefined ? undefined : markedToHtml(markTerms(unmarked(text), terms)));
  const found = await snippets(store, q, page.map((c) => c.id));
  return page.map((c) => {
    const city = cities.get(c.id) ?? {};
    return {
      slug: c.slug,
      name: c.name,
      industryGroup: c.industryGroup,
      region: c.region,
      city,
      status: c.status,
      scenario: c.scenario,
      index: c.index,
      foundedYear: c.foundedYear,
      highlight: {
        name: { ru: mark(c.name.ru)!, en: mark(c.name.en)! },
        city: { ...(city.ru ? { ru: mark(city.ru) } : {}), ...(city.en ? { en: mark(city.en) } : {}) },
        snippet: found.get(c.id) ?? null,
      },
    };
  });
}

/** Search over SQLite FTS5 (no typo tolerance; synonyms and prefixes still apply), same answer shape as Meilisearch's. */
export async function fallbackSearch(store: Store, query: SearchQuery): Promise<SearchResult> {
  const lang = query.lang ?? API_LANG;
  const candidates = await findCandidates(store, query.q);
  const facets = emptyFacets();
  for (const facet of FACET_ATTRIBUTES) facets[facet] = countValues(candidates.filter((c) => passes(c, query, facet)), facet);
  const matching = sortCandidates(candidates.filter((c) => passes(c, query)), query, lang);
  const page = matching.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  return {
    mode: 'fallback',
    total: matching.length,
    page: query.page,
    perPage: query.perPage,
    pages: pageCount(matching.length, query.perPage),
    hits: await toHits(store, page, query.q),
    facets,
  };
}

/** Every matching slug over SQLite FTS5 (for the map while Meilisearch is unavailable), in a search's order when one is given. */
export async function fallbackMatchingSlugs(store: Store, query: SearchFilters & { q: string }, order?: { sort: SearchSort; lang: Lang }): Promise<MatchingSlugs> {
  const matching = (await findCandidates(store, query.q)).filter((c) => passes(c, query));
  return { mode: 'fallback', slugs: (order ? sortCandidates(matching, { q: query.q, sort: order.sort }, order.lang) : matching).map((c) => c.slug) };
}
