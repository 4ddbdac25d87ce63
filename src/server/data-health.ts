import { screenIndicatorRows, screenRegionalRecords } from '../lib/data-screening';
import type { Store } from './store';

/** A stored record the analytics leave out, as /api/v1/health names it. */
export type ExcludedRecordJson =
  | { table: 'region_statistics'; region: string; year: number; field: string; reason: string }
  | { table: 'indicator_values'; cluster: string; year: number; field: string; reason: string };

/**
 * Every stored value of any year that the analytics leave out (not finite, not plausible), read fresh from the
 * store: a row written around the application changes no data version, so a cached answer could miss it.
 * Both tables are small (regions × years, clusters × indicators × years), so the scan is cheap.
 */
export function findExcludedRecords(store: Store): ExcludedRecordJson[] {
  const regional = screenRegionalRecords(store.regions.listAll()).excluded.map(
    (e): ExcludedRecordJson => ({ table: 'region_statistics', region: e.region, year: e.year, field: e.problem.field, reason: e.reason }),
  );
  const indicators = screenIndicatorRows(store.clusters.listPublicIndicators()).excluded.map(
    (e): ExcludedRecordJson => ({ table: 'indicator_values', cluster: e.slug, year: e.year, field: e.indicator, reason: e.reason }),
  );
  return [...regional, ...indicators];
}
