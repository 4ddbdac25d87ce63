import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv';
import { profileSchema } from '../../../src/lib/profile';
import { FACT_COLUMNS, factsByCluster, websiteAddress } from '../../../scripts/lib/pilot-facts';

const root = join(import.meta.dirname, '..', '..', '..');
const rows = parseCsv(readFileSync(join(root, 'content', 'sources', 'pilot-clusters-facts.csv'), 'utf8'), [...FACT_COLUMNS]).rows;
const profile = (slug: string) => profileSchema.parse(JSON.parse(readFileSync(join(root, 'content', 'clusters', `${slug}.json`), 'utf8')));

const row = (cells: Partial<Record<(typeof FACT_COLUMNS)[number], string>>, line = 2) => ({
  line,
  cells: { no: '1', name_en: 'X', field: 'member_count', value: '10', as_of: '', status: 'use', source_url: 'https://s.example/', quote: '', ...cells },
});

describe('factsByCluster', () => {
  it('never takes a row marked caveat', () => {
    const facts = factsByCluster([row({ value: '19 (planned)', status: 'caveat' }), row({ value: '19', as_of: '2009' })]);
    expect(facts.get('1')!.general).toEqual([{ kind: 'membersCount', value: '19', asOf: 2009, source: 'https://s.example/' }]);
  });

  it('puts each kind in its block and keeps every specialisation row', () => {
    const facts = factsByCluster([
      row({ field: 'specialized_org', value: 'АНО «Центр»' }),
      row({ field: 'specialisation', value: 'a' }),
      row({ field: 'specialisation', value: 'b' }),
      row({ field: 'anchor_members', value: 'НИИАР' }),
    ]).get('1')!;
    expect(facts.management.map((f) => f.value)).toEqual(['АНО «Центр»']);
    expect(facts.priorities.map((f) => f.value)).toEqual(['a', 'b']);
    expect(facts.members.map((f) => f.value)).toEqual(['НИИАР']);
    expect(facts.general).toEqual([]);
  });

  it('names an unknown field and its line', () => {
    expect(() => factsByCluster([row({ field: 'budget' }, 7)])).toThrow(/line 7: unknown field "budget"/);
  });

  it('uses only rows marked "use" from the shipped file', () => {
    const used = rows.filter((r) => r.cells.status === 'use').length;
    expect(used).toBeGreaterThan(100);
    expect(rows.some((r) => r.cells.status === 'caveat')).toBe(true);
  });
});

describe('websiteAddress', () => {
  it('takes the scheme of a source on the same host, else https', () => {
    expect(websiteAddress('nhtkrb.ru', 'http://nhtkrb.ru/eng/about/')).toBe('http://nhtkrb.ru');
    expect(websiteAddress('icnso.ru', 'https://other.example/')).toBe('https://icnso.ru');
  });
});

describe('generated profiles', () => {
  it('give Dimitrovgrad its organisation, website, founding year and member count, each with a source', () => {
    const p = profile('dimitrovgrad-nuclear');
    const general = Object.fromEntries(p.general.facts!.map((f) => [f.kind, f]));
    expect(general.website).toMatchObject({ value: 'https://cluster-dgrad.ru', source: 'https://cluster-dgrad.ru/en/about-us' });
    expect(general.foundedYear).toMatchObject({ value: '2010', asOf: 2010 });
    expect(general.membersCount).toMatchObject({ value: '70 (2020)', asOf: 2020 });
    expect(p.management.facts![0]!.value).toMatch(/^АНО «Центр развития ядерного инновационного кластера города Димитровграда»/);
    for (const f of [...p.general.facts!, ...p.management.facts!]) expect(f.source).toMatch(/^https?:\/\//);
  });

  it('show Obninsk’s most recent member count and keep the older one in the note', () => {
    const members = profile('obninsk-pharma-biotech').general.facts!.find((f) => f.kind === 'membersCount')!;
    expect(members).toMatchObject({ value: '63 (2018)', asOf: 2018 });
    expect(members.note).toContain('over 50 (Dec 2013)');
  });

  it('leave out the caveat facts (Arkhangelsk has only caveat rows)', () => {
    const p = profile('arkhangelsk-shipbuilding');
    expect(p.general.facts).toBeUndefined();
    expect(p.management.facts).toBeUndefined();
  });
});
