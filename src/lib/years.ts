import { z } from 'zod';

/** Earliest year accepted anywhere: founding and indicator years, query parameters, settings. */
export const EARLIEST_YEAR = 1950;
/** Latest year a query parameter, a setting or a statistics row may name: a sanity bound, not a calendar rule. */
export const LATEST_YEAR_BOUND = 2100;
/** Latest year a profile may hold: next calendar year, so that plans can be entered. */
export const latestYear = (): number => new Date().getUTCFullYear() + 1;

/** The message of a value that is not a whole year (pages recognise it to explain the problem in their language). */
export const NOT_A_YEAR = 'must be a year, e.g. 2012';

/** A whole year from EARLIEST_YEAR to LATEST_YEAR_BOUND (settings). */
export const boundedYearSchema = z
  .number({ invalid_type_error: NOT_A_YEAR })
  .int(NOT_A_YEAR)
  .min(EARLIEST_YEAR, `must be ${EARLIEST_YEAR} or later`)
  .max(LATEST_YEAR_BOUND, `must be ${LATEST_YEAR_BOUND} or earlier`);

/** The same year read from a URL query parameter (text coerced to a number). */
export const queryYearSchema = z.coerce
  .number({ invalid_type_error: NOT_A_YEAR })
  .int(NOT_A_YEAR)
  .min(EARLIEST_YEAR, `must be ${EARLIEST_YEAR} or later`)
  .max(LATEST_YEAR_BOUND, `must be ${LATEST_YEAR_BOUND} or earlier`);
