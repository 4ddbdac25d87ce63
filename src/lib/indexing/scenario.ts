import { isAtOrAboveThreshold } from './threshold';

/** Scenario codes of the cluster × region 2×2 matrix (Johanson and Mattsson, 1988), plus 'unknown'. */
export const SCENARIO_CODES = ['potential', 'lonely', 'supported', 'late', 'unknown'] as const;

/** One of {@link SCENARIO_CODES}. */
export type ScenarioCode = (typeof SCENARIO_CODES)[number];

/** Inputs of {@link classifyScenario}; regional values are absent when the region has no data. */
export type ScenarioInput = {
  clusterIndex: number;
  clusterThreshold: number;
  regionIndex?: number | null | undefined;
  regionThreshold?: number | null | undefined;
};

/** The scenario with everything the badge needs to explain it (`regionHigh` is null when unknown). */
export type ScenarioExplanation = {
  code: ScenarioCode;
  clusterIndex: number;
  regionIndex: number | null;
  clusterThreshold: number;
  regionThreshold: number | null;
  clusterHigh: boolean;
  regionHigh: boolean | null;
};

/**
 * Scenario of a cluster from its index and its region's index, each against its threshold;
 * "high" means at or above the threshold. Without regional data the answer is 'unknown'.
 *
 * @example
 * classifyScenario({ clusterIndex: 0.8, clusterThreshold: 0.5, regionIndex: 0.2, regionThreshold: 0.4 }).code;
 * // => 'lonely'
 * classifyScenario({ clusterIndex: 0.8, clusterThreshold: 0.5, regionIndex: null, regionThreshold: 0.4 }).code;
 * // => 'unknown'
 */
export function classifyScenario(input: ScenarioInput): ScenarioExplanation {
  const { clusterIndex, clusterThreshold } = input;
  const regionIndex = input.regionIndex ?? null;
  const regionThreshold = input.regionThreshold ?? null;
  assertFinite('clusterIndex', clusterIndex);
  assertFinite('clusterThreshold', clusterThreshold);
  if (regionIndex !== null) assertFinite('regionIndex', regionIndex);
  if (regionThreshold !== null) assertFinite('regionThreshold', regionThreshold);

  const clusterHigh = isAtOrAboveThreshold(clusterIndex, clusterThreshold);
  const regionHigh =
    regionIndex === null || regionThreshold === null ? null : isAtOrAboveThreshold(regionIndex, regionThreshold);

  const code: ScenarioCode =
    regionHigh === null
      ? 'unknown'
      : clusterHigh
        ? regionHigh
          ? 'supported'
          : 'lonely'
        : regionHigh
          ? 'late'
          : 'potential';

  return { code, clusterIndex, regionIndex, clusterThreshold, regionThreshold, clusterHigh, regionHigh };
}

function assertFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * Whether scenarios are in play for a year: a cluster has one (a code other than 'unknown'), or a region's stored
 * statistics were left out as implausible (its badge must say why). False until regional statistics are imported.
 * @example anyScenario([{ scenario: { code: 'unknown', excludedRegional: null } }]) // => false
 */
export function anyScenario(clusters: Iterable<{ scenario: { code: ScenarioCode; excludedRegional: unknown } }>): boolean {
  for (const c of clusters) if (c.scenario.code !== 'unknown' || c.scenario.excludedRegional !== null) return true;
  return false;
}
