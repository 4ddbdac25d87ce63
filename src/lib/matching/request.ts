import { z } from 'zod';
import { COOPERATION_AREAS, INDUSTRY_GROUPS } from '../profile/vocabulary';
import { countryCode } from '../profile/common';
import { regionCodeSchema } from '../regions';

/** Longest keyword text a partner search takes. */
export const PARTNER_Q_MAX = 200;
/** Most ranked clusters one partner search returns. */
export const PARTNER_RESULTS_MAX = 50;

/** What a visitor looks for on /partners and GET /api/v1/partners (the directory's names where they exist); all optional. */
export const partnerQuerySchema = z
  .object({
    industryGroup: z.enum(INDUSTRY_GROUPS, { errorMap: () => ({ message: `must be one of ${INDUSTRY_GROUPS.join(', ')}` }) }).optional(),
    q: z.string().max(PARTNER_Q_MAX, `must be at most ${PARTNER_Q_MAX} characters`).optional(),
    region: regionCodeSchema.optional(),
    area: z.enum(COOPERATION_AREAS, { errorMap: () => ({ message: `must be one of ${COOPERATION_AREAS.join(', ')}` }) }).optional(),
    country: countryCode.optional(),
  })
  .strict();

/** A validated partner search. */
export type PartnerQuery = z.infer<typeof partnerQuerySchema>;

/** Whether the search states anything to match on (an empty one lists nobody). */
export function hasCriteria(query: PartnerQuery): boolean {
  return Object.values(query).some((v) => v !== undefined && v !== '');
}
