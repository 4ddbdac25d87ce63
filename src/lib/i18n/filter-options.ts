import { SCENARIO_CODES } from '../indexing/scenario';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS } from '../profile/vocabulary';
import { FEDERAL_DISTRICTS, FEDERAL_DISTRICT_NAMES, federalDistrictOf } from '../federal-districts';
import { REGIONS } from '../regions';
import { nameCollator } from './format';
import type { Lang } from './locales';
import { translator } from './ui';
import { INDUSTRY_GROUP_LABELS, STATUS_LABELS } from './vocabulary-labels';

/** The filter fields the directory, map and search forms share. */
export type FilterField = 'industryGroup' | 'region' | 'status' | 'scenario';

/** One choice of a filter select. */
export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of a filter in the language: regions sorted by their localized name, the rest in vocabulary order. */
export function filterOptions(field: FilterField, lang: Lang): FilterOption[] {
  switch (field) {
    case 'industryGroup':
      return INDUSTRY_GROUPS.map((g) => ({ value: g, label: INDUSTRY_GROUP_LABELS[g][lang] }));
    case 'status':
      return CLUSTER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s][lang] }));
    case 'scenario': {
      const t = translator(lang);
      return SCENARIO_CODES.map((s) => ({ value: s, label: t(`analytics.scenario.${s}`) }));
    }
    case 'region': {
      const collator = nameCollator(lang);
      return [...REGIONS].sort((a, b) => collator.compare(a.name[lang], b.name[lang])).map((r) => ({ value: r.code, label: r.name[lang] }));
    }
  }
}

/** A labelled group of choices (an <optgroup>). */
export interface FilterOptionGroup {
  label: string;
  options: FilterOption[];
}

/**
 * The region choices grouped by federal district, listing only regions with clusters (and the selected one),
 * each with its count, e.g. "Томская область (1)"; districts without such regions are left out.
 */
export function regionOptionGroups(counts: Readonly<Record<string, number>>, lang: Lang, selected?: string): FilterOptionGroup[] {
  const shown = filterOptions('region', lang).filter((o) => (counts[o.value] ?? 0) > 0 || o.value === selected);
  return FEDERAL_DISTRICTS.map((district) => ({
    label: FEDERAL_DISTRICT_NAMES[district][lang],
    options: shown.filter((o) => federalDistrictOf(o.value) === district).map((o) => ({ value: o.value, label: `${o.label} (${counts[o.value] ?? 0})` })),
  })).filter((g) => g.options.length > 0);
}
