import type { IndicatorContribution } from '../lib/indexing/multivariate-index';
import { placeCandidate, type WhatIfPosition } from '../lib/indexing/what-if';
import type { IndicatorKey } from '../lib/profile/vocabulary';
import { getYearAnalytics } from './analytics';
import type { Store } from './store';

/** The candidate's position among all ranked public clusters of the year and, optionally, within one industry group. */
export async function evaluateWhatIf(store: Store, year: number, candidate: Partial<Record<IndicatorKey, number>>, group?: string): Promise<{ overall: WhatIfPosition; industry: WhatIfPosition | null }> {
  const groups = new Map((await store.clusters.listPublic()).map((c) => [c.slug, c.industryGroup as string]));
  // The values the year's index used (stored values it left out stay out here too), read back from its explanation.
  const all = [...(await getYearAnalytics(store, year)).clusters.values()]
    .filter((a) => a.overall)
    .map((a) => ({ id: a.slug, group: groups.get(a.slug) ?? '', values: usedValues(a.contributions) }));
  return {
    overall: placeCandidate(all, candidate, store.settings.index),
    industry: group ? placeCandidate(all.filter((c) => c.group === group), candidate, store.settings.index) : null,
  };
}

/** The reported values behind an index explanation (n/a indicators absent). */
function usedValues(contributions: readonly IndicatorContribution<IndicatorKey>[]): Partial<Record<IndicatorKey, number>> {
  return Object.fromEntries(contributions.flatMap((c) => (c.value === null ? [] : [[c.indicator, c.value]])));
}
