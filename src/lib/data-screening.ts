/**
 * Screening of stored values before the index uses them. The store's table checks let through values the
 * importer would reject (Infinity passes `fdi >= 0`, 5e-324 passes `population > 0`, text passes both), and
 * one such value would make the index throw on every page. Screening leaves the bad record or value out and
 * says why, so pages keep working and /api/v1/health can name it. Pure: no I/O.
 */
import { z } from 'zod';
import { INDICATOR_KEYS, type IndicatorKey } from './profile/vocabulary';
import {
  describeRegionalProblem,
  findRegionalProblems,
  type RegionalProblem,
  type RegionalProblemField,
} from './regional-plausibility';
import type { RegionalStatisticsRecord } from './regional-statistics';
import { isRegionCode } from './regions';

/** A stored regional record left out of the computation: which one, the first problem found, and that problem in words. */
export interface ExcludedRegionalRecord {
  region: string;
  year: number;
  problem: RegionalProblem;
  reason: string;
}

/** A stored cluster indicator value left out of the computation. */
export interface ExcludedIndicatorValue {
  slug: string;
  year: number;
  indicator: string;
  value: string;
  reason: string;
}

/**
 * A stored total: any value at all here (SQLite keeps text in a REAL column, Infinity passes its CHECK);
 * the refinement below says what is wrong with it, in the same words as the importer.
 */
const storedAmount = z.unknown();

/**
 * A regional record as the store reads it back: the key must be a region code and a year; the values are
 * checked by {@link findRegionalProblems} (a number, finite, within the plausible bounds).
 */
export const storedRegionalRecordSchema = z
  .object({
    region: z.string().refine(isRegionCode, 'region is not a Russian region code'),
    year: z.number().int('year must be a whole number'),
    population: storedAmount,
    populationSource: z.string().nullable(),
    fdi: storedAmount,
    fdiSource: z.string().nullable(),
    exports: storedAmount,
    exportsSource: z.string().nullable(),
    imports: storedAmount,
    importsSource: z.string().nullable(),
    foreignOwnedCompanies: storedAmount,
    foreignOwnedCompaniesSource: z.string().nullable(),
  })
  .superRefine((record, ctx) => {
    for (const problem of findRegionalProblems(record)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: describeRegionalProblem(problem), params: { problem } });
    }
  });

/**
 * Splits stored regional records into those the index can use and those it must leave out (with the first problem).
 *
 * @example
 * const { usable, excluded } = screenRegionalRecords([good, { ...good, region: 'RU-TOM', population: 9_999 }]);
 * usable.length; // => 1
 * excluded[0]; // => { region: 'RU-TOM', year: 2012, problem: { field: 'population', code: 'below-minimum', ... }, reason: 'population 9999 is below ...' }
 */
export function screenRegionalRecords(records: readonly RegionalStatisticsRecord[]): {
  usable: RegionalStatisticsRecord[];
  excluded: ExcludedRegionalRecord[];
} {
  const usable: RegionalStatisticsRecord[] = [];
  const excluded: ExcludedRegionalRecord[] = [];
  for (const record of records) {
    const result = storedRegionalRecordSchema.safeParse(record);
    if (result.success) usable.push(record);
    else excluded.push(exclusionOf(record, result.error.issues[0]!));
  }
  return { usable, excluded };
}

/** The exclusion an issue of the stored schema describes: the plausibility problem it carries, or a key/type problem. */
function exclusionOf(record: RegionalStatisticsRecord, issue: z.ZodIssue): ExcludedRegionalRecord {
  const carried = issue.code === 'custom' ? (issue.params?.problem as RegionalProblem | undefined) : undefined;
  const field = (issue.path[0] ?? 'region') as RegionalProblemField;
  const problem: RegionalProblem = carried ?? { field, code: 'invalid', value: String((record as unknown as Record<string, unknown>)[field]) };
  return { region: String(record.region), year: Number(record.year), problem, reason: carried ? issue.message : `${field}: ${issue.message}` };
}

/** A stored indicator row of a cluster (the fields screening reads). */
export interface IndicatorRowLike {
  slug: string;
  year: number;
  indicator: string;
  value: unknown;
}

/**
 * Splits stored cluster indicator rows into usable ones (a known indicator with a finite value ≥ 0) and
 * those left out with the reason, so one Infinity written around the application cannot break the index.
 *
 * @example
 * screenIndicatorRows([{ slug: 'a', year: 2012, indicator: 'exports', value: 3 }, { slug: 'b', year: 2012, indicator: 'exports', value: Infinity }]);
 * // => { usable: [the first row], excluded: [{ slug: 'b', year: 2012, indicator: 'exports', value: 'Infinity', reason: 'exports must be a finite number ≥ 0, got Infinity' }] }
 */
export function screenIndicatorRows<R extends IndicatorRowLike>(rows: readonly R[]): {
  usable: Array<R & { indicator: IndicatorKey; value: number }>;
  excluded: ExcludedIndicatorValue[];
} {
  const usable: Array<R & { indicator: IndicatorKey; value: number }> = [];
  const excluded: ExcludedIndicatorValue[] = [];
  for (const row of rows) {
    const reason = indicatorProblem(row);
    if (reason === null) usable.push(row as R & { indicator: IndicatorKey; value: number });
    else excluded.push({ slug: row.slug, year: row.year, indicator: row.indicator, value: String(row.value), reason });
  }
  return { usable, excluded };
}

/** Why an indicator row cannot be used, or null when it can. */
function indicatorProblem(row: IndicatorRowLike): string | null {
  return isUsableIndicatorValue(row.indicator, row.value) ? null : describeIndicatorProblem(row.indicator, row.value);
}

/**
 * Whether a stored indicator value can be used: a known indicator with a finite value ≥ 0 (the check of
 * {@link screenIndicatorRows}, without building rows, for the index's pass over every cluster).
 *
 * @example isUsableIndicatorValue('exportsBlnRub', 3) // => true; isUsableIndicatorValue('exportsBlnRub', -1) // => false
 */
export function isUsableIndicatorValue(indicator: string, value: unknown): boolean {
  return (INDICATOR_KEYS as readonly string[]).includes(indicator) && typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Why an indicator value cannot be used (called only when {@link isUsableIndicatorValue} says so). */
function describeIndicatorProblem(indicator: string, value: unknown): string {
  if (!(INDICATOR_KEYS as readonly string[]).includes(indicator)) {
    return `unknown indicator ${JSON.stringify(indicator)}; expected one of ${INDICATOR_KEYS.join(', ')}`;
  }
  return `${indicator} must be a finite number ≥ 0, got ${String(value)}`;
}
