import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../src/lib/workflow';
import { submittableProfile } from './fixtures';

describe('changedFields', () => {
  const base = submittableProfile();

  it('finds nothing between equal versions, whatever the key order', () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(changedFields(base, submittableProfile())).toEqual([]);
    expect(JSON.stringify(reversed(base))).not.toBe(JSON.stringify(base));
    expect(changedFields(base, reversed(base) as typeof base)).toEqual([]);
  });

  it.each<[string, (p: any) => void, string[]]>([
    ['the English name', (p) => (p.general.name.en = 'Renamed'), ['general.name']],
    ['an added employee count', (p) => (p.general.employees = 1200), ['general.employees']],
    ['a removed member and the CMO website', (p) => (p.members.members.pop(), (p.management.cmo.website = 'https://cmo.example.org')), ['management.cmo', 'members.members']],
    ['an indicator of 2012', (p) => (p.indicators[0].exportsBlnRub.value = 2), ['indicators.2012']],
    ['a new indicator year', (p) => p.indicators.push({ year: 2013, publications: { value: 5, source: 's' } }), ['indicators.2013']],
    ['the provenance', (p) => (p.provenance = { source: 'Manager' }), ['provenance']],
  ])('lists %s', (_name, edit, expected) => {
    expect(changedFields(base, submittableProfile(edit))).toEqual(expected);
  });

  it('lists every given field of a first version', () => {
    const fields = changedFields(undefined, base);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'general.name', 'general.region', 'members.members', 'indicators.2012']));
  });
});

describe('changedFields of the questionnaire', () => {
  it('names each year answered differently', () => {
    const base = submittableProfile((p) => (p.questionnaire = [{ year: 2023, selfAssessment: 3 }]));
    const next = submittableProfile((p) => (p.questionnaire = [{ year: 2023, selfAssessment: 4 }, { year: 2024, selfAssessment: 4 }]));
    expect(changedFields(base, next)).toEqual(['questionnaire.2023', 'questionnaire.2024']);
  });
});
