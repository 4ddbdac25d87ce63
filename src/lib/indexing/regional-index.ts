import { computeIndexOverSet, unitWeights } from './multivariate-index';
import type { IndexResult } from './multivariate-index';

/** The four indicators of the regional foreign economic activity index, all relative to population. */
export const REGIONAL_INDICATORS = [
  'fdiPerCapita',
  'tradeTurnoverPerCapita',
  'tradeSurplusPerCapita',
  'foreignCompaniesPer10k',
] as const;

/** One of {@link REGIONAL_INDICATORS}. */
export type RegionalIndicator = (typeof REGIONAL_INDICATORS)[number];

/**
 * Yearly totals of a region as imported (Rosstat); money in one currency unit across the set.
 * `null`/`undefined` = not available. The unit cancels out in the index (each indicator is
 * divided by its maximum), so it only has to be the same for every region compared.
 */
export type RegionalTotals = {
  population: number;
  fdi?: number | null | undefined;
  exports?: number | null | undefined;
  imports?: number | null | undefined;
  foreignOwnedCompanies?: number | null | undefined;
};

/** A region of the comparison set with its totals. */
export type RegionTotalsItem = { id: string; totals: RegionalTotals };

/**
 * Per-capita indicators from a region's totals: turnover = exports + imports,
 * surplus = exports − imports (may be negative), foreign-owned companies per 10,000 people.
 * An indicator is null when a total it needs is missing.
 *
 * @example
 * deriveRegionalIndicators({ population: 2_000_000, fdi: 1_000, exports: 3_000, imports: 5_000, foreignOwnedCompanies: 400 });
 * // => { fdiPerCapita: 0.0005, tradeTurnoverPerCapita: 0.004, tradeSurplusPerCapita: -0.001, foreignCompaniesPer10k: 2 }
 */
export function deriveRegionalIndicators(totals: RegionalTotals): Record<RegionalIndicator, number | null> {
  const { population } = totals;
  if (typeof population !== 'number' || !Number.isFinite(population) || population <= 0) {
    throw new RangeError(`population must be a finite number > 0, got ${String(population)}`);
  }
  const fdi = readTotal('fdi', totals.fdi);
  const exports = readTotal('exports', totals.exports);
  const imports = readTotal('imports', totals.imports);
  const companies = readTotal('foreignOwnedCompanies', totals.foreignOwnedCompanies);
  const bothTrade = exports !== null && imports !== null;

  return {
    fdiPerCapita: fdi === null ? null : fdi / population,
    tradeTurnoverPerCapita: bothTrade ? (exports + imports) / population : null,
    tradeSurplusPerCapita: bothTrade ? (exports - imports) / population : null,
    foreignCompaniesPer10k: companies === null ? null : (companies / population) * 10_000,
  };
}

/**
 * Regional index of every region over the set; a negative trade surplus counts as reported
 * and contributes 0. Default weights are 1.
 *
 * @example
 * computeRegionalIndex([
 *   { id: 'RU-AAA', totals: { population: 100, fdi: 10, exports: 10, imports: 30, foreignOwnedCompanies: 1 } },
 *   { id: 'RU-BBB', totals: { population: 100, fdi: 20, exports: 30, imports: 10, foreignOwnedCompanies: 1 } },
 * ]).map((r) => r.value); // => [sqrt(0.25 + 1 + 0 + 1), sqrt(1 + 1 + 1 + 1)] = [1.5, 2]
 */
export function computeRegionalIndex(
  regions: ReadonlyArray<RegionTotalsItem>,
  weights: Record<RegionalIndicator, number> = unitWeights(REGIONAL_INDICATORS),
): Array<IndexResult<RegionalIndicator>> {
  const items = regions.map((region) => {
    try {
      return { id: region.id, values: deriveRegionalIndicators(region.totals) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RangeError(`Region "${region.id}": ${reason}`, { cause: error });
    }
  });
  return computeIndexOverSet(items, REGIONAL_INDICATORS, weights, { negativeAsZero: true });
}

function readTotal(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0 or empty (not available), got ${String(value)}`);
  }
  return value;
}
