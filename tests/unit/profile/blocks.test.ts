import { describe, expect, it } from 'vitest';
import {
  countForeignMembers,
  countMembersByType,
  managementSchema,
  membersSchema,
  partnersProjectsSchema,
  prioritiesSchema,
  profileSchema,
  projectSchema,
} from '../../../src/lib/profile';
import { fieldsOf, problemsOf, profileWith } from './fixtures';

describe('country codes (members, partners, projects, priorities)', () => {
  it.each(['DEU', 'D', 'D1', '', 'Germany'])('rejects the partner country %j', (country) => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p.partnersProjects.partners[0].country = country)));
    expect(problems).toEqual([{ field: 'partnersProjects.partners.0.country', message: expect.stringContaining('ISO 3166-1') }]);
  });

  it('upper-cases a lower-case country code', () => {
    const parsed = profileSchema.parse(profileWith((p) => (p.members.members[0].country = ' de ')));
    expect(parsed.members.members[0]!.country).toBe('DE');
  });

  it.each([
    ['members', (p: any) => (p.members.members[0].country = 'XYZ'), 'members.members.0.country'],
    ['project partner countries', (p: any) => (p.partnersProjects.projects[0].partnerCountries = ['FR', 'France']), 'partnersProjects.projects.0.partnerCountries.1'],
    ['priority target countries', (p: any) => (p.priorities = { targetCountries: ['CN', '1'] }), 'priorities.targetCountries.1'],
  ])('names the bad code in %s', (_case, edit, field) => {
    expect(fieldsOf(profileSchema, profileWith(edit))).toEqual([field]);
  });
});

describe('partners and projects', () => {
  it.each([
    [2013, 2015, true],
    [2015, 2015, true],
    [2016, 2015, false],
    [2016, undefined, true],
    [undefined, 2015, true],
  ])('startYear %s, endYear %s valid: %s', (startYear, endYear, ok) => {
    expect(projectSchema.safeParse({ title: { en: 'Lab' }, startYear, endYear }).success).toBe(ok);
  });

  it('names endYear when the project ends before it starts', () => {
    const problems = problemsOf(profileSchema, profileWith((p) => Object.assign(p.partnersProjects.projects[0], { startYear: 2016, endYear: 2014 })));
    expect(problems).toEqual([{ field: 'partnersProjects.projects.0.endYear', message: 'the end year must not be before the start year' }]);
  });

  it('rejects a negative project budget', () => {
    expect(fieldsOf(profileSchema, profileWith((p) => (p.partnersProjects.projects[0].budgetMlnRub = -1)))).toEqual([
      'partnersProjects.projects.0.budgetMlnRub',
    ]);
  });

  it('rejects an unknown partner type and an unknown field', () => {
    expect(problemsOf(partnersProjectsSchema, { partners: [{ name: { en: 'X' }, country: 'FR', type: 'friend' }], budget: 1 })).toEqual([
      { field: 'partners.0.type', message: expect.any(String) },
      { field: '(root)', message: 'unknown field(s): budget' },
    ]);
  });
});

describe('members', () => {
  it('defaults a member country to RU', () => {
    expect(membersSchema.parse({ members: [{ name: { ru: 'НИИ' }, type: 'research-institute' }] }).members[0]!.country).toBe('RU');
  });

  it.each([-1, 5, 1.5])('rejects international activity %s (whole 0–4 only)', (internationalActivity) => {
    expect(fieldsOf(membersSchema, { members: [{ name: { en: 'X' }, type: 'sme', internationalActivity }] })).toEqual([
      'members.0.internationalActivity',
    ]);
  });

  it('derives counts by type and foreign members from the list', () => {
    const { members } = membersSchema.parse({
      members: [
        { name: { en: 'A' }, type: 'sme', country: 'DE' },
        { name: { en: 'B' }, type: 'sme' },
        { name: { en: 'C' }, type: 'university', country: 'ru' },
      ],
    });
    expect(countMembersByType(members)).toEqual({ sme: 2, university: 1 });
    expect(countForeignMembers(members)).toBe(1);
  });
});

describe('priorities and management', () => {
  it('defaults an empty priorities block', () => {
    expect(prioritiesSchema.parse({})).toEqual({
      technologyPriorities: { ru: [], en: [] },
      marketPriorities: { ru: [], en: [] },
      cooperationAreas: [],
      targetCountries: [],
    });
  });

  it('rejects an unknown cooperation area', () => {
    expect(fieldsOf(prioritiesSchema, { cooperationAreas: ['tourism'] })).toEqual(['cooperationAreas.0']);
  });

  it.each([
    ['a bad CMO website', { cmo: { name: { en: 'CMO' }, website: 'www' } }, 'cmo.website'],
    ['a bad manager e-mail', { manager: { name: 'Ivanov', email: 'ivanov@' } }, 'manager.email'],
    ['a bad manager phone', { manager: { name: 'Ivanov', phone: 'call me' } }, 'manager.phone'],
    ['an unknown service', { services: ['lobbying'] }, 'services.0'],
    ['a bad confirmation date', { confirmedAt: '2024-13-45' }, 'confirmedAt'],
  ])('rejects %s', (_case, management, field) => {
    // A bad URL may fail two checks of the same field; the field is what matters.
    expect([...new Set(fieldsOf(managementSchema, management))]).toEqual([field]);
  });
});
