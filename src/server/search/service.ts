import { API_LANG, LANGS, type Lang } from '../../lib/i18n';
import type { SearchDocument } from '../../lib/search/document';
import { hasHighlight, markedToHtml, unmarked } from '../../lib/search/highlight';
import { buildMatchingRequest, buildSearchRequests, SNIPPET_ATTRIBUTES, type MeiliSearchRequest } from '../../lib/search/meili-request';
import { narrowByPlaceWords } from '../../lib/search/place-words';
import type { SearchFilters, SearchQuery, SearchSort } from '../../lib/search/query';
import { emptyFacets, pageCount, type MatchingSlugs, type SearchHit, type SearchResult } from '../../lib/search/result';
import type { Store } from '../store';
import type { ReportedCount } from '../../lib/indexing/reported';
import { defaultYearReported } from './documents';
import { fallbackMatchingSlugs, fallbackSearch } from './fallback';
import { getSearchRuntime, type SearchRuntime, type SearchStatus } from './runtime';


/** A Meilisearch hit: the retrieved fields plus `_formatted` (highlighted and cropped copies, name and city among them). */
type MeiliHit = Pick<SearchDocument, 'slug' | 'industryGroup' | 'region' | 'status' | 'scenario' | 'index' | 'foundedYear'> & {
  _formatted?: { name?: { ru?: string; en?: string }; city?: { ru?: string; en?: string } } & Record<string, unknown>;
};

/** Both languages of a highlighted localized field, as plain text and as safe HTML (languages without text left out). */
function localizedPair(field: { ru?: string; en?: string } | undefined): { plain: { ru?: string; en?: string }; html: { ru?: string; en?: string } } {
  const plain: { ru?: string; en?: string } = {};
  const html: { ru?: string; en?: string } = {};
  for (const lang of LANGS) {
    const marked = field?.[lang];
    if (typeof marked === 'string' && marked !== '') {
      plain[lang] = unmarked(marked);
      html[lang] = markedToHtml(marked);
    }
  }
  return { plain, html };
}

/** The first highlighted text in a formatted value: a string, a list of strings, or a list inside one. */
function firstHighlighted(value: unknown): string | undefined {
  if (typeof value === 'string') return hasHighlight(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string' && hasHighlight(item)) return item;
  }
  return undefined;
}

/** The first snippet field (in SNIPPET_ATTRIBUTES order, the query's language first) that holds a highlight. */
function pickSnippet(formatted: Record<string, unknown> | undefined, lang: Lang): string | null {
  if (!formatted) return null;
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  for (const attribute of SNIPPET_ATTRIBUTES) {
    const value = formatted[attribute];
    const found =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (firstHighlighted((value as Record<string, unknown>)[lang]) ?? firstHighlighted((value as Record<string, unknown>)[other]))
        : firstHighlighted(value);
    if (found) return markedToHtml(found);
  }
  return null;
}

/** Maps a Meilisearch hit to the API's hit (highlights as safe HTML); null for a hit without both names (a partial document). */
function toHit(hit: MeiliHit, lang: Lang): SearchHit | null {
  const name = localizedPair(hit._formatted?.name);
  const city = localizedPair(hit._formatted?.city);
  if (!name.plain.ru || !name.plain.en || !name.html.ru || !name.html.en) return null;
  return {
    slug: hit.slug,
    name: { ru: name.plain.ru, en: name.plain.en },
    industryGroup: hit.industryGroup,
    region: hit.region,
    city: city.plain,
    status: hit.status,
    scenario: hit.scenario,
    index: hit.index ?? null,
    foundedYear: hit.foundedYear ?? null,
    highlight: { name: { ru: name.html.ru, en: name.html.en }, city: city.html, snippet: pickSnippet(hit._formatted, lang) },
  };
}

/**
 * A filter keeping only slugs that are public now. A profile withdrawn a moment ago stays in the index until its
 * outbox row is delivered, so while rows are pending the hits are re-checked against SQLite. Taken BEFORE the
 * search: with nothing pending then, the index already holds every change committed before it, and the check
 * (a query per search) is skipped.
 */
async function publicNowFilter(store: Store): Promise<(slugs: readonly string[]) => Promise<(slug: string) => boolean>> {
  if (!(await store.searchOutbox.hasPending())) return async () => () => true;
  return async (slugs) => {
    const approved = await store.clusters.approvedAmong(slugs);
    return (slug) => approved.has(slug);
  };
}

/** Where a search's time went (for the Server-Timing header): the Meilisearch round trip, when there was one. */
export interface SearchTiming {
  meiliMs?: number;
}

/** One search through Meilisearch (one multi-search round trip); hits re-checked against SQLite while updates are pending. */
async function meiliSearch(runtime: SearchRuntime, store: Store, query: SearchQuery, timing: SearchTiming): Promise<SearchResult> {
  const lang = query.lang ?? API_LANG;
  const publicNow = await publicNowFilter(store);
  const requests = buildSearchRequests(query, runtime.indexUid, lang);
  const sent = performance.now();
  const { results } = await runtime.searcher!.multiSearch<{ queries: MeiliSearchRequest[] }, MeiliHit>({ queries: requests });
  const [main, ...counts] = results;
  timing.meiliMs = performance.now() - sent;
  const facets = emptyFacets();
  for (const answer of [main!, ...counts])
    for (const [facet, values] of Object.entries(answer.facetDistribution ?? {})) facets[facet as keyof typeof facets] = values;
  const isPublic = await publicNow(main!.hits.map((h) => h.slug));
  const hits = main!.hits.flatMap((h) => {
    const hit = isPublic(h.slug) ? toHit(h, lang) : null;
    return hit ? [hit] : [];
  });
  const total = main!.totalHits ?? 0;
  return { mode: 'meilisearch', total, page: query.page, perPage: query.perPage, pages: pageCount(total, query.perPage), hits, facets };
}

/** A hit with its reported-indicator count, when it has one. */
function withReported(hit: SearchHit, reported: ReportedCount | undefined): SearchHit {
  return reported ? { ...hit, reported } : hit;
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
 * (`mode: "fallback"`). A place word in the text ("Сибири", "Far East") becomes the federal-district filter.
 * Never throws because Meilisearch is down.
 */
export async function searchClusters(store: Store, asked: SearchQuery, timing: SearchTiming = {}): Promise<SearchResult> {
  const { query, place } = narrowByPlaceWords(asked);
  const found = (await viaMeilisearch(store, (runtime) => meiliSearch(runtime, store, query, timing))) ?? (await fallbackSearch(store, query));
  const reported = await defaultYearReported(store);
  const result = { ...found, hits: found.hits.map((h) => withReported(h, reported(h.slug))) };
  return place ? { ...result, place } : result;
}

/** Slugs of every public cluster matching the text and filters, without paging (for the map), in a search's order when one is given (for exports). */
export async function matchingSlugs(store: Store, asked: SearchFilters & { q: string }, order?: { sort: SearchSort; lang: Lang }): Promise<MatchingSlugs> {
  const { query } = narrowByPlaceWords(asked);
  const viaMeili = await viaMeilisearch(store, async (runtime) => {
    const publicNow = await publicNowFilter(store);
    const { results } = await runtime.searcher!.multiSearch<{ queries: MeiliSearchRequest[] }, { slug: string }>({
      queries: [buildMatchingRequest(query, runtime.indexUid, order)],
    });
    const [answer] = results;
    const slugs = answer!.hits.map((h) => h.slug);
    return { mode: 'meilisearch' as const, slugs: slugs.filter(await publicNow(slugs)) };
  });
  return viaMeili ?? fallbackMatchingSlugs(store, query, order);
}

/** The search state for /api/v1/health (starts the worker on first use, like any search). */
export async function searchStatus(store: Store): Promise<SearchStatus> {
  return getSearchRuntime(store).status();
}
