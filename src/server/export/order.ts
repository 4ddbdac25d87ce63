/**
 * Which clusters an export writes, and in which order: the directory's listing (filters from the store, sorted as
 * the directory sorts) or a search's whole result (Meilisearch, else the reduced search), as a list of slugs. Only
 * the slugs (and, briefly, the directory's sort keys) are held; the rows are read afterwards, one at a time.
 */
import { sortClusters } from '../../lib/directory/listing';
import { exportView, type ExportQuery, type ExportView } from '../../lib/export/export-query';
import { API_LANG } from '../../lib/i18n/locales';
import type { YearAnalytics } from '../../lib/indexing/year-analytics';
import { getYearAnalytics, resolveYear } from '../analytics';
import { matchingSlugs } from '../search/service';
import type { Store } from '../store';

/** The clusters of an export in order, the year of their indicators and that year's analytics. */
export interface ExportSelection {
  view: ExportView;
  year: number | null;
  analytics: YearAnalytics | null;
  slugs: string[];
  /** How the set was found: the store's listing, Meilisearch, or the reduced search while Meilisearch is away. */
  source: 'store' | 'meilisearch' | 'fallback';
}

/** The export's clusters for a validated query; a string is the reason the query cannot be answered (a 400). */
export async function selectExport(store: Store, query: ExportQuery): Promise<ExportSelection | string> {
  const view = exportView(query);
  if (typeof view === 'string') return view;
  const lang = query.lang ?? API_LANG;
  const year = await resolveYear(store, query.year);
  const analytics = year === null ? null : await getYearAnalytics(store, year);
  if (view.kind === 'search') {
    const found = await matchingSlugs(store, query, { sort: view.sort, lang });
    return { view, year, analytics, slugs: found.slugs, source: found.mode };
  }
  const keys = await store.clusters.listPublicSortKeys({ industryGroup: query.industryGroup, region: query.region, status: query.status });
  const withIndex = keys.map((k) => ({ ...k, index: analytics?.clusters.get(k.slug)?.overall?.value ?? null }));
  return { view, year, analytics, slugs: sortClusters(withIndex, view.sort, lang).map((c) => c.slug), source: 'store' };
}
