import { z } from 'zod';
import { confirmedAt, localizedText, longText, shortText, webUrl } from './common';
import { FACT_KINDS_BY_BLOCK, sourcedFacts } from './facts';
import { CMO_SERVICES, COORDINATORS, STRATEGY_STATUSES } from './vocabulary';

/** Contact person; e-mail and phone are private and never published or indexed. */
export const contactSchema = z
  .object({
    name: shortText,
    position: shortText.optional(),
    email: z.string().trim().email('must be an e-mail address').max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+()\d\s-]{5,30}$/, 'must be a phone number of digits, spaces, +, ( ) and -')
      .optional(),
  })
  .strict();

/** The cluster management organization (CMO). */
export const cmoSchema = z
  .object({
    name: localizedText(),
    legalForm: shortText.optional(),
    website: webUrl.optional(),
  })
  .strict();

/** Block 3, management: the CMO, the manager, services and the internationalization strategy. */
export const managementSchema = z
  .object({
    cmo: cmoSchema.optional(),
    manager: contactSchema.optional(),
    managementModel: localizedText(longText).optional(),
    services: z.array(z.enum(CMO_SERVICES)).max(CMO_SERVICES.length).default([]),
    internationalCoordinator: z.enum(COORDINATORS).optional(),
    strategyStatus: z.enum(STRATEGY_STATUSES).optional(),
    facts: sourcedFacts(FACT_KINDS_BY_BLOCK.management),
    confirmedAt,
  })
  .strict();

/** Block 3 as stored and shown. */
export type Management = z.infer<typeof managementSchema>;
