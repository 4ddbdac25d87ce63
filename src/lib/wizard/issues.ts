/**
 * Schema errors in the manager's language. The profile schema (the single source of truth) speaks English; here
 * each zod issue becomes a message key of src/lib/i18n/ui-wizard.ts: by its code for zod's own checks, and by its
 * text for the schema's custom messages (ISSUE_MESSAGES lists every one; a unit test keeps the list complete).
 */
import type { ZodIssue } from 'zod';
import type { UiKey } from '../i18n/ui';

/** A message key with the values it shows. */
export interface IssueMessage {
  key: UiKey;
  vars?: Record<string, string | number>;
}

/** The schema's custom messages (matched on their text) and the key that says each in the manager's language. */
export const ISSUE_MESSAGES: ReadonlyArray<{ pattern: RegExp; key: UiKey; vars?: (m: RegExpMatchArray) => Record<string, string> }> = [
  { pattern: /^must not be empty$/, key: 'wizard.issue.required' },
  { pattern: /^give the text in Russian or English$/, key: 'wizard.issue.oneLanguage' },
  { pattern: /^must be a full web address/, key: 'wizard.issue.url' },
  { pattern: /^must start with http:\/\/ or https:\/\/$/, key: 'wizard.issue.url' },
  { pattern: /^must be a two-letter ISO 3166-1 country code/, key: 'wizard.issue.country' },
  { pattern: /^must be a date in the form YYYY-MM-DD$/, key: 'wizard.issue.date' },
  { pattern: /^is not a real date$/, key: 'wizard.issue.date' },
  { pattern: /^must be a whole year$/, key: 'wizard.issue.wholeYear' },
  { pattern: /^must be (\d{4}) or later$/, key: 'wizard.issue.yearFrom', vars: (m) => ({ min: m[1]! }) },
  { pattern: /^must not be later than next year$/, key: 'wizard.issue.yearTo' },
  { pattern: /^latitude must be between/, key: 'wizard.issue.latitude' },
  { pattern: /^longitude must be between/, key: 'wizard.issue.longitude' },
  { pattern: /^must be an e-mail address$/, key: 'wizard.issue.email' },
  { pattern: /^must be a phone number/, key: 'wizard.issue.phone' },
  { pattern: /^must be a number$/, key: 'wizard.issue.number' },
  { pattern: /^must not be negative$/, key: 'wizard.issue.negative' },
  { pattern: /must be whole$/, key: 'wizard.issue.whole' },
  { pattern: /^year (\d+) is given twice$/, key: 'wizard.issue.yearTwice', vars: (m) => ({ year: m[1]! }) },
  { pattern: /^the end year must not be before the start year$/, key: 'wizard.issue.endBeforeStart' },
  { pattern: /^must be the ISO 3166-2 code of a Russian region/, key: 'wizard.issue.region' },
  { pattern: /^must be lowercase latin letters, digits and single hyphens$/, key: 'wizard.issue.slug' },
  { pattern: /^give a cooperation area, a keyword or a country$/, key: 'wizard.issue.cooperationItem' },
];

/** The key of a custom message, or undefined when the text is not in ISSUE_MESSAGES. */
export function customIssueMessage(message: string): IssueMessage | undefined {
  for (const entry of ISSUE_MESSAGES) {
    const match = message.match(entry.pattern);
    if (match) return { key: entry.key, vars: entry.vars?.(match) };
  }
  return undefined;
}

/** The message of a too_small / too_big issue by what was measured. */
function sizeMessage(issue: ZodIssue & { code: 'too_small' | 'too_big' }): IssueMessage {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.type === 'string') return small && limit <= 1 ? { key: 'wizard.issue.required' } : { key: small ? 'wizard.issue.shortText' : 'wizard.issue.longText', vars: { limit } };
  if (issue.type === 'array') return { key: small ? 'wizard.issue.fewItems' : 'wizard.issue.manyItems', vars: { limit } };
  return { key: small ? 'wizard.issue.min' : 'wizard.issue.max', vars: { limit } };
}

/** The message of one zod issue, in keys the interface translates. */
export function issueMessage(issue: ZodIssue): IssueMessage {
  const custom = customIssueMessage(issue.message);
  if (custom) return custom;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { key: 'wizard.issue.required' };
      return issue.expected === 'number' ? { key: 'wizard.issue.number' } : { key: 'wizard.issue.invalid' };
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_enum_value':
      return { key: 'wizard.issue.choose' };
    case 'invalid_string':
      return issue.validation === 'email' ? { key: 'wizard.issue.email' } : issue.validation === 'url' ? { key: 'wizard.issue.url' } : { key: 'wizard.issue.invalid' };
    case 'not_finite':
      return { key: 'wizard.issue.number' };
    case 'unrecognized_keys':
      return { key: 'wizard.issue.unknownFields', vars: { fields: issue.keys.join(', ') } };
    default:
      return { key: 'wizard.issue.invalid' };
  }
}

/** One error placed on a form: the posted name of the field it belongs to (or '' for the step), and its message. */
export interface PlacedIssue {
  field: string;
  path: string;
  message: IssueMessage;
}

/**
 * Places each issue on the first field whose posted name is its path or lies under it (an error on "general.name"
 * goes to "general.name.ru"); an issue no field of the step shows is placed on the step itself (field '').
 */
export function placeIssues(issues: readonly ZodIssue[], fieldNames: readonly string[]): PlacedIssue[] {
  return issues.map((issue) => {
    const path = issue.path.join('.');
    const field = fieldNames.find((name) => name === path || name.startsWith(`${path}.`)) ?? '';
    return { field, path, message: issueMessage(issue) };
  });
}
