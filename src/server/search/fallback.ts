import { nameCollator, type Lang } from '../../lib/i18n';
import type { Profile } from '../../lib/profile';
import { buildSearchDocument, documentTextColumns, nameSortKey } from '../../lib/search/document';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../../lib/search/markers';
import { toFtsMatch, queryGroups } from '../../lib/search/fts-query';
import { hasHighlight, markedToHtml, markTerms } from '../../lib/search/highlight';
import { FACET_ATTRIBUTES, type FacetAttribute } from '../../lib/search/index-settings';
import type { BoundingBox, SearchFilters, SearchQuery } from '../../lib/search/query';
import { countValues, emptyFacets, pageCount, type MatchingSlugs, type SearchHit, type SearchResult } from '../../lib/search/result';
import type { ScenarioCode } from '../../lib/indexing/scenario';
import type { Store } from '../store';
import { defaultYearFields, SLUG_LIST_JOIN } from './documents';
import { SearchOutbox } from './outbox';

/** FTS5 column weights for bm25(): names, places, topics, body. */
const COLUMN_WEIGHTS = [10, 5, 3, 1];

/**
 * Brings the FTS5 table up to date with the outbox: every cluster named by a row written since the last
 * sync is re-indexed (or dropped when no longer approved). Runs in one IMMEDIATE transaction, so two
 * processes never interleave; cheap when nothing changed (one indexed lookup).
 */
export function syncFallbackIndex(store: Store): { reindexed: number } {
  const db = store.db;
  const lastSynced = () => (db.prepare('SELECT last_outbox_id AS id FROM search_fts_state WHERE id = 1').get() as { id: number }).id;
  const latest = new SearchOutbox(db).maxId();
  if (lastSynced() >= latest) return { reindexed: 0 };
  return db
    .transaction(() => {
      const from = lastSynced();
      const slugs = (db.prepare('SELECT DISTINCT slug FROM search_outbox WHERE id > ? AND id <= ?').all(from, latest) as { slug: string }[]).map((r) => r.slug);
      const rows = (from === 0
        ? db.prepare('SELECT id, publication, profile_json FROM clusters').all()
        : db.prepare(`SELECT c.id, c.publication, c.profile_json FROM ${SLUG_LIST_JOIN}`).all(JSON.stringify(slugs))) as {
        id: number;
        publication: string;
        profile_json: string;
      }[];
      if (from === 0) db.prepare('DELETE FROM search_fts').run();
      const remove = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
      const insert = db.prepare('INSERT INTO search_fts (rowid, names, places, topics, body) VALUES (?, ?, ?, ?, ?)');
      for (const row of rows) {
        remove.run(row.id);
        if (row.publication !== 'approved') continue;
        const text = documentTextColumns(buildSearchDocument(JSON.parse(row.profile_json) as Profile, { index: null, scenario: 'unknown' }));
        insert.run(row.id, text.names, text.places, text.topics, text.body);
      }
      db.prepare('UPDATE search_fts_state SET last_outbox_id = ? WHERE id = 1').run(latest);
      return { reindexed: rows.length };
    })
    .immediate();
}

/** A public cluster that matched the text, with what filters, facets and sorting need. */
interface Candidate {
  id: number;
  slug: string;
  name: { ru: string; en: string };
  industryGroup: string;
  region: string;
  status: string;
  scenario: ScenarioCode;
  index: number | null;
  foundedYear: number | null;
  lat: number;
  lon: number;
  score: number;
}

interface CandidateRow {
  id: number;
  slug: string;
  name_ru: string;
  name_en: string;
  region: string;
  industry_group: string;
  status: string;
  founded_year: number | null;
  lat: number;
  lon: number;
  score: number;
}

const CANDIDATE_COLUMNS = 'c.id, c.slug, c.name_ru, c.name_en, c.region, c.industry_group, c.status, c.founded_year, c.lat, c.lon';

/** Public clusters matching the query text (all of them for an empty text), best first. */
function findCandidates(store: Store, q: string): Candidate[] {
  syncFallbackIndex(store);
  const match = toFtsMatch(q);
  const rows = (match === null
    ? store.db.prepare(`SELECT ${CANDIDATE_COLUMNS}, 0 AS score FROM clusters c WHERE c.publication = 'approved'`).all()
    : store.db
        .prepare(
          `SELECT ${CANDIDATE_COLUMNS}, bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')}) AS score
           FROM search_fts JOIN clusters c ON c.id = search_fts.rowid
           WHERE search_fts MATCH ? AND c.publication = 'approved' ORDER BY score`,
        )
        .all(match)) as CandidateRow[];
  const fields = defaultYearFields(store);
  return rows.map((r) => {
    const f = fields(r.slug);
    return {
      id: r.id,
      slug: r.slug,
      name: { ru: r.name_ru, en: r.name_en },
      industryGroup: r.industry_group,
      region: r.region,
      status: r.status,
      scenario: f.scenario,
      index: f.index,
      foundedYear: r.founded_year,
      lat: r.lat,
      lon: r.lon,
      score: r.score,
    };
  });
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
function sortCandidates(items: Candidate[], query: SearchQuery, lang: Lang): Candidate[] {
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
function snippets(store: Store, q: string, ids: number[]): Map<number, string> {
  const match = toFtsMatch(q);
  if (match === null || ids.length === 0) return new Map();
  const rows = store.db
    .prepare(
      `SELECT search_fts.rowid AS id, snippet(search_fts, 2, ?, ?, '…', 14) AS topics, snippet(search_fts, 3, ?, ?, '…', 14) AS body
       FROM json_each(?) AS j CROSS JOIN search_fts ON search_fts.rowid = j.value WHERE search_fts MATCH ?`,
    )
    .all(HIGHLIGHT_PRE, HIGHLIGHT_POST, HIGHLIGHT_PRE, HIGHLIGHT_POST, JSON.stringify(ids), match) as { id: number; topics: string; body: string }[];
  const found = new Map<number, string>();
  for (const r of rows) {
    const text = [r.topics, r.body].find(hasHighlight);
    if (text) found.set(r.id, markedToHtml(text));
  }
  return found;
}

/** Hits of one page: cities from the stored profiles, names and cities marked where a query word starts. */
function toHits(store: Store, page: Candidate[], q: string): SearchHit[] {
  const cities = new Map(
    (store.db.prepare('SELECT c.id, c.profile_json FROM json_each(?) AS j CROSS JOIN clusters AS c ON c.id = j.value').all(JSON.stringify(page.map((c) => c.id))) as {
      id: number;
      profile_json: string;
    }[]).map((r) => [r.id, (JSON.parse(r.profile_json) as Profile).general.city]),
  );
  const terms = queryGroups(q).flat().filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
  const mark = (text: string | undefined) => (text === undefined ? undefined : markedToHtml(markTerms(text, terms)));
  const found = snippets(store, q, page.map((c) => c.id));
  return page.map((c) => {
    const city = cities.get(c.id) ?? {};
    return {
      slug: c.slug,
      name: c.name,
      industryGroup: c.industryGroup as SearchHit['industryGroup'],
      region: c.region,
      city,
      status: c.status as SearchHit['status'],
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
export function fallbackSearch(store: Store, query: SearchQuery): SearchResult {
  const lang = query.lang ?? 'en';
  const candidates = findCandidates(store, query.q);
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
    hits: toHits(store, page, query.q),
    facets,
  };
}

/** Every matching slug over SQLite FTS5 (for the map while Meilisearch is unavailable). */
export function fallbackMatchingSlugs(store: Store, query: SearchFilters & { q: string }): MatchingSlugs {
  return { mode: 'fallback', slugs: findCandidates(store, query.q).filter((c) => passes(c, query)).map((c) => c.slug) };
}
