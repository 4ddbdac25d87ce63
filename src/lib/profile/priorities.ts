import { z } from 'zod';
import { confirmedAt, countryCode, localizedList, localizedText, longText, shortText } from './common';
import { FACT_KINDS_BY_BLOCK, sourcedFacts } from './facts';
import { COOPERATION_AREAS } from './vocabulary';

/** Most structured offers or seeks one profile may list. */
export const COOPERATION_ITEMS_MAX = 50;
/** Most keywords or countries in one structured offer or seek. */
export const COOPERATION_ITEM_TERMS_MAX = 50;

/** One structured offer or seek, used by matchmaking: a cooperation area, technology and market keywords (either language), countries. */
export const cooperationItemSchema = z
  .object({
    area: z.enum(COOPERATION_AREAS).optional(),
    technologies: z.array(shortText).max(COOPERATION_ITEM_TERMS_MAX).optional(),
    markets: z.array(shortText).max(COOPERATION_ITEM_TERMS_MAX).optional(),
    countries: z.array(countryCode).max(COOPERATION_ITEM_TERMS_MAX).optional(),
  })
  .strict()
  .refine((i) => i.area !== undefined || !!i.technologies?.length || !!i.markets?.length || !!i.countries?.length, {
    message: 'give a cooperation area, a keyword or a country',
  });

/** One structured offer or seek as stored and shown. */
export type CooperationItem = z.infer<typeof cooperationItemSchema>;

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
    offerItems: z.array(cooperationItemSchema).max(COOPERATION_ITEMS_MAX).optional(),
    seekItems: z.array(cooperationItemSchema).max(COOPERATION_ITEMS_MAX).optional(),
    facts: sourcedFacts(FACT_KINDS_BY_BLOCK.priorities),
    confirmedAt,
  })
  .strict();

/** Block 2 as stored and shown. */
export type Priorities = z.infer<typeof prioritiesSchema>;
