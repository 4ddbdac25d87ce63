import { placeCandidate, type WhatIfPosition } from '../lib/indexing/what-if';
import type { IndicatorKey } from '../lib/profile/vocabulary';
import { getYearAnalytics } from './analytics';
import type { Store } from './store';

/** The candidate's position among all ranked public clusters of the year and, optionally, within one industry group. */
export async function evaluateWhatIf(store: Store, year: number, candidate: Partial<Record<IndicatorKey, number>>, group?: string): Promise<{ overall: WhatIfPosition; industry: WhatIfPosition | null }> {
  const ranked = new Set([...(await getYearAnalytics(store, year)).clusters.values()].filter((a) => a.overall).map((a) => a.slug));
  const values = new Map<string, { id: string; group: string; values: Partial<Record<IndicatorKey, number>> }>();
  const groups = new Map((await store.clusters.listPublic()).map((c) => [c.slug, c.industryGroup as string]));
  for (const row of await store.clusters.listPublicIndicators(year)) {
    if (!ranked.has(row.slug)) continue;
    const entry = values.get(row.slug) ?? { id: row.slug, group: groups.get(row.slug) ?? '', values: {} };
    entry.values[row.indicator] = row.value;
    values.set(row.slug, entry);
  }
  const all = [...values.values()];
  return {
    overall: placeCandidate(all, candidate, store.settings.index),
    industry: group ? placeCandidate(all.filter((c) => c.group === group), candidate, store.settings.index) : null,
  };
}
