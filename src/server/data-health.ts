import { screenIndicatorRows, screenRegionalRecords } from '../lib/data-screening';
import type { Store } from './store';

/** A stored record the analytics leave out, as /api/v1/health names it. */
export type ExcludedRecordJson =
  | { table: 'region_statistics'; region: string; year: number; field: string; reason: string }
  | { table: 'indicator_values'; cluster: string; year: number; field: string; reason: string };

/** How long a scan is reused at the same data version: a row written around the application bumps no version. */
export const EXCLUDED_RECORDS_TTL_MS = 30_000;

let lastScan: { key: string; at: number; records: ExcludedRecordJson[] } | null = null;

/**
 * The excluded records, scanned once per data version and at most every EXCLUDED_RECORDS_TTL_MS: the scan
 * reads every public indicator (about 50 ms for 10,000 clusters), too much for each health probe.
 */
export async function findExcludedRecordsCached(store: Store, now = Date.now()): Promise<ExcludedRecordJson[]> {
  const key = `${store.config.dataDir}|${await store.clusters.dataVersion()}`;
  if (lastScan && lastScan.key === key && now - lastScan.at < EXCLUDED_RECORDS_TTL_MS) return lastScan.records;
  lastScan = { key, at: now, records: await findExcludedRecords(store) };
  return lastScan.records;
}

/** Every stored value of any year that the analytics leave out (not finite, not plausible), read from the store. */
export async function findExcludedRecords(store: Store): Promise<ExcludedRecordJson[]> {
  const regional = screenRegionalRecords(await store.regions.listAll()).excluded.map(
    (e): ExcludedRecordJson => ({ table: 'region_statistics', region: e.region, year: e.year, field: e.problem.field, reason: e.reason }),
  );
  const indicators = screenIndicatorRows(await store.clusters.listPublicIndicators()).excluded.map(
    (e): ExcludedRecordJson => ({ table: 'indicator_values', cluster: e.slug, year: e.year, field: e.indicator, reason: e.reason }),
  );
  return [...regional, ...indicators];
}
