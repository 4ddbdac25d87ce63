import type { IndexSettings } from '../settings';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { computeIndexOverSetWithExplanation, type IndicatorContribution } from './multivariate-index';
import { rankDescending } from './rank';
import { computeRegionalIndex } from './regional-index';
import { classifyScenario, type ScenarioCode } from './scenario';
import { computeThreshold, type ThresholdRule } from './threshold';
import { missingRegionalInputs, type RegionalInput, type RegionalStatisticsRecord } from '../regional-statistics';
import { screenIndicatorRows, screenRegionalRecords, type ExcludedIndicatorValue, type ExcludedRegionalRecord } from '../data-screening';
import type { RegionalProblem } from '../regional-plausibility';

/** A cluster as the yearly computation sees it. */
export interface AnalyticsCluster {
  slug: string;
  industryGroup: string;
  region: string;
  selfAssessment: number | null;
  /** Reported values of the year; absent = not reported. */
  values: Partial<Record<IndicatorKey, number>>;
}


/** A cluster's index in one comparison set, with its rank ("3rd of 25"). */
export interface SetPosition {
  value: number;
  rank: number;
  of: number;
}

/** Why a cluster has no index for the year. */
export type NotRankedReason = 'no-indicators' | 'self-assessment-1';

/** The scenario badge with its explanation, or what is missing for it. */
export interface ScenarioView {
  code: ScenarioCode;
  year: number;
  clusterIndex: number | null;
  regionIndex: number | null;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  /** Regional inputs missing for the cluster's region: all five when it has no statistics for the year, else the
   *  ones counted as 0 by the formula (empty when the cluster is unranked). */
  missingRegionalInputs: RegionalInput[];
  /** Why the region's statistics of the year were left out of the regional index (a value no region can have), or null. */
  excludedRegional: RegionalProblem | null;
}

/** Everything computed for one cluster in one year. */
export interface ClusterAnalytics {
  slug: string;
  year: number;
  notRanked: NotRankedReason | null;
  overall: SetPosition | null;
  industry: SetPosition | null;
  reported: number;
  of: number;
  contributions: IndicatorContribution<IndicatorKey>[];
  scenario: ScenarioView;
}

/** The whole year: per-cluster results, the reference maxima and both thresholds. */
export interface YearAnalytics {
  year: number;
  clusters: Map<string, ClusterAnalytics>;
  maxima: Record<IndicatorKey, number> | null;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  regionIndex: Map<string, number>;
  /** Stored values the computation left out because they are not finite or not plausible (the health check names them). */
  excluded: { regional: ExcludedRegionalRecord[]; indicators: ExcludedIndicatorValue[] };
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
export function computeYearAnalytics(year: number, givenClusters: readonly AnalyticsCluster[], givenRegions: readonly RegionalStatisticsRecord[], settings: IndexSettings): YearAnalytics {
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
