/**
 * Why a URL parameter was not applied, in a form any language can render (src/lib/i18n/query-problem.ts). The
 * schemas speak English for the API; pages read the zod issue's code and limits instead of its message.
 */
import type { ZodIssue } from 'zod';
import { NOT_A_COUNTRY_CODE } from '../profile/common';
import type { FieldProblem } from '../profile/errors';
import { NOT_A_YEAR } from '../years';

/** The rule a bad parameter value broke. */
export type QueryRule =
  | { kind: 'oneOf'; allowed: readonly string[] }
  | { kind: 'region' | 'country' | 'bbox' | 'year' | 'wholeNumber' | 'repeated' | 'unknown' | 'invalid' }
  | { kind: 'min' | 'max' | 'tooLong'; limit: number };

/** A bad parameter: the API's field and English message, plus the value given and the rule, for pages. */
export interface QueryProblem extends FieldProblem {
  value?: string;
  rule: QueryRule;
}

/**
 * The rule behind a zod issue of a query schema: zod's own codes, the `params.rule` of the schemas' refinements
 * (region, bbox), and the shared messages of years and country codes.
 *
 * @example queryRuleOf({ code: 'invalid_enum_value', options: ['a', 'b'], received: 'x', path: ['f'], message: '' })
 * // => { kind: 'oneOf', allowed: ['a', 'b'] }
 */
export function queryRuleOf(issue: ZodIssue): QueryRule {
  if (issue.message === NOT_A_YEAR) return { kind: 'year' };
  if (issue.message === NOT_A_COUNTRY_CODE) return { kind: 'country' };
  switch (issue.code) {
    case 'invalid_enum_value':
      return { kind: 'oneOf', allowed: issue.options.map(String) };
    case 'custom': {
      const rule: unknown = issue.params?.rule;
      return rule === 'region' || rule === 'bbox' ? { kind: rule } : { kind: 'invalid' };
    }
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'integer' ? { kind: 'wholeNumber' } : { kind: 'invalid' };
    case 'too_small':
      return issue.type === 'number' ? { kind: 'min', limit: Number(issue.minimum) } : { kind: 'invalid' };
    case 'too_big':
      return { kind: issue.type === 'string' ? 'tooLong' : issue.type === 'number' ? 'max' : 'invalid', limit: Number(issue.maximum) } as QueryRule;
    default:
      return { kind: 'invalid' };
  }
}
