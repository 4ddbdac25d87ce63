import { FEDERAL_DISTRICTS, federalDistrictOf, type FederalDistrict } from './federal-districts';

/** One choice of a filter select. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled group of choices (an <optgroup>). */
export interface FilterOptionGroup {
  label: string;
  options: FilterOption[];
}

/**
 * Region choices grouped by federal district, as every region filter shows them (directory, map, search): only
 * regions with clusters (and the selected one, so the choice stays visible), each labelled with its count, e.g.
 * "Томская область (1)", in the order given (sorted by name); districts in their fixed order, empty ones left out.
 * Pure and free of the interface dictionary, so the search page's browser script uses it too.
 *
 * @example groupRegionOptions([{ value: 'RU-TOM', label: 'Tomsk Oblast' }], { 'RU-TOM': 2 }, (d) => d)
 * // => [{ label: 'siberian', options: [{ value: 'RU-TOM', label: 'Tomsk Oblast (2)' }] }]
 */
export function groupRegionOptions(
  regions: readonly FilterOption[],
  counts: Readonly<Record<string, number>>,
  districtName: (district: FederalDistrict) => string,
  selected?: string,
): FilterOptionGroup[] {
  const shown = regions.filter((o) => (counts[o.value] ?? 0) > 0 || o.value === selected);
  return FEDERAL_DISTRICTS.map((district) => ({
    label: districtName(district),
    options: shown.filter((o) => federalDistrictOf(o.value) === district).map((o) => ({ value: o.value, label: `${o.label} (${counts[o.value] ?? 0})` })),
  })).filter((g) => g.options.length > 0);
}

/**
 * Clusters per region code, the counts a region filter shows.
 *
 * @example countByRegion([{ region: 'RU-TOM' }, { region: 'RU-TOM' }]) // => { 'RU-TOM': 2 }
 */
export function countByRegion(items: Iterable<{ region: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { region } of items) counts[region] = (counts[region] ?? 0) + 1;
  return counts;
}
