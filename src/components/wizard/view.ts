/** Helpers the wizard's components share: ids, shown values and messages of fields. */
import type { Lang, UiKey } from '../../lib/i18n';
import type { IssueMessage, PlacedIssue, WizardField } from '../../lib/wizard';

/** The page's translator. */
export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** The element id of a posted field name ("general.name.ru" → "f-general-name-ru"). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** A field's value as its input shows it: lists joined, numbers and raw text as typed. */
export function shownValue(field: WizardField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'lines' && Array.isArray(value)) return value.join('\n');
  if (field.kind === 'countries' && Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The translated text of an issue message. */
export function say(t: Translate, message: IssueMessage): string {
  return t(message.key, message.vars);
}

/** The first error of each posted field name, translated. */
export function errorsByField(issues: readonly PlacedIssue[], t: Translate): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) if (issue.field && !map.has(issue.field)) map.set(issue.field, say(t, issue.message));
  return map;
}

/** A field's label in the page's language, with the language of its text ("Название (по-русски)"). */
export function labelOf(field: WizardField, t: Translate, lang: Lang): string {
  const label = field.labelText ? `${t(field.label as UiKey)}: ${field.labelText[lang]}` : t(field.label as UiKey);
  return field.langTag ? `${label} (${t(`wizard.lang.${field.langTag}` as UiKey)})` : label;
}

/** The option label of a value in the page's language. */
export function optionLabel(labels: Record<string, Record<Lang, string>>, value: string, lang: Lang): string {
  return labels[value]?.[lang] ?? value;
}
