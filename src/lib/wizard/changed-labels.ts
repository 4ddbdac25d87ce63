/** Names of changed profile fields ("general.name", "indicators.2012") as the wizard labels them, for a profile's version history. */
import type { UiKey } from '../i18n/ui';
import { UI_KEYS } from '../i18n/ui';

const KNOWN = new Set<string>(UI_KEYS);

/** Fields whose label is their group's (an object of several inputs). */
const GROUP_LABELS: Record<string, UiKey> = {
  'general.location': 'wizard.g.place',
  'management.cmo': 'wizard.g.cmo',
  'management.manager': 'wizard.g.contact',
};

/** A changed field as a message key with values, or undefined for a change that is not shown (a confirmation date). */
export function changedFieldLabel(field: string): { key: UiKey; vars?: Record<string, string> } | { text: string } | undefined {
  if (field.endsWith('.confirmedAt')) return undefined;
  const year = /^indicators\.(\d{4})$/.exec(field)?.[1];
  if (year) return { key: 'history.indicatorsOf', vars: { year } };
  const answered = /^questionnaire\.(\d{4})$/.exec(field)?.[1];
  if (answered) return { key: 'history.questionnaireOf', vars: { year: answered } };
  if (GROUP_LABELS[field]) return { key: GROUP_LABELS[field]! };
  for (const key of [`wizard.f.${field}`, `wizard.f.${field}.name`]) if (KNOWN.has(key)) return { key: key as UiKey };
  return { text: field };
}
