import { z } from 'zod';
import { confirmedAt, countryCode, localizedList, localizedText, longText } from './common';
import { COOPERATION_AREAS } from './vocabulary';

/** Block 2, cluster priorities: what the cluster aims at, offers and seeks abroad. */
export const prioritiesSchema = z
  .object({
    technologyPriorities: localizedList.default({ ru: [], en: [] }),
    marketPriorities: localizedList.default({ ru: [], en: [] }),
    developmentGoals: localizedText(longText).optional(),
    internationalizationGoals: localizedText(longText).optional(),
    cooperationAreas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length).default([]),
    targetCountries: z.array(countryCode).max(250).default([]),
    offers: localizedText(longText).optional(),
    seeks: localizedText(longText).optional(),
    confirmedAt,
  })
  .strict();

/** Block 2 as stored and shown. */
export type Priorities = z.infer<typeof prioritiesSchema>;
