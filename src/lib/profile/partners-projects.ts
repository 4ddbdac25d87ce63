import { z } from 'zod';
import { confirmedAt, countryCode, list, localizedText, longText, year } from './common';
import { COOPERATION_AREAS, PARTNER_TYPES } from './vocabulary';

/** An external partner of the cluster. */
export const partnerSchema = z
  .object({
    name: localizedText(),
    country: countryCode,
    type: z.enum(PARTNER_TYPES),
    area: z.enum(COOPERATION_AREAS).optional(),
  })
  .strict();

/** A cluster project, possibly international. */
export const projectSchema = z
  .object({
    title: localizedText(),
    description: localizedText(longText).optional(),
    startYear: year.optional(),
    endYear: year.optional(),
    budgetMlnRub: z.number().min(0, 'must not be negative').optional(),
    partnerCountries: z.array(countryCode).max(250).default([]),
    area: z.enum(COOPERATION_AREAS).optional(),
  })
  .strict()
  .refine((p) => p.startYear === undefined || p.endYear === undefined || p.startYear <= p.endYear, {
    message: 'the end year must not be before the start year',
    path: ['endYear'],
  });

/** Block 5, partners and projects. */
export const partnersProjectsSchema = z
  .object({ partners: list(partnerSchema), projects: list(projectSchema), confirmedAt })
  .strict();

/** Block 5 as stored and shown. */
export type PartnersProjects = z.infer<typeof partnersProjectsSchema>;
