import { SCENARIO_CODES } from '../indexing/scenario';
import { CLUSTER_STATUSES, INDUSTRY_GROUPS } from '../profile/vocabulary';
import { FEDERAL_DISTRICT_NAMES } from '../federal-districts';
import { groupRegionOptions, type FilterOption, type FilterOptionGroup } from '../region-options';
import { REGIONS } from '../regions';
import { nameCollator } from './format';
import type { Lang } from './locales';
import { translator } from './ui';
import { INDUSTRY_GROUP_LABELS, STATUS_LABELS } from './vocabulary-labels';

/** The filter fields the directory, map and search forms share. */
export type FilterField = 'industryGroup' | 'region' | 'status' | 'scenario';

export type { FilterOption, FilterOptionGroup };

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

/** The directory's and the map's region choices: grouped by federal district, with counts (see groupRegionOptions). */
export function regionOptionGroups(counts: Readonly<Record<string, number>>, lang: Lang, selected?: string): FilterOptionGroup[] {
  return groupRegionOptions(filterOptions('region', lang), counts, (district) => FEDERAL_DISTRICT_NAMES[district][lang], selected);
}
