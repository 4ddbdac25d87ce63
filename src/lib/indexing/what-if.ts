import { z } from 'zod';
import { INDICATOR_KEYS, INDUSTRY_GROUPS, type IndicatorKey } from '../profile/vocabulary';
import type { IndexSettings } from '../settings';
import { computeIndexOverSetWithExplanation, type IndicatorContribution } from './multivariate-index';
import { rankDescending } from './rank';
import { queryYearSchema } from '../years';

/** Id the hypothetical cluster takes inside the comparison set; cannot clash with a slug (slugs have no "_"). */
export const CANDIDATE_ID = '__candidate__';

/** An optional non-negative indicator from a form field; an empty field means "not reported". */
const optionalIndicator = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
  z.number({ invalid_type_error: 'must be a number' }).finite('must be a number').min(0, 'must not be negative').optional(),
);

/** The what-if form: four indicators (any may be empty), a year and an optional industry group. */
export const whatIfQuerySchema = z
  .object({
    ...(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, optionalIndicator])) as Record<IndicatorKey, typeof optionalIndicator>),
    year: queryYearSchema.optional(),
    group: z.enum(INDUSTRY_GROUPS).optional(),
  })
  .strict();

/** A validated what-if query. */
export type WhatIfQuery = z.infer<typeof whatIfQuerySchema>;

/** Where the hypothetical cluster would stand in one comparison set. */
export interface WhatIfPosition {
  value: number;
  rank: number;
  of: number;
  contributions: IndicatorContribution<IndicatorKey>[];
}

/** Index and rank the candidate would have if added to the set (the others' values are re-scaled by any new maximum). */
export function placeCandidate(
  set: ReadonlyArray<{ id: string; values: Partial<Record<IndicatorKey, number>> }>,
  candidate: Partial<Record<IndicatorKey, number>>,
  settings: IndexSettings,
): WhatIfPosition {
  const items = [...set, { id: CANDIDATE_ID, values: candidate }];
  const { results } = computeIndexOverSetWithExplanation(items, INDICATOR_KEYS, settings.weights);
  const ranks = rankDescending(results.map((r) => ({ id: r.id, value: r.value })));
  const own = results.find((r) => r.id === CANDIDATE_ID)!;
  return { value: own.value, rank: ranks.get(CANDIDATE_ID)!, of: items.length, contributions: own.contributions };
}
