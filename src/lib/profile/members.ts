import { z } from 'zod';
import { confirmedAt, countryCode, list, localizedText } from './common';
import { FACT_KINDS_BY_BLOCK, sourcedFacts } from './facts';
import { ACTIVITY_MAX, MEMBER_TYPES, type MemberType } from './vocabulary';

/** One cluster member with its type, country and international activity (0–4). */
export const memberSchema = z
  .object({
    name: localizedText(),
    type: z.enum(MEMBER_TYPES),
    country: countryCode.default('RU'),
    internationalActivity: z.number().int().min(0).max(ACTIVITY_MAX).optional(),
  })
  .strict();

/** Block 4, members: the list from which counts by type and foreign members are derived. */
export const membersSchema = z.object({ members: list(memberSchema), facts: sourcedFacts(FACT_KINDS_BY_BLOCK.members), confirmedAt }).strict();

/** One member as stored and shown. */
export type Member = z.infer<typeof memberSchema>;
/** Block 4 as stored and shown. */
export type Members = z.infer<typeof membersSchema>;

/** Number of members of each type, derived from the member list. */
export function countMembersByType(members: readonly Member[]): Partial<Record<MemberType, number>> {
  const counts: Partial<Record<MemberType, number>> = {};
  for (const m of members) counts[m.type] = (counts[m.type] ?? 0) + 1;
  return counts;
}

/** Number of foreign (non-Russian) members, derived from the member list. */
export function countForeignMembers(members: readonly Member[]): number {
  return members.filter((m) => m.country !== 'RU').length;
}
