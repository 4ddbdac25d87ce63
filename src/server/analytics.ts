import { computeYearAnalytics, type AnalyticsCluster, type YearAnalytics } from '../lib/indexing/year-analytics';
import type { IndicatorKey } from '../lib/profile/vocabulary';
import type { Store } from './store';

const yearsCache = new Map<string, number[]>();

/**
 * Years for which public clusters report indicators, newest first. Cached per data version: every page asks
 * (resolveYear), and the answer reads every public indicator (a CPU profile put 9.5 % of a render there).
 */
export async function availableYears(store: Store): Promise<readonly number[]> {
  const key = `${store.config.dataDir}|${await store.clusters.dataVersion()}`;
  const hit = yearsCache.get(key);
  if (hit) return hit;
  const years = [...new Set((await store.clusters.listPublicIndicators()).map((r) => r.year))].sort((a, b) => b - a);
  for (const k of yearsCache.keys()) if (k.startsWith(`${store.config.dataDir}|`)) yearsCache.delete(k);
  yearsCache.set(key, years);
  return years;
}

/** The year to show: the requested one, else the settings' default, else the latest with data (null when there is none). */
export async function resolveYear(store: Store, requested?: number): Promise<number | null> {
  if (requested !== undefined) return requested;
  return store.settings.index.defaultYear ?? (await availableYears(store))[0] ?? null;
}

const cache = new Map<string, YearAnalytics>();

/**
 * Index, ranks and scenarios of every public cluster for the year. The index is relative, so any write
 * changes others: results are cached per data version (bumped in the same transaction as every write).
 */
export async function getYearAnalytics(store: Store, year: number): Promise<YearAnalytics> {
  const version = `${store.config.dataDir}|${await store.clusters.dataVersion()}|`;
  const key = `${version}${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const values = new Map<string, Partial<Record<IndicatorKey, number>>>();
  for (const row of await store.clusters.listPublicIndicators(year)) {
    const v = values.get(row.slug) ?? {};
    v[row.indicator] = row.value;
    values.set(row.slug, v);
  }
  const clusters: AnalyticsCluster[] = (await store.clusters.listPublic()).map((c) => ({
    slug: c.slug,
    industryGroup: c.industryGroup,
    region: c.region,
    selfAssessment: c.selfAssessment,
    values: values.get(c.slug) ?? {},
  }));
  const result = computeYearAnalytics(year, clusters, await store.regions.listYear(year), store.settings.index);
  reportExcluded(result);
  for (const k of cache.keys()) if (k.startsWith(`${store.config.dataDir}|`) && !k.startsWith(version)) cache.delete(k);
  cache.set(key, result);
  return result;
}

/** Logs the stored values a computation left out, once per computation (it is cached per data version). */
function reportExcluded({ year, excluded }: YearAnalytics): void {
  for (const e of excluded.regional) {
    console.warn(`[analytics] ${e.region} ${year}: regional statistics left out of the index: ${e.reason}; re-import a corrected row (npm run import:regions)`);
  }
  for (const e of excluded.indicators) {
    console.warn(`[analytics] ${e.slug} ${year}: indicator value left out of the index: ${e.reason}; correct the cluster's profile`);
  }
}

/** The cluster's overall index in every year it has one, oldest first (for the line chart). */
export async function clusterIndexHistory(store: Store, slug: string): Promise<Array<{ year: number; value: number }>> {
  const years = await availableYears(store);
  const points = await Promise.all(years.map(async (year) => ({ year, value: (await getYearAnalytics(store, year)).clusters.get(slug)?.overall?.value })));
  return points
    .filter((p): p is { year: number; value: number } => p.value !== undefined)
    .sort((a, b) => a.year - b.year);
}
