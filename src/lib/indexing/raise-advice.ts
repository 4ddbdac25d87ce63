import type { IndicatorContribution } from './multivariate-index';

/**
 * What would raise a cluster's index most, in one sentence's worth of data: the indicator where reaching the
 * comparison set's leader adds the most to the index. Reaching the leader leaves the maximum as it is, so the new
 * index is exact: sqrt(Σ contributions − contribution_j + weight_j).
 */
export type RaiseAdvice<K extends string> =
  /** The indicator is not reported: reporting it (at the leader's level) would raise the index to `indexIfLeader`. */
  | { kind: 'report'; indicator: K; indexIfLeader: number; leaderValue: number }
  /** The reported indicator furthest behind the leader (`value` against `leaderValue`). */
  | { kind: 'catch-up'; indicator: K; value: number; leaderValue: number; ratio: number; indexIfLeader: number }
  /** The cluster is at the leader's level in every indicator that counts. */
  | { kind: 'leader' };

/** The index the cluster would have if the one indicator reached the set's maximum (others unchanged). */
export function indexIfLeaderIn<K extends string>(contributions: readonly IndicatorContribution<K>[], indicator: K): number {
  const sum = contributions.reduce((s, c) => s + (c.indicator === indicator ? c.weight : c.contribution), 0);
  return Math.sqrt(sum);
}

/**
 * The indicator with the most headroom (the largest gain from reaching the leader); ties go to the first listed.
 * Indicators whose weight is 0 or whose maximum is 0 (nobody reports them above 0) are skipped: they cannot count.
 * @example raiseAdvice([{ indicator: 'a', value: 2, max: 4, weight: 1, ratio: 0.5, contribution: 0.25 },
 *   { indicator: 'b', value: null, max: 10, weight: 1, ratio: 0, contribution: 0 }])
 * // => { kind: 'report', indicator: 'b', indexIfLeader: 1.118…, leaderValue: 10 }
 */
export function raiseAdvice<K extends string>(contributions: readonly IndicatorContribution<K>[]): RaiseAdvice<K> {
  let best: IndicatorContribution<K> | undefined;
  let bestGain = 1e-12;
  for (const c of contributions) {
    if (c.weight <= 0 || c.max <= 0) continue;
    const gain = c.weight - c.contribution;
    if (gain > bestGain) (bestGain = gain), (best = c);
  }
  if (!best) return { kind: 'leader' };
  const indexIfLeader = indexIfLeaderIn(contributions, best.indicator);
  if (best.value === null) return { kind: 'report', indicator: best.indicator, indexIfLeader, leaderValue: best.max };
  return { kind: 'catch-up', indicator: best.indicator, value: best.value, leaderValue: best.max, ratio: best.ratio, indexIfLeader };
}
