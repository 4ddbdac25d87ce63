import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../src/lib/profile';
import { HOSTILE_URL, HOSTILE_WORD, makeHostileProfile, SCRIPT_URLS, XSS_PAYLOADS } from '../../helpers/hostile-profile';

const CONTENT = join(import.meta.dirname, '..', '..', '..', 'content', 'clusters');
const base = JSON.parse(readFileSync(join(CONTENT, 'tomsk-pharma-medtech-it.json'), 'utf8'));
const hostile = makeHostileProfile(base, 'xss-hostile');

/** The hostile profile with one field (a dotted path) set to a value. */
function withField(path: string, value: string): unknown {
  const copy = structuredClone(hostile.profile) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  parent[keys.at(-1)!] = value;
  return copy;
}

describe('the hostile fixture (tests/helpers/hostile-profile.ts)', () => {
  it('is a valid profile', () => {
    expect(profileSchema.safeParse(hostile.profile).success).toBe(true);
  });

  // The fields a visitor reads, from each block: the walk over the schema must reach all of them.
  it.each([
    'general.name.ru',
    'general.name.en',
    'general.shortName.en',
    'general.city.ru',
    'general.specialization.en.1',
    'general.description.ru',
    'general.labels.0.name',
    'priorities.technologyPriorities.ru.0',
    'priorities.marketPriorities.en.0',
    'priorities.developmentGoals.en',
    'priorities.internationalizationGoals.ru',
    'priorities.offers.en',
    'priorities.seeks.ru',
    'management.cmo.name.en',
    'management.cmo.legalForm',
    'management.manager.name',
    'management.manager.position',
    'management.managementModel.ru',
    'general.facts.0.value',
    'general.facts.0.note',
    'management.facts.0.value',
    'members.facts.0.value',
    'members.members.0.name.en',
    'partnersProjects.partners.1.name.ru',
    'partnersProjects.projects.0.title.en',
    'partnersProjects.projects.1.description.ru',
    'indicators.0.exportsBlnRub.source',
    'provenance.source',
    'provenance.note',
  ])('puts every payload into %s', (path) => {
    const field = hostile.texts.find((t) => t.path === path);
    expect(field?.value).toContain(HOSTILE_WORD);
    for (const payload of XSS_PAYLOADS) expect(field?.value).toContain(payload);
  });

  it('puts an attribute-breaking (but http) address into every URL field', () => {
    expect(hostile.urls.map((u) => u.path).sort()).toEqual([
      'general.facts.0.source',
      'general.facts.1.source',
      'general.labels.0.url',
      'general.labels.1.url',
      'general.websites.0.url',
      'general.websites.1.url',
      'management.cmo.website',
      'management.facts.0.source',
      'management.facts.1.source',
      'members.facts.0.source',
      'priorities.facts.0.source',
    ]);
    expect(hostile.urls.every((u) => u.value === HOSTILE_URL)).toBe(true);
  });
});

describe('URL fields accept http(s) only', () => {
  const urlPaths = hostile.urls.map((u) => u.path);

  it.each(urlPaths.flatMap((path) => SCRIPT_URLS.map((url) => [path, url] as const)))('%s refuses %j', (path, url) => {
    const result = profileSchema.safeParse(withField(path, url));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });

  it.each(urlPaths)('%s keeps an http(s) address as given, for the page to escape', (path) => {
    const result = profileSchema.safeParse(withField(path, HOSTILE_URL));
    expect(result.success).toBe(true);
  });
});
