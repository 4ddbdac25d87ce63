import { describe, expect, it } from 'vitest';
import { regionalProblemText } from '../../../src/lib/i18n/regional-problem';
import type { RegionalProblem } from '../../../src/lib/regional-plausibility';

describe('regionalProblemText: why a region is left out, in both languages', () => {
  it.each<[RegionalProblem, string, string]>([
    [
      { field: 'population', code: 'below-minimum', value: '5e-324', limit: 10_000 },
      '“population” is 5e-324, below the plausible minimum of 10,000',
      '«численность населения» = 5e-324, меньше правдоподобного минимума 10\u00a0000',
    ],
    [
      { field: 'tradeTurnoverPerCapita', code: 'not-finite', value: 'Infinity' },
      '“foreign trade turnover per resident” is not a finite number (Infinity)',
      '«внешнеторговый оборот на жителя» — не конечное число (Infinity)',
    ],
    [
      { field: 'fdiPerCapita', code: 'above-maximum', value: '2', limit: 1 },
      '“foreign direct investment per resident” is 2, above the plausible maximum of 1',
      '«прямые иностранные инвестиции на жителя» = 2, больше правдоподобного максимума 1',
    ],
    [{ field: 'exports', code: 'invalid', value: 'n/a' }, '“exports” is not a number (n/a)', '«экспорт» — не число (n/a)'],
    [{ field: 'imports', code: 'negative', value: '-1', limit: 0 }, '“imports” is negative (-1)', '«импорт» — отрицательное значение (-1)'],
  ])('%j', (problem, en, ru) => {
    expect(regionalProblemText(problem, 'en')).toBe(en);
    expect(regionalProblemText(problem, 'ru')).toBe(ru);
  });
});
