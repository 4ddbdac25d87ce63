/**
 * Plausibility of regional statistics: the bounds a region's totals and per-capita figures must stay within
 * before they enter the regional index. Written once here; the importer rejects a row that breaks them and
 * the analytics leave a stored record that breaks them out of the computation (src/lib/data-screening.ts).
 * Pure: no I/O.
 */
import { deriveRegionalIndicators, REGIONAL_INDICATORS, type RegionalIndicator } from './indexing/regional-index';

/**
 * Fewest residents a region may have. The smallest federal subject, the Nenets Autonomous Okrug, had about
 * 42,000 residents in 2012; below 10,000 the figure is a typo or written in thousands (as Rosstat tables print it).
 */
export const MIN_REGION_POPULATION = 10_000;

/** Most residents a region may have: more than the whole of Russia (about 146 million) is impossible. */
export const MAX_REGION_POPULATION = 150_000_000;

/**
 * Largest FDI or foreign trade turnover per resident, in million USD (the money unit of the import).
 * The highest real values are a few hundredths (Moscow's turnover in 2012: about 0.03 million USD per resident,
 * oil regions up to about 0.15), so 1 leaves a wide margin; above it the totals are not in million USD
 * (e.g. in USD or thousand USD) or the population is wrong. The surplus needs no bound of its own:
 * |exports − imports| never exceeds exports + imports.
 */
export const MAX_MONEY_PER_CAPITA = 1;

/** Most foreign-owned companies per 10,000 residents: one company per ten residents (Moscow has about 15 per 10,000). */
export const MAX_FOREIGN_COMPANIES_PER_10K = 1_000;

/** The regional inputs of the index: the totals a record stores (money in million USD, population in persons), in the order the badge lists them. */
export const REGIONAL_INPUTS = ['population', 'fdi', 'exports', 'imports', 'foreignOwnedCompanies'] as const;

/** One of {@link REGIONAL_INPUTS}. */
export type RegionalInput = (typeof REGIONAL_INPUTS)[number];

/** A field a problem can be found in: a stored total, a derived per-capita indicator, or the record's key. */
export type RegionalProblemField = RegionalInput | RegionalIndicator | 'region' | 'year';

/** What is wrong with a value: not a number at all, not finite, negative, or outside its plausible bounds. */
export type RegionalProblemCode = 'invalid' | 'not-finite' | 'negative' | 'below-minimum' | 'above-maximum';

/** One problem of a regional record, with the offending value (as text) and the bound it broke, if any. */
export interface RegionalProblem {
  field: RegionalProblemField;
  code: RegionalProblemCode;
  value: string;
  limit?: number;
}

/** The upper bound of each derived indicator; the surplus is bounded by the turnover (see MAX_MONEY_PER_CAPITA). */
const DERIVED_MAXIMUM: Record<RegionalIndicator, number | null> = {
  fdiPerCapita: MAX_MONEY_PER_CAPITA,
  tradeTurnoverPerCapita: MAX_MONEY_PER_CAPITA,
  tradeSurplusPerCapita: null,
  foreignCompaniesPer10k: MAX_FOREIGN_COMPANIES_PER_10K,
};

/** How each derived indicator is computed, for messages that say what to check. */
const DERIVED_FORMULA: Record<RegionalIndicator, string> = {
  fdiPerCapita: 'FDI per resident (fdi / population)',
  tradeTurnoverPerCapita: 'foreign trade turnover per resident ((exports + imports) / population)',
  tradeSurplusPerCapita: 'foreign trade surplus per resident ((exports − imports) / population)',
  foreignCompaniesPer10k: 'foreign-owned companies per 10,000 residents',
};

/** Regional totals as stored or parsed; any value may be wrong when it was written around the importer. */
export type RegionalTotalsInput = Partial<Record<RegionalInput, unknown>>;

/**
 * Every problem of one region's totals: first the totals themselves (a number, finite, ≥ 0, population within
 * bounds), then, when those are fine, the derived per-capita indicators (finite and within bounds).
 *
 * @example
 * findRegionalProblems({ population: 9_999, fdi: null, exports: null, imports: null, foreignOwnedCompanies: null });
 * // => [{ field: 'population', code: 'below-minimum', value: '9999', limit: 10000 }]
 * findRegionalProblems({ population: 1e6, fdi: 2e6, exports: null, imports: null, foreignOwnedCompanies: null });
 * // => [{ field: 'fdiPerCapita', code: 'above-maximum', value: '2', limit: 1 }]
 */
export function findRegionalProblems(totals: RegionalTotalsInput): RegionalProblem[] {
  const problems = REGIONAL_INPUTS.flatMap((field) => totalProblem(field, totals[field]) ?? []);
  if (problems.length > 0) return problems;
  const derived = deriveRegionalIndicators({
    population: totals.population as number,
    fdi: totals.fdi as number | null,
    exports: totals.exports as number | null,
    imports: totals.imports as number | null,
    foreignOwnedCompanies: totals.foreignOwnedCompanies as number | null,
  });
  return REGIONAL_INDICATORS.flatMap((field) => derivedProblem(field, derived[field]) ?? []);
}

/** The problem of one stored total, or undefined when it is fine (null means "not available", except for population). */
function totalProblem(field: RegionalInput, value: unknown): RegionalProblem | undefined {
  if ((value === null || value === undefined) && field !== 'population') return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) return { field, code: 'invalid', value: String(value) };
  if (!Number.isFinite(value)) return { field, code: 'not-finite', value: String(value) };
  if (value < 0) return { field, code: 'negative', value: String(value), limit: 0 };
  if (field !== 'population') return undefined;
  if (value < MIN_REGION_POPULATION) return { field, code: 'below-minimum', value: String(value), limit: MIN_REGION_POPULATION };
  if (value > MAX_REGION_POPULATION) return { field, code: 'above-maximum', value: String(value), limit: MAX_REGION_POPULATION };
  return undefined;
}

/** The problem of one derived indicator, or undefined when it is fine. */
function derivedProblem(field: RegionalIndicator, value: number | null): RegionalProblem | undefined {
  if (value === null) return undefined;
  if (!Number.isFinite(value)) return { field, code: 'not-finite', value: String(value) };
  const max = DERIVED_MAXIMUM[field];
  if (max !== null && value > max) return { field, code: 'above-maximum', value: String(value), limit: max };
  return undefined;
}

/**
 * A problem in words (English: for the importer's output, logs and /api/v1/health), saying what to check.
 *
 * @example
 * describeRegionalProblem({ field: 'population', code: 'below-minimum', value: '9999', limit: 10000 });
 * // => 'population 9999 is below 10000 residents, fewer than any Russian region has: give the number of persons, not thousands'
 */
export function describeRegionalProblem(problem: RegionalProblem): string {
  const { field, code, value, limit } = problem;
  const derived = (REGIONAL_INDICATORS as readonly string[]).includes(field);
  const what = derived ? DERIVED_FORMULA[field as RegionalIndicator] : field;
  switch (code) {
    case 'invalid':
      return `${what} must be a number, got ${value}`;
    case 'negative':
      return `${what} must be a number ≥ 0, got ${value}`;
    case 'not-finite':
      return derived
        ? `${what} is not a finite number (${value}): the totals are too large for the population; check that money is in million USD and population in persons`
        : `${what} must be a finite number, got ${value}`;
    case 'below-minimum':
      return `${what} ${value} is below ${limit} residents, fewer than any Russian region has: give the number of persons, not thousands`;
    case 'above-maximum':
      return field === 'population'
        ? `${what} ${value} is above ${limit} residents, more than all of Russia`
        : `${what} is ${value}, above ${limit}, more than any region has: check that money is in million USD and population in persons`;
  }
}
