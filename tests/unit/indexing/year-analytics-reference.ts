// The index recomputation as it was before it was made fast (commit 791074c, src/lib/indexing/multivariate-index.ts,
// rank.ts, threshold.ts, year-analytics.ts), kept verbatim as the reference the fast code must equal on random input
// (year-analytics.property.test.ts). Readable over-the-whole-set passes, one object per value: not for production.
import type { IndexSettings } from '../../../src/lib/settings';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../src/lib/profile/vocabulary';
import type { IndexItem, IndexOptions, IndexOverSetExplanation, IndexResult, IndicatorContribution } from '../../../src/lib/indexing/multivariate-index';
import { approximatelyEqual } from '../../../src/lib/indexing/tolerance';
import { deriveRegionalIndicators, REGIONAL_INDICATORS, type RegionalIndicator } from '../../../src/lib/indexing/regional-index';
import { classifyScenario } from '../../../src/lib/indexing/scenario';
import type { ThresholdRule } from '../../../src/lib/indexing/threshold';
import { missingRegionalInputs, type RegionalStatisticsRecord } from '../../../src/lib/regional-statistics';
import { screenIndicatorRows, screenRegionalRecords, type ExcludedIndicatorValue } from '../../../src/lib/data-screening';
import type { AnalyticsCluster, ClusterAnalytics, NotRankedReason, ScenarioView, YearAnalytics } from '../../../src/lib/indexing/year-analytics';

/** The regional index as computeRegionalIndex computes it, over the reference formula. */
function computeRegionalIndex(regions: ReadonlyArray<{ id: string; totals: Parameters<typeof deriveRegionalIndicators>[0] }>, weights: Record<RegionalIndicator, number>): Array<IndexResult<RegionalIndicator>> {
  const items = regions.map((region) => ({ id: region.id, values: deriveRegionalIndicators(region.totals) }));
  return computeIndexOverSetWithExplanation(items, REGIONAL_INDICATORS, weights, { negativeAsZero: true }).results;
}

export function computeIndexOverSetWithExplanation<K extends string>(
  items: ReadonlyArray<IndexItem<K>>,
  indicators: readonly K[],
  weights: Record<K, number>,
  options: IndexOptions = {},
): IndexOverSetExplanation<K> {
  if (items.length === 0) {
    throw new Error('cannot compute an index over an empty comparison set: pass at least one item');
  }
  if (indicators.length === 0) {
    throw new Error('cannot compute an index without indicators: pass at least one indicator');
  }
  assertDistinct(indicators, 'indicator');
  assertDistinct(
    items.map((item) => item.id),
    'item id',
  );
  const negativeAsZero = options.negativeAsZero === true;
  const usedWeights = validateWeights(indicators, weights);

  const table = items.map((item) =>
    indicators.map((indicator) => readValue(item, indicator, negativeAsZero)),
  );

  const maxima = {} as Record<K, number>;
  indicators.forEach((indicator, j) => {
    let max = 0;
    for (const row of table) {
      const value = row[j];
      if (value != null && value > max) max = value;
    }
    maxima[indicator] = max;
  });

  const results = items.map((item, i): IndexResult<K> => {
    const row = table[i] ?? [];
    let sum = 0;
    let reported = 0;
    const contributions = indicators.map((indicator, j): IndicatorContribution<K> => {
      const value = row[j] ?? null;
      const max = maxima[indicator];
      const weight = usedWeights[indicator];
      if (value !== null) reported += 1;
      // Negative values only get here under negativeAsZero; they count as reported but add 0.
      const ratio = value === null || max === 0 || value <= 0 ? 0 : value / max;
      const contribution = weight * ratio * ratio;
      sum += contribution;
      return { indicator, value, max, weight, ratio, contribution };
    });
    return { id: item.id, value: Math.sqrt(sum), reported, of: indicators.length, contributions };
  });

  return { results, maxima, weights: usedWeights };
}

export function rankDescending(items: ReadonlyArray<{ id: string; value: number }>): Map<string, number> {
  const seen = new Set<string>();
  for (const item of items) {
    if (!Number.isFinite(item.value)) {
      throw new RangeError(`Cannot rank "${item.id}": its value must be a finite number, got ${String(item.value)}`);
    }
    if (seen.has(item.id)) throw new Error(`Cannot rank: duplicate id "${item.id}"; each must appear once`);
    seen.add(item.id);
  }

  const sorted = [...items].sort((a, b) => b.value - a.value);
  const ranks = new Map<string, number>();
  let groupRank = 0;
  let groupValue = Number.NaN;
  sorted.forEach((item, position) => {
    if (position === 0 || !approximatelyEqual(item.value, groupValue)) {
      groupRank = position + 1;
      groupValue = item.value;
    }
    ranks.set(item.id, groupRank);
  });
  return ranks;
}

export function computeThreshold(values: readonly number[], rule: ThresholdRule): number {
  if (rule.kind === 'fixed') {
    if (!Number.isFinite(rule.value) || rule.value < 0) {
      throw new RangeError(`A fixed threshold must be a finite number >= 0, got ${String(rule.value)}`);
    }
    return rule.value;
  }
  if (values.length === 0) {
    throw new Error(
      `Cannot compute a ${rule.kind} threshold over an empty comparison set; use a fixed threshold or add values`,
    );
  }
  values.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Threshold input #${i} must be a finite number, got ${String(value)}`);
    }
  });
  if (rule.kind === 'mean') {
    let sum = 0;
    for (const value of values) sum += value;
    return sum / values.length;
  }
  if (rule.kind === 'median') {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const upper = sorted[middle] as number;
    return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
  }
  const unknown: never = rule;
  throw new Error(`Unknown threshold rule ${JSON.stringify(unknown)}; use mean, median or fixed`);
}

/** The settings' threshold rule for one of the two indices. */
function thresholdRuleFor(settings: IndexSettings, which: 'cluster' | 'region'): ThresholdRule {
  const t = settings.threshold;
  return t.kind === 'fixed' ? { kind: 'fixed', value: t[which] } : t;
}

/** Index and rank of each item of a set, by id. */
function positions(items: Array<{ id: string; values: Partial<Record<IndicatorKey, number>> }>, settings: IndexSettings) {
  const explained = computeIndexOverSetWithExplanation(items, INDICATOR_KEYS, settings.weights);
  const ranks = rankDescending(explained.results.map((r) => ({ id: r.id, value: r.value })));
  const of = items.length;
  return { explained, byId: new Map(explained.results.map((r) => [r.id, { result: r, position: { value: r.value, rank: ranks.get(r.id)!, of } }])) };
}

/** Regional index over every region with statistics for the year (the same formula: a missing value counts 0). */
function regionalIndex(regions: readonly RegionalStatisticsRecord[], settings: IndexSettings): Map<string, number> {
  if (regions.length === 0) return new Map();
  const results = computeRegionalIndex(
    regions.map((r) => ({ id: r.region, totals: { population: r.population, fdi: r.fdi, exports: r.exports, imports: r.imports, foreignOwnedCompanies: r.foreignOwnedCompanies } })),
    settings.regionalWeights,
  );
  return new Map(results.map((r) => [r.id, r.value]));
}

/** A cluster's values without those that are not finite or negative (stored around the application), and what was dropped. */
function screenClusterValues(year: number, cluster: AnalyticsCluster): { cluster: AnalyticsCluster; excluded: ExcludedIndicatorValue[] } {
  const rows = Object.entries(cluster.values).map(([indicator, value]) => ({ slug: cluster.slug, year, indicator, value: value as unknown }));
  const { usable, excluded } = screenIndicatorRows(rows);
  if (excluded.length === 0) return { cluster, excluded };
  return { cluster: { ...cluster, values: Object.fromEntries(usable.map((r) => [r.indicator, r.value])) }, excluded };
}

/**
 * Computes the internationalization index of every cluster for one year over two comparison sets
 * (all clusters with data that year; the cluster's industry group), the regional index and the scenarios.
 * Clusters with self-assessment grade 1 are not ranked and stay out of both sets.
 * Total: a stored value that is not finite or not plausible is left out (and listed in `excluded`), never thrown on.
 */
export function referenceYearAnalytics(year: number, givenClusters: readonly AnalyticsCluster[], givenRegions: readonly RegionalStatisticsRecord[], settings: IndexSettings): YearAnalytics {
  const screenedClusters = givenClusters.map((c) => screenClusterValues(year, c));
  const clusters = screenedClusters.map((s) => s.cluster);
  const { usable: regions, excluded: excludedRegional } = screenRegionalRecords(givenRegions);
  const excludedByRegion = new Map(excludedRegional.map((e) => [e.region, e.problem]));
  const withData = clusters.filter((c) => Object.keys(c.values).length > 0);
  const hasData = new Set(withData); // a Set, not withData.includes per cluster: that made 100,000 clusters take 18 s
  const ranked = withData.filter((c) => c.selfAssessment !== 1);
  const toItem = (c: AnalyticsCluster) => ({ id: c.slug, values: c.values });
  const overall = ranked.length ? positions(ranked.map(toItem), settings) : null;
  const byGroup = new Map<string, ReturnType<typeof positions>>();
  for (const group of new Set(ranked.map((c) => c.industryGroup)))
    byGroup.set(group, positions(ranked.filter((c) => c.industryGroup === group).map(toItem), settings));

  const clusterThreshold = overall ? computeThreshold(overall.explained.results.map((r) => r.value), thresholdRuleFor(settings, 'cluster')) : null;
  const regionIndexById = regionalIndex(regions, settings);
  // The regional line is drawn over the host regions of the ranked clusters (each region once), so that
  // importing statistics for all 83 regions does not move the line away from the plotted clusters.
  const hostIndices = [...new Set(ranked.map((c) => c.region))].flatMap((r) => (regionIndexById.has(r) ? [regionIndexById.get(r)!] : []));
  const regionThreshold = hostIndices.length ? computeThreshold(hostIndices, thresholdRuleFor(settings, 'region')) : null;
  const regionByCode = new Map(regions.map((r) => [r.region, r]));

  const result = new Map<string, ClusterAnalytics>();
  for (const c of clusters) {
    const notRanked: NotRankedReason | null = !hasData.has(c) ? 'no-indicators' : c.selfAssessment === 1 ? 'self-assessment-1' : null;
    const own = overall?.byId.get(c.slug);
    const inGroup = byGroup.get(c.industryGroup)?.byId.get(c.slug);
    const regionIndex = regionIndexById.get(c.region) ?? null;
    const known = own && regionIndex !== null && regionThreshold !== null && clusterThreshold !== null;
    const scenario: ScenarioView = {
      code: known ? classifyScenario({ clusterIndex: own.position.value, clusterThreshold: clusterThreshold!, regionIndex, regionThreshold }).code : 'unknown',
      year,
      clusterIndex: own?.position.value ?? null,
      regionIndex,
      clusterThreshold,
      regionThreshold,
      missingRegionalInputs: own ? missingRegionalInputs(regionByCode.get(c.region)) : [],
      excludedRegional: excludedByRegion.get(c.region) ?? null,
    };
    result.set(c.slug, {
      slug: c.slug,
      year,
      notRanked,
      overall: own?.position ?? null,
      industry: inGroup?.position ?? null,
      reported: INDICATOR_KEYS.filter((k) => c.values[k] !== undefined).length,
      of: INDICATOR_KEYS.length,
      contributions: own?.result.contributions ?? [],
      scenario,
    });
  }
  return {
    year,
    clusters: result,
    maxima: overall?.explained.maxima ?? null,
    clusterThreshold,
    regionThreshold,
    regionIndex: regionIndexById,
    excluded: { regional: excludedRegional, indicators: screenedClusters.flatMap((s) => s.excluded) },
  };
}

function readValue<K extends string>(item: IndexItem<K>, indicator: K, negativeAsZero: boolean): number | null {
  const value: unknown = item.values[indicator];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `Indicator "${indicator}" of "${item.id}" must be a finite number or null (n/a), got ${describe(value)}`,
    );
  }
  if (value < 0 && !negativeAsZero) {
    throw new RangeError(
      `Indicator "${indicator}" of "${item.id}" is negative (${value}); indicator values must be >= 0. ` +
        'Correct the input, or leave it empty if it is not reported.',
    );
  }
  return value;
}

function validateWeights<K extends string>(indicators: readonly K[], weights: Record<K, number>): Record<K, number> {
  const used = {} as Record<K, number>;
  for (const indicator of indicators) {
    const weight: unknown = weights[indicator];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new RangeError(
        `Weight of indicator "${indicator}" must be a finite number >= 0, got ${describe(weight)}`,
      );
    }
    used[indicator] = weight;
  }
  return used;
}

function assertDistinct(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`Duplicate ${what} "${value}" in the comparison set; each must appear once`);
    seen.add(value);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
