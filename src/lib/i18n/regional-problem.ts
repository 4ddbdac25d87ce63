import { REGIONAL_INDICATORS } from '../indexing/regional-index';
import type { RegionalProblem } from '../regional-plausibility';
import { REGIONAL_INPUTS } from '../regional-statistics';
import { formatNumber } from './format';
import type { Lang } from './locales';
import { translator } from './ui';

/** The name of a problem's field for readers: a regional input, a derived per-capita indicator, or the raw name. */
function fieldLabel(field: RegionalProblem['field'], t: ReturnType<typeof translator>): string {
  if ((REGIONAL_INPUTS as readonly string[]).includes(field)) return t(`analytics.input.${field as (typeof REGIONAL_INPUTS)[number]}`);
  if ((REGIONAL_INDICATORS as readonly string[]).includes(field)) return t(`analytics.derived.${field as (typeof REGIONAL_INDICATORS)[number]}`);
  return field;
}

/**
 * Why a region's statistics are left out of the index, in the reader's language (the scenario badge).
 * @example regionalProblemText({ field: 'population', code: 'below-minimum', value: '9999', limit: 10000 }, 'en')
 * // => '“population” is 9999, below the plausible minimum of 10,000'
 */
export function regionalProblemText(problem: RegionalProblem, lang: Lang): string {
  const t = translator(lang);
  return t(`analytics.problem.${problem.code}`, {
    field: fieldLabel(problem.field, t),
    value: problem.value,
    limit: problem.limit === undefined ? '' : formatNumber(problem.limit, lang),
  });
}
