import { z } from 'zod';
import { regionCodeSchema } from '../regions';
import {
  bilingualText,
  confirmedAt,
  isoDate,
  list,
  localizedList,
  localizedText,
  longText,
  shortText,
  webUrl,
  year,
} from './common';
import { FACT_KINDS_BY_BLOCK, sourcedFacts } from './facts';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS, LABEL_KINDS, SELF_ASSESSMENT_MAX, SELF_ASSESSMENT_MIN } from './vocabulary';

/** Geographic point in WGS 84 degrees (latitude first here; GeoJSON output swaps to lon, lat). */
export const locationSchema = z
  .object({
    lat: z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90'),
    lon: z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180'),
  })
  .strict();

/** Quality label or registry entry, e.g. an ESCA Silver label with its expiry. */
export const labelSchema = z
  .object({
    kind: z.enum(LABEL_KINDS),
    name: shortText.optional(),
    url: webUrl.optional(),
    expires: isoDate.optional(),
  })
  .strict();

/** Website with the language of its content. */
export const websiteSchema = z.object({ url: webUrl, lang: z.enum(['ru', 'en', 'other']).default('ru') }).strict();

/** Block 1, general data: identity, place, industry, status and size of the cluster. */
export const generalSchema = z
  .object({
    name: bilingualText,
    shortName: localizedText().optional(),
    region: regionCodeSchema,
    city: localizedText(),
    location: locationSchema,
    industryGroup: z.enum(INDUSTRY_GROUPS),
    specialization: localizedList.default({ ru: [], en: [] }),
    status: z.enum(CLUSTER_STATUSES),
    foundedYear: year.optional(),
    websites: list(websiteSchema),
    description: localizedText(longText).optional(),
    membersCount: z.number().int().min(0).optional(),
    employees: z.number().int().min(0).optional(),
    selfAssessment: z.number().int().min(SELF_ASSESSMENT_MIN).max(SELF_ASSESSMENT_MAX).optional(),
    labels: list(labelSchema),
    facts: sourcedFacts(FACT_KINDS_BY_BLOCK.general),
    confirmedAt,
  })
  .strict();

/** Block 1 as stored and shown. */
export type General = z.infer<typeof generalSchema>;
