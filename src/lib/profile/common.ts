import { z } from 'zod';
import { EARLIEST_YEAR, latestYear } from '../years';

/** Longest free-text field (descriptions, offers); short fields use SHORT_TEXT_MAX. */
export const LONG_TEXT_MAX = 5000;
/** Longest name or keyword. */
export const SHORT_TEXT_MAX = 300;
/** Largest list a profile may hold (members, partners, projects). */
export const LIST_MAX = 2000;

export { EARLIEST_YEAR, latestYear };

/** A trimmed, non-empty short text. */
export const shortText = z.string().trim().min(1, 'must not be empty').max(SHORT_TEXT_MAX);
/** A trimmed, non-empty long text. */
export const longText = z.string().trim().min(1, 'must not be empty').max(LONG_TEXT_MAX);

/** Text in Russian and/or English; at least one language is required. */
export const localizedText = (text: z.ZodString = shortText) =>
  z
    .object({ ru: text.optional(), en: text.optional() })
    .strict()
    .refine((v) => v.ru !== undefined || v.en !== undefined, { message: 'give the text in Russian or English' });

/** Text required in both Russian and English (names shown in both interfaces). */
export const bilingualText = z.object({ ru: shortText, en: shortText }).strict();

/** Keyword lists per language. */
export const localizedList = z
  .object({ ru: z.array(shortText).max(100).default([]), en: z.array(shortText).max(100).default([]) })
  .strict();

/** An http(s) URL. */
export const webUrl = z
  .string()
  .trim()
  .url('must be a full web address, e.g. https://example.org')
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' });

/** The message of a malformed country code (pages recognise it to explain the problem in their language). */
export const NOT_A_COUNTRY_CODE = 'must be a two-letter ISO 3166-1 country code, e.g. DE';

/** ISO 3166-1 alpha-2 country code, e.g. DE. */
export const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, NOT_A_COUNTRY_CODE);

/** Calendar date YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), { message: 'is not a real date' });

/** A year within the accepted range. */
export const year = z
  .number()
  .int('must be a whole year')
  .min(EARLIEST_YEAR, `must be ${EARLIEST_YEAR} or later`)
  .refine((y) => y <= latestYear(), { message: 'must not be later than next year' });

/** When the manager last confirmed a block; absent means never confirmed. */
export const confirmedAt = isoDate.optional();

/** A limited list of items. */
export const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(LIST_MAX).default([]);

/** A list of yearly entries (at most 100), each year at most once: indicators and questionnaire answers. */
export const yearlyList = <T extends z.ZodType<{ year: number }, z.ZodTypeDef, unknown>>(item: T) =>
  z
    .array(item)
    .max(100)
    .default([])
    .superRefine((years, ctx) => {
      const seen = new Set<number>();
      years.forEach((y, i) => {
        if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `year ${y.year} is given twice` });
        seen.add(y.year);
      });
    });
