import { describe, expect, it } from 'vitest';
import { generalSchema, profileSchema } from '../../../src/lib/profile';
import { REGION_CODES } from '../../../src/lib/regions';
import { fieldsOf, problemsOf, profileWith, validProfile } from './fixtures';

describe('general block: region', () => {
  it('knows exactly the 83 federal subjects', () => {
    expect(REGION_CODES).toHaveLength(83);
    expect(new Set(REGION_CODES).size).toBe(83);
  });

  it('accepts every one of the 83 ISO codes', () => {
    const rejected = REGION_CODES.filter((code) => !profileSchema.safeParse(profileWith((p) => (p.general.region = code))).success);
    expect(rejected).toEqual([]);
  });

  it.each(['RU-KLU', 'RU-MOW', 'RU-SPE', 'RU-BA'])('accepts %s', (region) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general.region = region)))).toEqual([]);
  });

  // Not a region: made-up code, other country, lower case, missing prefix, empty.
  it.each(['RU-XXX', 'DE-BY', 'ru-klu', 'KLU', ''])('rejects %j, naming general.region', (region) => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.general.region = region)));
    expect(problems).toEqual([{ field: 'general.region', message: expect.stringContaining('ISO 3166-2') }]);
  });
});

describe('general block: bilingual name', () => {
  it.each([
    ['en missing', { ru: 'Кластер' }, 'general.name.en'],
    ['ru missing', { en: 'Cluster' }, 'general.name.ru'],
    ['en empty', { ru: 'Кластер', en: '' }, 'general.name.en'],
    ['ru only spaces', { ru: '   ', en: 'Cluster' }, 'general.name.ru'],
  ])('rejects a name with %s', (_case, name, field) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general.name = name)))).toEqual([field]);
  });

  it('trims both names', () => {
    const parsed = generalSchema.parse({ ...validProfile().general, name: { ru: '  Кластер ', en: ' Cluster  ' } });
    expect(parsed.name).toEqual({ ru: 'Кластер', en: 'Cluster' });
  });

  it('rejects a third language in the name (strict)', () => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.general.name.de = 'Cluster')));
    expect(problems).toEqual([{ field: 'general.name', message: 'unknown field(s): de' }]);
  });
});

describe('general block: other fields', () => {
  it('accepts the fixture', () => {
    expect(problemsOf(generalSchema, validProfile().general)).toEqual([]);
  });

  // City and other localized texts need at least one language, not both.
  it.each([
    [{ ru: 'Обнинск' }, true],
    [{ en: 'Obninsk' }, true],
    [{}, false],
  ])('city %j valid: %s', (city, ok) => {
    expect(generalSchema.safeParse({ ...validProfile().general, city }).success).toBe(ok);
  });

  it.each([
    ['not a url', 'general.websites.0.url'],
    ['ftp://example.org', 'general.websites.0.url'],
    ['example.org', 'general.websites.0.url'],
  ])('rejects the website %j', (url, field) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general.websites = [{ url }])))).toContain(field);
  });

  it('accepts http and https websites and defaults their language to ru', () => {
    const parsed = generalSchema.parse({ ...validProfile().general, websites: [{ url: 'http://a.ru' }, { url: 'https://b.org', lang: 'en' }] });
    expect(parsed.websites).toEqual([
      { url: 'http://a.ru', lang: 'ru' },
      { url: 'https://b.org', lang: 'en' },
    ]);
  });

  it.each([
    ['latitude above 90', { lat: 91, lon: 0 }, 'general.location.lat'],
    ['longitude below -180', { lat: 0, lon: -181 }, 'general.location.lon'],
    ['a string latitude', { lat: '55', lon: 36 }, 'general.location.lat'],
  ])('rejects %s', (_case, location, field) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general.location = location)))).toEqual([field]);
  });

  it.each([
    ['industryGroup', 'pharma'],
    ['status', 'famous'],
  ])('rejects an unknown %s', (key, value) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general[key] = value)))).toEqual([`general.${key}`]);
  });

  it.each([
    [1949, false],
    [1950, true],
    [2012.5, false],
    [new Date().getUTCFullYear() + 1, true], // plans for next year are allowed
    [new Date().getUTCFullYear() + 2, false],
  ])('foundedYear %s valid: %s', (foundedYear, ok) => {
    expect(profileSchema.safeParse(profileWith((p) => (p.general.foundedYear = foundedYear))).success).toBe(ok);
  });

  it.each([0, 8, 3.5])('rejects selfAssessment %s (whole grades 1–7 only)', (selfAssessment) => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.general.selfAssessment = selfAssessment)))).toEqual(['general.selfAssessment']);
  });

  it('rejects negative member and employee counts', () => {
    const fields = fieldsOf(profileSchema, profileWith((p) => Object.assign(p.general, { membersCount: -1, employees: -5 })));
    expect(fields.sort()).toEqual(['general.employees', 'general.membersCount']);
  });

  it('rejects an unknown field in the block (strict)', () => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.general.ceo = 'Ivanov')));
    expect(problems).toEqual([{ field: 'general', message: 'unknown field(s): ceo' }]);
  });
});
