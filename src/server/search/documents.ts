import { buildSearchDocument, type DocumentAnalytics, type SearchDocument } from '../../lib/search/document';
import type { Profile } from '../../lib/profile';
import { getYearAnalytics, resolveYear } from '../analytics';
import type { Store } from '../store';

/**
 * Clusters named in a JSON array of slugs. CROSS JOIN makes SQLite walk the short list and look each slug up
 * by its index; `slug IN (SELECT value FROM json_each(?))` scanned every approved row instead (13 ms at 10,000).
 */
export const SLUG_LIST_JOIN = 'json_each(?) AS j CROSS JOIN clusters AS c ON c.slug = j.value';

/** The index and scenario of each public cluster in the default year (what documents carry). */
export function defaultYearFields(store: Store): (slug: string) => DocumentAnalytics {
  const year = resolveYear(store);
  const analytics = year === null ? null : getYearAnalytics(store, year);
  return (slug) => {
    const a = analytics?.clusters.get(slug);
    return { index: a?.overall?.value ?? null, scenario: a?.scenario.code ?? 'unknown' };
  };
}

/** Approved profiles among the slugs (all approved ones when slugs is omitted), read straight from the stored JSON. */
function approvedProfiles(store: Store, slugs?: readonly string[]): Profile[] {
  // Stored profiles were validated by ClustersRepository.save, so a JSON.parse is enough (10,000 zod parses take seconds).
  const rows = (
    slugs === undefined
      ? store.db.prepare("SELECT profile_json FROM clusters WHERE publication = 'approved' ORDER BY id").all()
      : store.db
          .prepare(`SELECT c.profile_json FROM ${SLUG_LIST_JOIN} WHERE c.publication = 'approved' ORDER BY c.id`)
          .all(JSON.stringify(slugs))
  ) as { profile_json: string }[];
  return rows.map((r) => JSON.parse(r.profile_json) as Profile);
}

/** Documents of the slugs that are public now, and the slugs that must leave the index (not approved or gone). */
export function loadDocuments(store: Store, slugs: readonly string[]): { documents: SearchDocument[]; removed: string[] } {
  const fields = defaultYearFields(store);
  const documents = approvedProfiles(store, slugs).map((p) => buildSearchDocument(p, fields(p.slug)));
  const kept = new Set(documents.map((d) => d.slug));
  return { documents, removed: slugs.filter((s) => !kept.has(s)) };
}

/** Documents of every public cluster. */
export function loadAllDocuments(store: Store): SearchDocument[] {
  const fields = defaultYearFields(store);
  return approvedProfiles(store).map((p) => buildSearchDocument(p, fields(p.slug)));
}

const approvedStatements = new WeakMap<Store['db'], ReturnType<Store['db']['prepare']>>();

/** Slugs of the approved clusters among the given ones (the last guard against showing a profile that was just withdrawn). */
export function approvedAmong(store: Store, slugs: readonly string[]): Set<string> {
  if (slugs.length === 0) return new Set();
  // Prepared once per connection: compiling the statement cost more than running it on the search path.
  let statement = approvedStatements.get(store.db);
  if (!statement) {
    statement = store.db.prepare(`SELECT c.slug FROM ${SLUG_LIST_JOIN} WHERE c.publication = 'approved'`).pluck();
    approvedStatements.set(store.db, statement);
  }
  return new Set(statement.all(JSON.stringify(slugs)) as string[]);
}
