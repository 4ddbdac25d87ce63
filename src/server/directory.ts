import { paginate, sortClusters, type Page } from '../lib/directory/listing';
import type { DirectoryQuery } from '../lib/directory/query';
import type { Lang } from '../lib/i18n';
import { countByRegion } from '../lib/region-options';
import type { ClusterAnalytics } from '../lib/indexing/year-analytics';
import { getYearAnalytics, resolveYear } from './analytics';
import type { ClusterSummary } from './db/store-interfaces';
import type { Store } from './store';

/** A directory entry: the summary plus its index and scenario for the selected year (null without data). */
export interface DirectoryItem extends ClusterSummary {
  index: number | null;
  analytics: ClusterAnalytics | null;
}

/** One page of the directory and the year its indices refer to. */
export interface DirectoryPage extends Page<DirectoryItem> {
  year: number | null;
}

/** Public clusters matching the query's filters, with their analytics for the query's year (or the default year). */
export async function listMatching(store: Store, query: Pick<DirectoryQuery, 'industryGroup' | 'region' | 'status' | 'year'>): Promise<{ year: number | null; items: DirectoryItem[] }> {
  const year = await resolveYear(store, query.year);
  const analytics = year === null ? null : await getYearAnalytics(store, year);
  const items = (await store.clusters.listPublic({ industryGroup: query.industryGroup, region: query.region, status: query.status }))
    .map((c) => {
      const a = analytics?.clusters.get(c.slug) ?? null;
      return { ...c, index: a?.overall?.value ?? null, analytics: a };
    });
  return { year, items };
}

/** What the directory's controls need to know about the data: clusters per region, whether any has a founding year. */
export interface DirectoryFacts {
  /** Public clusters per region under the other filters (the region's own filter ignored, as search facets count). */
  regionCounts: Record<string, number>;
  /** Whether any public cluster gives its founding year (else sorting by it would do nothing). */
  anyFoundedYear: boolean;
}

/** The facts behind the directory's filter and sort controls, for the query's other filters. */
export async function directoryFacts(store: Store, query: Pick<DirectoryQuery, 'industryGroup' | 'status'>): Promise<DirectoryFacts> {
  const clusters = await store.clusters.listPublic({ industryGroup: query.industryGroup, status: query.status });
  const anyFoundedYear = clusters.some((c) => c.foundedYear !== null && c.foundedYear !== undefined);
  return { regionCounts: countByRegion(clusters), anyFoundedYear };
}

/** One page of the public directory for a validated query. */
export async function listDirectory(store: Store, query: DirectoryQuery, lang: Lang): Promise<DirectoryPage> {
  const { year, items } = await listMatching(store, query);
  return { year, ...paginate(sortClusters(items, query.sort, lang), query.page, query.perPage) };
}
