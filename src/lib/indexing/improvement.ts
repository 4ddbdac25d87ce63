import type { IndicatorContribution } from './multivariate-index';

/** What would raise a cluster's index most directly: indicators to report, and the one with the most headroom. */
export interface ImprovementHints<K extends string> {
  /** Indicators not reported: each counts as 0 until it is. */
  missing: K[];
  /** The reported indicator whose contribution could grow most (weight · (1 − ratio²)), or null when all are at the maximum. */
  largestGap: K | null;
}

/**
 * Hints for a cluster manager from the index explanation.
 * @example improvementHints([{ indicator: 'a', value: null, ... }, { indicator: 'b', value: 1, ratio: 0.5, weight: 1, ... }])
 * // => { missing: ['a'], largestGap: 'b' }
 */
export function improvementHints<K extends string>(contributions: readonly IndicatorContribution<K>[]): ImprovementHints<K> {
  const missing = contributions.filter((c) => c.value === null).map((c) => c.indicator);
  let largestGap: K | null = null;
  let best = 1e-12;
  for (const c of contributions) {
    if (c.value === null || c.max <= 0) continue;
    const headroom = c.weight * (1 - c.ratio ** 2);
    if (headroom > best) (best = headroom), (largestGap = c.indicator);
  }
  return { missing, largestGap };
}
