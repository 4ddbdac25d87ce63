import { z } from 'zod';
import { generalSchema } from './general';
import { indicatorsSchema } from './indicators';
import { managementSchema } from './management';
import { membersSchema } from './members';
import { partnersProjectsSchema } from './partners-projects';
import { prioritiesSchema } from './priorities';
import { questionnaireSchema } from './questionnaire';

/** URL-safe identifier of a cluster, e.g. obninsk-pharma-biotech. */
export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and single hyphens');

/** Where the profile's data comes from (shown on the profile). */
export const provenanceSchema = z
  .object({ source: z.string().trim().min(1).max(1000), note: z.string().trim().max(1000).optional() })
  .strict();

/** The five-block cluster profile plus indicators by year: the single source of truth. */
export const profileSchema = z
  .object({
    slug: slugSchema,
    general: generalSchema,
    priorities: prioritiesSchema.default({}),
    management: managementSchema.default({}),
    members: membersSchema.default({}),
    partnersProjects: partnersProjectsSchema.default({}),
    indicators: indicatorsSchema,
    questionnaire: questionnaireSchema,
    provenance: provenanceSchema.optional(),
  })
  .strict();

/** A validated cluster profile. */
export type Profile = z.infer<typeof profileSchema>;
/** A profile as written in a file or form, before defaults are applied. */
export type ProfileInput = z.input<typeof profileSchema>;

/** Names of the five blocks, in display order. */
export const PROFILE_BLOCKS = ['general', 'priorities', 'management', 'members', 'partnersProjects'] as const;
/** One of the five blocks. */
export type ProfileBlock = (typeof PROFILE_BLOCKS)[number];
