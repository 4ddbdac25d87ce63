import { describe, expect, it } from 'vitest';
import { PER_PAGE_DEFAULT, PER_PAGE_MAX, availableSorts, directoryQuerySchema, parseQuery, parseQueryLenient } from '../../../src/lib/directory/query';

const strict = (qs: string) => parseQuery(directoryQuerySchema, new URLSearchParams(qs));
const lenient = (qs: string) => parseQueryLenient(directoryQuerySchema, new URLSearchParams(qs));
/** Fields named by a failed strict parse ([] when it succeeded). */
const badFields = (qs: string) => {
  const r = strict(qs);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('parseQuery (API: strict)', () => {
  it('fills in the defaults for an empty query', () => {
    expect(strict('')).toEqual({ ok: true, value: { sort: 'name', page: 1, perPage: PER_PAGE_DEFAULT } });
    expect(PER_PAGE_DEFAULT).toBe(20);
  });

  it('parses every known parameter, coercing numbers', () => {
    expect(strict('industryGroup=nuclear&region=RU-MOS&status=industrial&sort=-founded&page=2&perPage=50&year=2012')).toEqual({
      ok: true,
      value: { industryGroup: 'nuclear', region: 'RU-MOS', status: 'industrial', sort: '-founded', page: 2, perPage: 50, year: 2012 },
    });
  });

  it('rejects unknown parameters, naming each one', () => {
    const r = strict('foo=1&industryGroup=nuclear&bar=2');
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'foo', message: 'is not a known parameter' },
        { field: 'bar', message: 'is not a known parameter' },
      ],
    });
  });

  // Parameter names that happen to be Object.prototype members are still just unknown parameters, given once.
  it.each(['toString', '__proto__'])('reports ?%s=1 as unknown, not as repeated', (name) => {
    expect(strict(`${name}=1`)).toEqual({ ok: false, problems: [{ field: name, message: 'is not a known parameter' }] });
  });

  it.each([
    ['industryGroup=bogus', 'industryGroup'],
    ['status=famous', 'status'],
    ['sort=random', 'sort'],
    ['region=RU-XXX', 'region'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['perPage=0', 'perPage'],
    ['perPage=101', 'perPage'],
    ['year=1900', 'year'],
  ])('rejects %s, naming the parameter', (qs, field) => {
    expect(badFields(qs)).toEqual([field]);
  });

  it('says which values an enum parameter allows', () => {
    const r = strict('industryGroup=bogus');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('pharma-bio-medical');
  });

  it(`allows perPage up to ${PER_PAGE_MAX}`, () => {
    expect(strict(`perPage=${PER_PAGE_MAX}`)).toMatchObject({ ok: true, value: { perPage: 100 } });
  });

  it('rejects a repeated parameter even with the same value', () => {
    expect(strict('industryGroup=nuclear&industryGroup=nuclear')).toEqual({
      ok: false,
      problems: [{ field: 'industryGroup', message: 'is given more than once' }],
    });
  });

  it('reports every problem at once', () => {
    // status is both repeated and invalid: named (at least) once.
    expect([...new Set(badFields('foo=1&status=x&status=y&perPage=500'))].sort()).toEqual(['foo', 'perPage', 'status']);
  });

  // An empty select in a GET form submits "industryGroup=": that means "any", not an error.
  it.each(['industryGroup=&region=&status=&sort=&page=&perPage=', 'industryGroup=%20'])('treats empty values in %j as not given', (qs) => {
    expect(strict(qs)).toEqual({ ok: true, value: { sort: 'name', page: 1, perPage: 20 } });
  });

  it('ignores an empty duplicate of a given parameter', () => {
    expect(strict('industryGroup=&industryGroup=nuclear')).toMatchObject({ ok: true, value: { industryGroup: 'nuclear' } });
  });

  it('trims values', () => {
    expect(strict('region=%20RU-KLU%20')).toMatchObject({ ok: true, value: { region: 'RU-KLU' } });
  });
});

describe('parseQueryLenient (pages: drop and report)', () => {
  it('drops a bad parameter, keeps the good ones and reports the bad one', () => {
    const { value, problems } = lenient('industryGroup=bogus&region=RU-KLU');
    expect(value).toEqual({ region: 'RU-KLU', sort: 'name', page: 1, perPage: 20 });
    expect(problems.map((p) => p.field)).toEqual(['industryGroup']);
  });

  it('falls back to the default for a bad perPage and reports it', () => {
    const { value, problems } = lenient('perPage=500&page=2');
    expect(value).toMatchObject({ perPage: 20, page: 2 });
    expect(problems).toEqual([{ field: 'perPage', message: 'must be at most 100', value: '500', rule: { kind: 'max', limit: 100 } }]);
  });

  it('drops several bad parameters at once', () => {
    const { value, problems } = lenient('industryGroup=x&status=y&sort=z&region=RU-MOS');
    expect(value).toEqual({ region: 'RU-MOS', sort: 'name', page: 1, perPage: 20 });
    expect(problems.map((p) => p.field).sort()).toEqual(['industryGroup', 'sort', 'status']);
  });

  it('keeps the first of repeated values and reports the repetition', () => {
    const { value, problems } = lenient('industryGroup=nuclear&industryGroup=it-electronics');
    expect(value.industryGroup).toBe('nuclear');
    expect(problems).toEqual([{ field: 'industryGroup', message: 'is given more than once', value: 'it-electronics', rule: { kind: 'repeated' } }]);
  });

  it('never applies an unknown parameter', () => {
    const { value } = lenient('foo=1&industryGroup=nuclear');
    expect(value).toEqual({ industryGroup: 'nuclear', sort: 'name', page: 1, perPage: 20 });
    expect(value).not.toHaveProperty('foo');
  });

  it('reports nothing for a good query', () => {
    expect(lenient('industryGroup=nuclear&sort=-name').problems).toEqual([]);
  });
});

describe('availableSorts (issue 13: controls that do something)', () => {
  it('offers no founding-year sort when no cluster gives a year, and no index sort without an index', () => {
    expect(availableSorts({ anyFoundedYear: false, anyIndex: true }, 'name')).toEqual(['name', '-index']);
    expect(availableSorts({ anyFoundedYear: true, anyIndex: false }, 'name')).toEqual(['name', '-founded']);
  });
  it('keeps the current sort so the form shows what is applied', () => {
    expect(availableSorts({ anyFoundedYear: false, anyIndex: false }, '-founded')).toEqual(['name', '-founded']);
  });
});
