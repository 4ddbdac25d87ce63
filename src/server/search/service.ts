import type { Lang } from '../../lib/i18n';
import type { SearchDocument } from '../../lib/search/document';
import { hasHighlight, markedToHtml } from '../../lib/search/highlight';
import { FACET_ATTRIBUTES } from '../../lib/search/index-settings';
import { buildMatchingRequest, buildSearchRequests, SNIPPET_ATTRIBUTES } from '../../lib/search/meili-request';
import type { SearchFilters, SearchQuery } from '../../lib/search/query';
import { emptyFacets, pageCount, type MatchingSlugs, type SearchHit, type SearchResult } from '../../lib/search/result';
import type { Store } from '../store';
import type { MeiliSearchResponse } from './client';
import { approvedAmong } from './documents';
import { fallbackMatchingSlugs, fallbackSearch } from './fallback';
import { getSearchRuntime, type SearchRuntime, type SearchStatus } from './runtime';

/** Language used for name sorting when the query does not say (the API's, like GET /api/v1/clusters). */
const DEFAULT_SORT_LANG: Lang = 'en';

/** A Meilisearch hit: the retrieved fields plus `_formatted` (highlighted and cropped copies). */
type MeiliHit = Pick<SearchDocument, 'slug' | 'name' | 'industryGroup' | 'region' | 'city' | 'status' | 'scenario' | 'index' | 'foundedYear'> & {
  _formatted?: Record<string, unknown>;
};

/** The first snippet field (in SNIPPET_ATTRIBUTES order, the query's language first) that holds a highlight. */
function pickSnippet(formatted: Record<string, unknown> | undefined, lang: Lang): string | null {
  if (!formatted) return null;
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  for (const attribute of SNIPPET_ATTRIBUTES) {
    const value = formatted[attribute];
    const texts = Array.isArray(value)
      ? value
      : value && typeof value === 'object'
        ? [(value as Record<string, unknown>)[lang], (value as Record<string, unknown>)[other]].flat()
        : [value];
    const found = texts.find((t): t is string => typeof t === 'string' && hasHighlight(t));
    if (found) return markedToHtml(found);
  }
  return null;
}

/** Maps a Meilisearch hit to the API's hit (highlights as safe HTML). */
function toHit(hit: MeiliHit, lang: Lang): SearchHit {
  const f = (hit._formatted ?? {}) as { name?: { ru?: string; en?: string }; city?: { ru?: string; en?: string } };
  const html = (marked: string | undefined, plain: string) => markedToHtml(marked ?? plain);
  return {
    slug: hit.slug,
    name: hit.name,
    industryGroup: hit.industryGroup,
    region: hit.region,
    city: hit.city ?? {},
    status: hit.status,
    scenario: hit.scenario,
    index: hit.index ?? null,
    foundedYear: hit.foundedYear ?? null,
    highlight: {
      name: { ru: html(f.name?.ru, hit.name.ru), en: html(f.name?.en, hit.name.en) },
      city: {
        ...(hit.city?.ru ? { ru: html(f.city?.ru, hit.city.ru) } : {}),
        ...(hit.city?.en ? { en: html(f.city?.en, hit.city.en) } : {}),
      },
      snippet: pickSnippet(hit._formatted, lang),
    },
  };
}

/** One search through Meilisearch (one multi-search round trip), hits re-checked against SQLite's approvals. */
async function meiliSearch(runtime: SearchRuntime, store: Store, query: SearchQuery): Promise<SearchResult> {
  const lang = query.lang ?? DEFAULT_SORT_LANG;
  const [main, ...counts] = await runtime.client!.multiSearch<MeiliHit>(buildSearchRequests(query, runtime.indexUid, lang));
  const facets = emptyFacets();
  for (const answer of [main!, ...counts])
    for (const [facet, values] of Object.entries(answer.facetDistribution ?? {})) facets[facet as keyof typeof facets] = values;
  const approved = approvedAmong(store, main!.hits.map((h) => h.slug));
  // A profile withdrawn a moment ago may still be in the index until its outbox row is delivered: never show it.
  const hits = main!.hits.filter((h) => approved.has(h.slug) && h.name).map((h) => toHit(h, lang));
  const total = main!.totalHits ?? 0;
  return { mode: 'meilisearch', total, page: query.page, perPage: query.perPage, pages: pageCount(total, query.perPage), hits, facets };
}

/** Runs a Meilisearch call if search is in normal mode; undefined when the fallback must answer. */
async function viaMeilisearch<T>(store: Store, call: (runtime: SearchRuntime) => Promise<T>): Promise<T | undefined> {
  const runtime = getSearchRuntime(store);
  if (runtime.mode() !== 'meilisearch') return undefined;
  try {
    return await call(runtime);
  } catch (error) {
    runtime.reportFailure(error);
    return undefined;
  }
}

/**
 * Searches public clusters: Meilisearch when it is up and its index is whole, else SQLite FTS5
 * (`mode: "fallback"`). Never throws because Meilisearch is down.
 */
export async function searchClusters(store: Store, query: SearchQuery): Promise<SearchResult> {
  return (await viaMeilisearch(store, (runtime) => meiliSearch(runtime, store, query))) ?? fallbackSearch(store, query);
}

/** Slugs of every public cluster matching the text and filters, without paging (for the map). */
export async function matchingSlugs(store: Store, query: SearchFilters & { q: string }): Promise<MatchingSlugs> {
  const viaMeili = await viaMeilisearch(store, async (runtime) => {
    const [answer] = await runtime.client!.multiSearch<{ slug: string }>([buildMatchingRequest(query, runtime.indexUid)]);
    const slugs = answer!.hits.map((h) => h.slug);
    const approved = approvedAmong(store, slugs);
    return { mode: 'meilisearch' as const, slugs: slugs.filter((s) => approved.has(s)) };
  });
  return viaMeili ?? fallbackMatchingSlugs(store, query);
}

/** The search state for /api/v1/health (starts the worker on first use, like any search). */
export function searchStatus(store: Store): SearchStatus {
  return getSearchRuntime(store).status();
}

/** Facet names of every answer, for clients that want to list them. */
export const SEARCH_FACETS = FACET_ATTRIBUTES;
