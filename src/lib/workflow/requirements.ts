import type { Profile } from '../profile/profile';
import { WorkflowError } from './errors';

/** Thresholds of the minimum requirements (domain.md: at least 10 members of at least 2 types). */
export interface RequirementThresholds {
  minMembers: number;
  minMemberTypes: number;
}

/** The thresholds of domain.md; a deployment could override them once they become a setting. */
export const DEFAULT_REQUIREMENT_THRESHOLDS: RequirementThresholds = { minMembers: 10, minMemberTypes: 2 };

/** Identifiers of the minimum requirements, in the order the checklist shows them. */
export const REQUIREMENT_IDS = ['cmo', 'contact', 'members', 'memberTypes', 'region', 'industry'] as const;
/** One of REQUIREMENT_IDS. */
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** One line of the checklist: whether it is met, its message key (see src/lib/i18n/ui-workflow.ts) and the numbers it shows. */
export interface RequirementCheck {
  id: RequirementId;
  met: boolean;
  messageKey: `workflow.requirement.${RequirementId}`;
  values: Record<string, number>;
}

/** Whether an optional localized text has a non-empty value in either language. */
function hasText(text: { ru?: string; en?: string } | undefined): boolean {
  return Boolean(text?.ru?.trim() || text?.en?.trim());
}

/** The minimum requirements of a registration, each met or missing, for the checklist shown before submission. */
export function checkMinimumRequirements(profile: Profile, thresholds: RequirementThresholds = DEFAULT_REQUIREMENT_THRESHOLDS): RequirementCheck[] {
  const { cmo, manager } = profile.management;
  const members = profile.members.members;
  const types = new Set(members.map((m) => m.type)).size;
  const met: Record<RequirementId, boolean> = {
    cmo: hasText(cmo?.name),
    // A contact is a named person one can reach: a name and an e-mail or a phone.
    contact: Boolean(manager?.name?.trim() && (manager.email || manager.phone)),
    members: members.length >= thresholds.minMembers,
    memberTypes: types >= thresholds.minMemberTypes,
    region: Boolean(profile.general.region),
    industry: Boolean(profile.general.industryGroup),
  };
  const values: Record<RequirementId, Record<string, number>> = {
    cmo: {},
    contact: {},
    members: { count: members.length, min: thresholds.minMembers },
    memberTypes: { count: types, min: thresholds.minMemberTypes },
    region: {},
    industry: {},
  };
  return REQUIREMENT_IDS.map((id) => ({ id, met: met[id], messageKey: `workflow.requirement.${id}`, values: values[id] }));
}

/** The ids of the requirements a profile misses (empty when it may be submitted). */
export function missingRequirements(profile: Profile, thresholds?: RequirementThresholds): RequirementId[] {
  return checkMinimumRequirements(profile, thresholds).filter((c) => !c.met).map((c) => c.id);
}

/** Throws 'requirements-missing' with the missing list when the profile may not be submitted yet. */
export function assertSubmittable(profile: Profile, thresholds?: RequirementThresholds): void {
  const missing = missingRequirements(profile, thresholds);
  if (missing.length > 0)
    throw new WorkflowError(
      'requirements-missing',
      `"${profile.slug}" cannot be submitted yet: it misses ${missing.join(', ')}. Complete them and submit again (the draft is kept).`,
      { missing, slug: profile.slug },
    );
}
