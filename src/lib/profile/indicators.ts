import { z } from 'zod';
import { shortText, year, yearlyList } from './common';
import { INDICATOR_KEYS, type IndicatorKey } from './vocabulary';

/** A reported indicator value with its source; an absent value means "not reported" (n/a), never 0. */
export const indicatorValueSchema = z
  .object({
    value: z.number({ invalid_type_error: 'must be a number' }).finite().min(0, 'must not be negative'),
    source: shortText,
  })
  .strict();

/** Indicator values of one year; each of the four may be missing. */
export const indicatorYearSchema = z
  .object({
    year,
    internationalMembers: indicatorValueSchema
      .refine((v) => Number.isInteger(v.value), { message: 'the number of international members must be whole' })
      .optional(),
    exportsBlnRub: indicatorValueSchema.optional(),
    publications: indicatorValueSchema
      .refine((v) => Number.isInteger(v.value), { message: 'the number of publications must be whole' })
      .optional(),
    jointRndBlnRub: indicatorValueSchema.optional(),
  })
  .strict();

/** Indicators by year, one entry per year. */
export const indicatorsSchema = yearlyList(indicatorYearSchema);

/** One year of indicators as stored and shown. */
export type IndicatorYear = z.infer<typeof indicatorYearSchema>;

/** The reported values of one year, with missing ones as null. */
export function indicatorValues(y: IndicatorYear): Record<IndicatorKey, number | null> {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, y[k]?.value ?? null])) as Record<IndicatorKey, number | null>;
}
