import { z } from 'zod';
import { INDICATOR_KEYS } from './profile/vocabulary';
import { boundedYearSchema } from './years';
import { REGIONAL_INDICATORS } from './indexing';

/** An indicator weight α_j: finite and not negative (0 switches an indicator off). */
const weight = z.number().finite().min(0, 'a weight must not be negative');

/** Weights of the four cluster indicators (domain.md: default 1 each). */
const clusterWeightsSchema = z.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, weight.default(1)])) as Record<(typeof INDICATOR_KEYS)[number], z.ZodDefault<typeof weight>>).strict();
/** Weights of the four regional indicators. */
const regionalWeightsSchema = z.object(Object.fromEntries(REGIONAL_INDICATORS.map((k) => [k, weight.default(1)])) as Record<(typeof REGIONAL_INDICATORS)[number], z.ZodDefault<typeof weight>>).strict();

/** How "high" is decided for both indices: the mean (default), the median, or a fixed value. */
export const thresholdRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mean') }).strict(),
  z.object({ kind: z.literal('median') }).strict(),
  z.object({ kind: z.literal('fixed'), cluster: z.number().finite().min(0), region: z.number().finite().min(0) }).strict(),
]);

/** Settings of the internationalization index, regional index and scenarios (content/settings.json → index). */
export const indexSettingsSchema = z
  .object({
    weights: clusterWeightsSchema.default({}),
    regionalWeights: regionalWeightsSchema.default({}),
    threshold: thresholdRuleSchema.default({ kind: 'mean' }),
    defaultYear: boundedYearSchema.nullable().default(null),
  })
  .strict();

/** The portal's moderator-editable settings. */
export const settingsSchema = z
  .object({ _about: z.string().optional(), index: indexSettingsSchema.default({}) })
  .strict();

/** Validated settings. */
export type Settings = z.infer<typeof settingsSchema>;
/** Validated index settings. */
export type IndexSettings = z.infer<typeof indexSettingsSchema>;
/** The defaults of domain.md: unit weights, mean thresholds, latest year with data. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
