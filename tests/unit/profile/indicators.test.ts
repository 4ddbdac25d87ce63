import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, indicatorValues, indicatorsSchema, profileSchema } from '../../../src/lib/profile';
import { fieldsOf, problemsOf, profileWith } from './fixtures';

const source = 'test source';

describe('indicators', () => {
  it.each(INDICATOR_KEYS)('rejects a negative %s, naming its value', (key) => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.indicators[0][key] = { value: -1, source })));
    expect(problems).toEqual([{ field: `indicators.0.${key}.value`, message: 'must not be negative' }]);
  });

  it.each(INDICATOR_KEYS)('accepts 0 for %s (zero is a reported value)', (key) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.indicators[0][key] = { value: 0, source })))).toEqual([]);
  });

  // Counts must be whole; money amounts in bln RUB may have fractions.
  it.each([
    ['publications', 1149.5, false],
    ['internationalMembers', 2.5, false],
    ['exportsBlnRub', 0.1, true],
    ['jointRndBlnRub', 0.01, true],
  ])('%s = %s valid: %s', (key, value, ok) => {
    expect(profileSchema.safeParse(profileWith((p) => (p.indicators[0][key] = { value, source }))).success).toBe(ok);
  });

  it('names the non-integer publications field', () => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.indicators[0].publications = { value: 10.5, source })))).toEqual([
      'indicators.0.publications',
    ]);
  });

  it.each([
    ['a string value', { value: '5', source }, 'indicators.0.publications.value'],
    ['NaN', { value: Number.NaN, source }, 'indicators.0.publications.value'],
    ['an empty source', { value: 5, source: ' ' }, 'indicators.0.publications.source'],
    ['no source', { value: 5 }, 'indicators.0.publications.source'],
  ])('rejects %s', (_case, indicator, field) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.indicators[0].publications = indicator)))).toContain(field);
  });

  it('rejects the same year given twice, naming the second entry', () => {
    const years = [
      { year: 2012, publications: { value: 1, source } },
      { year: 2013, publications: { value: 2, source } },
      { year: 2012, publications: { value: 3, source } },
    ];
    expect(problemsOf(indicatorsSchema, years)).toEqual([{ field: '2.year', message: 'year 2012 is given twice' }]);
    expect(fieldsOf(profileSchema, profileWith((p) => (p.indicators = years)))).toEqual(['indicators.2.year']);
  });

  it('accepts several different years', () => {
    const years = [2011, 2012, 2013].map((year) => ({ year, publications: { value: year - 2000, source } }));
    expect(problemsOf(indicatorsSchema, years)).toEqual([]);
  });

  it.each([1949, 2012.5])('rejects the indicator year %s', (year) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.indicators[0].year = year)))).toEqual(['indicators.0.year']);
  });

  it('rejects an unknown indicator (strict)', () => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.indicators[0].patents = { value: 1, source })));
    expect(problems).toEqual([{ field: 'indicators.0', message: 'unknown field(s): patents' }]);
  });

  it('keeps a missing indicator absent instead of turning it into 0', () => {
    const parsed = profileSchema.parse(
      profileWith((p) => (p.indicators = [{ year: 2012, publications: { value: 694, source }, jointRndBlnRub: { value: 0.39, source } }])),
    );
    const [y] = parsed.indicators;
    expect(y).not.toHaveProperty('internationalMembers');
    expect(y).not.toHaveProperty('exportsBlnRub');
    expect(indicatorValues(y!)).toEqual({ internationalMembers: null, exportsBlnRub: null, publications: 694, jointRndBlnRub: 0.39 });
  });

  it('defaults to no indicators at all', () => {
    expect(profileSchema.parse(profileWith((p) => delete p.indicators)).indicators).toEqual([]);
  });
});
