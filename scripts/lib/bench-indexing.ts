// Index recomputation at scale (src/lib/indexing): N synthetic clusters through computeYearAnalytics, beside a
// floor that only reads every value once (the least any recomputation must do).
import { INDUSTRY_GROUPS, INDICATOR_KEYS } from '../../src/lib/profile';
import { REGION_CODES } from '../../src/lib/regions';
import { DEFAULT_SETTINGS } from '../../src/lib/settings';
import { computeYearAnalytics, type AnalyticsCluster, type YearAnalytics } from '../../src/lib/indexing/year-analytics';
import { prng, quantile } from './bench-kit';

/** Figures of one size: median and p95 of the recomputation and of the floor, in ms. */
export interface IndexingFigures {
  clusters: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  floorMedianMs: number;
  /** Median of reading every cluster's positions, contributions and scenario afterwards (built on first read). */
  readAllMedianMs: number;
}

/** N clusters with 0 to 4 reported indicators each, spread over every industry group and region (seeded). */
export function syntheticAnalyticsClusters(n: number, seed = 1): AnalyticsCluster[] {
  const random = prng(seed);
  return Array.from({ length: n }, (_, i) => ({
    slug: `synthetic-${i}`,
    industryGroup: INDUSTRY_GROUPS[i % INDUSTRY_GROUPS.length]!,
    region: REGION_CODES[Math.floor(random() * REGION_CODES.length)]!,
    selfAssessment: random() < 0.05 ? 1 : null,
    values: Object.fromEntries(INDICATOR_KEYS.filter(() => random() < 0.8).map((k) => [k, Math.round(random() * 1000) / 10])),
  }));
}

/** Sums every reported value: the floor of a recomputation (each value read once, nothing ranked). */
function readEveryValue(clusters: readonly AnalyticsCluster[]): number {
  let sum = 0;
  for (const c of clusters) for (const k of INDICATOR_KEYS) sum += c.values[k] ?? 0;
  return sum;
}

/** Reads everything a page can show of every cluster (positions, contributions, scenario are built when first read). */
function readEveryCluster(year: YearAnalytics): number {
  let n = 0;
  for (const a of year.clusters.values()) n += (a.overall?.rank ?? 0) + (a.industry?.rank ?? 0) + a.contributions.length + a.scenario.missingRegionalInputs.length + a.reported;
  return n;
}

/** Milliseconds of each of `runs` calls of work (after one warm-up call), sorted. */
function timings(runs: number, work: () => unknown): number[] {
  work();
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }).sort((a, b) => a - b);
}

/** Recomputes the index, ranks and scenarios of n clusters `runs` times, the floor as many times, and reads every result. */
export function measureIndexRecomputation(n: number, runs: number): IndexingFigures {
  const clusters = syntheticAnalyticsClusters(n);
  const full = timings(runs, () => computeYearAnalytics(2012, clusters, [], DEFAULT_SETTINGS.index));
  const floor = timings(runs, () => readEveryValue(clusters));
  const computed = Array.from({ length: runs + 1 }, () => computeYearAnalytics(2012, clusters, [], DEFAULT_SETTINGS.index));
  const readAll = timings(runs, () => readEveryCluster(computed.pop()!));
  return { clusters: n, runs, medianMs: quantile(full, 0.5), p95Ms: quantile(full, 0.95), floorMedianMs: quantile(floor, 0.5), readAllMedianMs: quantile(readAll, 0.5) };
}
