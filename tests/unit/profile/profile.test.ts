import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as profileModule from '../../../src/lib/profile';
import {
  PROFILE_BLOCKS,
  describeZodError,
  formatProblems,
  isBlockEmpty,
  latestIndicatorYear,
  profileSchema,
  slugSchema,
} from '../../../src/lib/profile';
import { problemsOf, profileWith, validProfile } from './fixtures';

describe('profile composition', () => {
  it('accepts the fixture and fills in the missing blocks', () => {
    const parsed = profileSchema.parse(validProfile());
    expect(parsed.priorities.cooperationAreas).toEqual([]);
    expect(parsed.management.services).toEqual([]);
    expect(PROFILE_BLOCKS).toEqual(['general', 'priorities', 'management', 'members', 'partnersProjects']);
  });

  it('exports one schema per block from the index', () => {
    for (const name of ['generalSchema', 'prioritiesSchema', 'managementSchema', 'membersSchema', 'partnersProjectsSchema', 'indicatorsSchema'])
      expect(profileModule, name).toHaveProperty(name);
  });

  it('requires the general block', () => {
    expect(problemsOf(profileSchema, profileWith((p) => delete p.general))).toEqual([{ field: 'general', message: 'Required' }]);
  });

  it('rejects unknown top-level fields (strict)', () => {
    expect(problemsOf(profileSchema, profileWith((p) => Object.assign(p, { rating: 5, notes: 'x' })))).toEqual([
      { field: '(root)', message: 'unknown field(s): rating, notes' },
    ]);
  });

  it.each(['members', 'priorities', 'management', 'partnersProjects'])('rejects unknown fields inside %s', (block) => {
    const problems = problemsOf(profileSchema, profileWith((p) => (p[block] = { ...p[block], extra: true })));
    expect(problems).toEqual([{ field: block, message: 'unknown field(s): extra' }]);
  });
});

describe('slug', () => {
  it.each(['obninsk-pharma-biotech', 'phystech-xxi', 'a1', 'zelenograd'])('accepts %j', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each(['Obninsk', 'a--b', '-ab', 'ab-', 'a_b', 'a b', 'a', 'кластер', 'x'.repeat(81)])('rejects %j', (slug) => {
    expect(problemsOf(profileSchema, profileWith((p) => (p.slug = slug))).map((p) => p.field)).toEqual(['slug']);
  });
});

describe('describeZodError', () => {
  it('gives dotted paths for nested problems, one per issue', () => {
    const broken = profileWith((p) => {
      p.general.region = 'RU-XXX';
      p.indicators[0].exportsBlnRub.value = -0.1;
      p.partnersProjects.projects[0].endYear = 2000;
    });
    const result = profileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const fields = describeZodError(result.error!).map((p) => p.field);
    expect(fields.sort()).toEqual(['general.region', 'indicators.0.exportsBlnRub.value', 'partnersProjects.projects.0.endYear']);
  });

  it('uses (root) for problems of the value itself and lists unknown keys', () => {
    const error = z.object({ a: z.string() }).strict().safeParse({ a: 'x', b: 1, c: 2 }).error!;
    expect(describeZodError(error)).toEqual([{ field: '(root)', message: 'unknown field(s): b, c' }]);
  });

  it('formats one line per problem', () => {
    expect(
      formatProblems([
        { field: 'general.region', message: 'bad' },
        { field: 'slug', message: 'worse' },
      ]),
    ).toBe('general.region: bad\nslug: worse');
  });
});

describe('completeness', () => {
  it('treats a block with only empty lists as empty, and one with content as filled', () => {
    const profile = profileSchema.parse(validProfile());
    expect(isBlockEmpty(profile, 'priorities')).toBe(true);
    expect(isBlockEmpty(profile, 'management')).toBe(true);
    expect(isBlockEmpty(profile, 'members')).toBe(false);
    expect(isBlockEmpty(profile, 'partnersProjects')).toBe(false);
  });

  it('does not count the confirmation date as content', () => {
    const profile = profileSchema.parse(profileWith((p) => (p.priorities = { confirmedAt: '2024-01-01' })));
    expect(isBlockEmpty(profile, 'priorities')).toBe(true);
  });

  it('finds the latest indicator year, or undefined without indicators', () => {
    const source = 's';
    const profile = profileSchema.parse(profileWith((p) => (p.indicators = [2011, 2014, 2012].map((year) => ({ year, publications: { value: 1, source } })))));
    expect(latestIndicatorYear(profile)).toBe(2014);
    expect(latestIndicatorYear(profileSchema.parse(profileWith((p) => (p.indicators = []))))).toBeUndefined();
  });
});
