import type { QueryProblem } from '../directory/query-problem';
import { FEDERAL_DISTRICT_NAMES } from '../federal-districts';
import { SCENARIO_CODES } from '../indexing/scenario';
import { SEARCH_SORTS } from '../search/query';
import type { Lang } from './locales';
import { translator } from './ui';
import { COOPERATION_AREA_LABELS, INDUSTRY_GROUP_LABELS, STATUS_LABELS } from './vocabulary-labels';

/** Longest list of allowed values spelled out; longer ones point to the form. */
const ALLOWED_LISTED_MAX = 12;
/** Longest bad value quoted back in full. */
const VALUE_SHOWN_MAX = 40;

/** The label tables of parameter values in a language (code → label); a list of allowed values is named by the first that covers it. */
function valueLabelTables(lang: Lang): ReadonlyArray<Readonly<Record<string, string>>> {
  const t = translator(lang);
  const inLang = (table: Readonly<Record<string, Readonly<Record<Lang, string>>>>) => Object.fromEntries(Object.entries(table).map(([code, label]) => [code, label[lang]]));
  return [
    inLang(INDUSTRY_GROUP_LABELS),
    inLang(STATUS_LABELS),
    inLang(COOPERATION_AREA_LABELS),
    inLang(FEDERAL_DISTRICT_NAMES),
    Object.fromEntries(SCENARIO_CODES.map((s) => [s, t(`analytics.scenario.${s}`)])),
    Object.fromEntries(SEARCH_SORTS.map((s) => [s, t(`search.sort.${s}`)])),
    { overall: t('analytics.set.overall'), industry: t('analytics.set.industry') },
  ];
}

/** The allowed values as the reader knows them (the form's labels), or undefined when no table names them all. */
function allowedLabels(allowed: readonly string[], lang: Lang): string[] | undefined {
  const table = valueLabelTables(lang).find((labels) => allowed.every((code) => Object.hasOwn(labels, code)));
  return table && allowed.map((code) => table[code]!);
}

/** The bad value as quoted back: trimmed to a readable length. */
function shownValue(value: string | undefined): string {
  const text = value ?? '';
  return text.length > VALUE_SHOWN_MAX ? `${text.slice(0, VALUE_SHOWN_MAX)}…` : text;
}

/**
 * Why a URL parameter was not applied, in the page's language: the value, the parameter and what it takes, with
 * allowed values named by their labels. The API keeps the schema's English message.
 *
 * @example queryProblemText({ field: 'status', message: '…', value: 'x', rule: { kind: 'oneOf', allowed: ['industrial'] } }, 'en')
 * // => 'The value “x” of the parameter status is not valid and is not applied. Allowed values: Industrial.'
 */
export function queryProblemText(problem: QueryProblem, lang: Lang): string {
  const t = translator(lang);
  const { field, rule } = problem;
  if (rule.kind === 'repeated') return t('directory.invalid.repeated', { field });
  if (rule.kind === 'unknown') return t('directory.invalid.unknown', { field });
  const reason = (() => {
    switch (rule.kind) {
      case 'oneOf': {
        const labels = rule.allowed.length <= ALLOWED_LISTED_MAX ? allowedLabels(rule.allowed, lang) : undefined;
        return labels ? t('directory.rule.oneOf', { allowed: labels.join(labels.some((l) => l.includes(',')) ? '; ' : ', ') }) : t('directory.rule.choose');
      }
      case 'min':
      case 'max':
      case 'tooLong':
        return t(`directory.rule.${rule.kind}`, { limit: String(rule.limit) });
      case 'invalid':
        return t('directory.rule.choose');
      default:
        return t(`directory.rule.${rule.kind}`);
    }
  })();
  return t('directory.invalid', { value: shownValue(problem.value), field, reason });
}
