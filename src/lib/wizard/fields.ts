/**
 * The wizard's forms described as data: each step lists its fields once, and the same description renders the
 * form (src/components/wizard), decodes the posted form into a profile block (decode.ts) and places each schema
 * error next to its field. Field paths are dotted profile paths ("general.name.ru"); inside a repeatable list
 * they are relative to one row ("name.ru"), and the posted name is "<list path>.<row>.<field path>".
 */
import type { Lang } from '../i18n/locales';

/** Option labels of a select or a checkbox group, per value and language. */
export type OptionLabels = Record<string, Record<Lang, string>>;

/** What every field has: where it goes in the profile and its label (a UI message key). */
interface BaseField {
  path: string;
  label: string;
  /** A hint under the label (a UI message key). */
  hint?: string;
  required?: boolean;
  /** The language of a text typed in one language (shown after the label and set as the input's lang). */
  langTag?: Lang;
  /** A label given as text in both languages (an item of a list rated one by one), instead of the key's. */
  labelText?: Record<Lang, string>;
}

/** A one-line or multi-line text; an empty one is left out of the profile. */
export interface TextField extends BaseField {
  kind: 'text';
  max: number;
  multiline?: boolean;
  inputType?: 'text' | 'email' | 'url' | 'tel';
}

/** A number; an empty one is left out, anything that is not a number stays as typed so the schema names it. */
export interface NumberField extends BaseField {
  kind: 'number';
  min?: number;
  max?: number;
  step?: number | 'any';
}

/** One value of a list. */
export interface SelectField extends BaseField {
  kind: 'select';
  options: readonly string[];
  labels: OptionLabels;
  /** The values are numbers (a grade, an activity level), posted as text. */
  numeric?: boolean;
}

/** Several values of a list (checkboxes). */
export interface ChecksField extends BaseField {
  kind: 'checks';
  options: readonly string[];
  labels: OptionLabels;
}

/** A list of short texts typed one per line (keywords). */
export interface LinesField extends BaseField {
  kind: 'lines';
  max: number;
}

/** A list of two-letter country codes typed with commas or spaces between them. */
export interface CountriesField extends BaseField {
  kind: 'countries';
}

/** A repeatable list of rows (members, partners, projects, indicator years): add, remove and reorder. */
export interface RowsField extends BaseField {
  kind: 'rows';
  /** The fields of one row, with paths relative to the row. */
  fields: readonly WizardField[];
  /** A UI message key naming one row, with {n} for its number ("Member {n}"). */
  rowLabel: string;
  /** The row field whose value names the row in button labels ("Remove member 3: Rosatom"). */
  titlePath: string;
}

/** One field of a wizard step. */
export type WizardField = TextField | NumberField | SelectField | ChecksField | LinesField | CountriesField | RowsField;

/** A group of fields under one heading (a fieldset). */
export interface FieldGroup {
  legend: string;
  fields: readonly WizardField[];
}

/** The posted name of a field in a row of a list. */
export function rowFieldName(listPath: string, row: number, fieldPath: string): string {
  return `${listPath}.${row}.${fieldPath}`;
}
