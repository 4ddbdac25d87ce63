import { getYearAnalytics } from '../analytics';
import type { Store } from '../store';

/** What the regions are shaded by: the regional index of the year, or the number of clusters where no regional data exists. */
export interface RegionShading {
  kind: 'index' | 'count';
  year: number | null;
  /** Region code → value; regions without a value are absent. */
  values: Record<string, number>;
}

/** Counts clusters per region code. */
export function countByRegion(items: ReadonlyArray<{ region: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of items) counts[c.region] = (counts[c.region] ?? 0) + 1;
  return counts;
}

/** Shading of the regions: the regional index when regional statistics of the year exist, else the clusters per region of the set. */
export async function regionShading(store: Store, year: number | null, items: ReadonlyArray<{ region: string }>): Promise<RegionShading> {
  const regionIndex = year === null ? new Map<string, number>() : (await getYearAnalytics(store, year)).regionIndex;
  if (regionIndex.size > 0) return { kind: 'index', year, values: Object.fromEntries(regionIndex) };
  return { kind: 'count', year, values: countByRegion(items) };
}
