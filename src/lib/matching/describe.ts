/** Match reasons as sentences in the interface language ("industry group: Nuclear", "seeks partners in: Germany"). */
import { COOPERATION_AREA_LABELS, INDUSTRY_GROUP_LABELS } from '../i18n/vocabulary-labels';
import type { Lang } from '../i18n/locales';
import { translator } from '../i18n/ui';
import { COOPERATION_AREAS, INDUSTRY_GROUPS, type CooperationArea, type IndustryGroup } from '../profile/vocabulary';
import { findRegion } from '../regions';
import type { RelationKind } from './related';
import type { ReasonKind } from './score';

const countryNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

/** The country's name in the language (the code itself when unknown). */
export function countryName(code: string, lang: Lang): string {
  const names = (countryNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
  return names.of(code) ?? code;
}

/** A reason's value for people: codes become labels (area, industry group, region, country); phrases stay as given. */
export function reasonValue(kind: ReasonKind | RelationKind, value: string, lang: Lang): string {
  if ((kind === 'industryGroup' || kind === 'sameIndustryGroup') && (INDUSTRY_GROUPS as readonly string[]).includes(value))
    return INDUSTRY_GROUP_LABELS[value as IndustryGroup][lang];
  if ((COOPERATION_AREAS as readonly string[]).includes(value)) return COOPERATION_AREA_LABELS[value as CooperationArea][lang];
  if (kind === 'region') return findRegion(value)?.name[lang] ?? value;
  if (kind === 'country') return countryName(value, lang);
  return value;
}

/**
 * One reason as a sentence in the language.
 * @example describeReason({ kind: 'country', value: 'DE' }, 'en') // => 'seeks partners in: Germany'
 */
export function describeReason(reason: { kind: ReasonKind | RelationKind; value: string }, lang: Lang): string {
  return translator(lang)(`match.reason.${reason.kind}`, { value: reasonValue(reason.kind, reason.value, lang) });
}

/** Codes Intl names that are not current ISO 3166-1 countries (reserved, withdrawn or groupings). */
const NOT_COUNTRIES = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));
const countryLists: Partial<Record<Lang, Array<{ value: string; label: string }>>> = {};

/** Every country as a select choice (ISO 3166-1 alpha-2 code and localized name), sorted by name in the language. */
export function countryOptions(lang: Lang): Array<{ value: string; label: string }> {
  if (countryLists[lang]) return countryLists[lang];
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const options: Array<{ value: string; label: string }> = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const label = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (label) options.push({ value: code, label });
    }
  const collator = new Intl.Collator(lang);
  return (countryLists[lang] = options.sort((x, y) => collator.compare(x.label, y.label)));
}
