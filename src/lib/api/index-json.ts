import type { z } from 'zod';
import type { ClusterAnalytics } from '../indexing/year-analytics';
import type { indexJsonSchema } from './answers';

/** The index block of a list item (see indexJsonSchema). */
export type IndexJson = z.infer<typeof indexJsonSchema>;

/** The index block for a cluster's analytics (all null when the year has no data for it). */
export function toIndexJson(a: ClusterAnalytics | null, year: number | null): IndexJson {
  return {
    year,
    overall: a?.overall?.value ?? null,
    overallRank: a?.overall?.rank ?? null,
    overallOf: a?.overall?.of ?? null,
    industry: a?.industry?.value ?? null,
    industryRank: a?.industry?.rank ?? null,
    industryOf: a?.industry?.of ?? null,
    reported: a?.reported ?? 0,
    of: a?.of ?? 4,
    notRanked: a?.notRanked ?? (a ? null : 'no-indicators'),
  };
}
