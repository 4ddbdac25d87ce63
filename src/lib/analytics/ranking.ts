import { z } from 'zod';
import { nameCollator, type Lang } from '../i18n';
import { INDUSTRY_GROUPS } from '../profile/vocabulary';
import type { ClusterAnalytics } from '../indexing/year-analytics';
import { queryYearSchema } from '../years';

/** Columns the ranking table sorts by; "-" reverses. */
export const RANKING_SORTS = ['rank', '-rank', 'name', '-name', 'regionIndex', '-regionIndex'] as const;

/** Query parameters of the analytics page. */
export const analyticsQuerySchema = z
  .object({
    year: queryYearSchema.optional(),
    set: z.enum(['overall', 'industry']).default('overall'),
    group: z.enum(INDUSTRY_GROUPS).optional(),
    sort: z.enum(RANKING_SORTS).default('rank'),
  })
  .strict();

/** A validated analytics query. */
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** A cluster as the ranking needs it. */
export interface RankingInput {
  slug: string;
  name: { ru: string; en: string };
  region: string;
  industryGroup: string;
  analytics: ClusterAnalytics | null;
}

/** One row of the ranking table; unranked clusters have null value and rank. */
export interface RankingRow extends RankingInput {
  value: number | null;
  rank: number | null;
  of: number | null;
  regionIndex: number | null;
}

/** Ranking rows for the chosen comparison set and group, sorted by the chosen column; unranked rows always last. */
export function buildRanking(items: readonly RankingInput[], query: Pick<AnalyticsQuery, 'set' | 'group' | 'sort'>, lang: Lang): RankingRow[] {
  const collator = nameCollator(lang);
  const rows = items
    .filter((c) => !query.group || c.industryGroup === query.group)
    .map((c) => {
      const position = query.set === 'overall' ? c.analytics?.overall : c.analytics?.industry;
      return { ...c, value: position?.value ?? null, rank: position?.rank ?? null, of: position?.of ?? null, regionIndex: c.analytics?.scenario.regionIndex ?? null };
    });
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as 'rank' | 'name' | 'regionIndex';
  const byName = (a: RankingRow, b: RankingRow) => collator.compare(a.name[lang], b.name[lang]);
  return rows.sort((a, b) => {
    if (key === 'name') return desc ? byName(b, a) : byName(a, b);
    if (key === 'rank' && query.set === 'industry' && a.industryGroup !== b.industryGroup && !query.group)
      return a.industryGroup.localeCompare(b.industryGroup);
    // Unranked clusters stay last in every numeric order (by name they sort among the others).
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    const va = key === 'rank' ? a.rank : a.regionIndex;
    const vb = key === 'rank' ? b.rank : b.regionIndex;
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    // Rank ascends (1st first) by default; the region index descends by default.
    const order = key === 'rank' ? va - vb : vb - va;
    return (desc ? -order : order) || byName(a, b);
  });
}

/** Whether any row has a regional index: without one the column (and its sort) is left out rather than "—" in every row. */
export function hasRegionalIndex(rows: readonly Pick<RankingRow, 'regionIndex'>[]): boolean {
  return rows.some((r) => r.regionIndex !== null);
}

/** One bar of the ranked index chart. */
export interface IndexBar {
  slug: string;
  name: string;
  value: number;
  /** Bar length as a share of the longest bar, 0–1. */
  share: number;
}

/**
 * Bars of the ranked index chart: ranked rows only, highest index first, each scaled to the highest value.
 *
 * @example indexBars([{ slug: 'a', name: { en: 'A', ru: 'А' }, value: 0.5 }, { slug: 'b', name: { en: 'B', ru: 'Б' }, value: 1 }], 'en')
 * // => [{ slug: 'b', name: 'B', value: 1, share: 1 }, { slug: 'a', name: 'A', value: 0.5, share: 0.5 }]
 */
export function indexBars(rows: readonly Pick<RankingRow, 'slug' | 'name' | 'value'>[], lang: Lang): IndexBar[] {
  const ranked = rows.filter((r): r is typeof r & { value: number } => r.value !== null).sort((a, b) => b.value - a.value);
  const top = ranked[0]?.value ?? 0;
  return ranked.map((r) => ({ slug: r.slug, name: r.name[lang], value: r.value, share: top > 0 ? r.value / top : 0 }));
}
