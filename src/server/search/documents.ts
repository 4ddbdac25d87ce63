import { buildSearchDocument, type DocumentAnalytics, type SearchDocument } from '../../lib/search/document';
import type { ReportedCount } from '../../lib/indexing/reported';
import { getYearAnalytics, resolveYear } from '../analytics';
import type { Store } from '../store';

/** The index and scenario of each public cluster in the default year (what documents carry). */
export async function defaultYearFields(store: Store): Promise<(slug: string) => DocumentAnalytics> {
  const year = await resolveYear(store);
  const analytics = year === null ? null : await getYearAnalytics(store, year);
  return (slug) => {
    const a = analytics?.clusters.get(slug);
    return { index: a?.overall?.value ?? null, scenario: a?.scenario.code ?? 'unknown' };
  };
}

/** How many indicators each ranked public cluster reported in the default year (for the "2 of 4 reported" flag of hits). */
export async function defaultYearReported(store: Store): Promise<(slug: string) => ReportedCount | undefined> {
  const year = await resolveYear(store);
  const analytics = year === null ? null : await getYearAnalytics(store, year);
  return (slug) => {
    const a = analytics?.clusters.get(slug);
    return a && a.overall ? { reported: a.reported, of: a.of } : undefined;
  };
}

/** Documents of the slugs that are public now, and the slugs that must leave the index (not approved or gone). */
export async function loadDocuments(store: Store, slugs: readonly string[]): Promise<{ documents: SearchDocument[]; removed: string[] }> {
  const fields = await defaultYearFields(store);
  const documents = (await store.clusters.listApprovedProfiles(slugs)).map((p) => buildSearchDocument(p, fields(p.slug)));
  const kept = new Set(documents.map((d) => d.slug));
  return { documents, removed: slugs.filter((s) => !kept.has(s)) };
}

/** Documents of every public cluster. */
export async function loadAllDocuments(store: Store): Promise<SearchDocument[]> {
  const fields = await defaultYearFields(store);
  return (await store.clusters.listApprovedProfiles()).map((p) => buildSearchDocument(p, fields(p.slug)));
}
