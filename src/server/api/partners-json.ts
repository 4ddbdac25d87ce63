/** The JSON of GET /api/v1/partners: ranked clusters with their score and reasons (each also as text in both languages). */
import type { z } from 'zod';
import type { partnerItemSchema, partnersAnswerSchema } from '../../lib/api/answers';
import { describeReason, MATCH_POINTS, type PartnerQuery } from '../../lib/matching';
import type { PartnerResult } from '../partners';

/** One ranked cluster of the partner API (see partnerItemSchema). */
export type PartnerItemJson = z.infer<typeof partnerItemSchema>;

/** A ranked cluster as the API gives it. */
export function toPartnerItemJson({ match, profile }: PartnerResult): PartnerItemJson {
  return {
    slug: profile.slug,
    name: profile.general.name,
    region: profile.general.region,
    industryGroup: profile.general.industryGroup,
    url: { ru: `/clusters/${profile.slug}`, en: `/en/clusters/${profile.slug}` },
    score: match.score,
    reasons: match.reasons.map((r) => ({ ...r, text: { ru: describeReason(r, 'ru'), en: describeReason(r, 'en') } })),
  };
}

/** The whole answer: the query as understood, the points table the score uses, and the ranked clusters. */
export function toPartnersJson(query: PartnerQuery, results: readonly PartnerResult[]): z.input<typeof partnersAnswerSchema> {
  return { query, points: MATCH_POINTS, total: results.length, items: results.map(toPartnerItemJson) };
}
