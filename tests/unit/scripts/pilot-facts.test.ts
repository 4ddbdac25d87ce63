import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv';
import { profileSchema } from '../../../src/lib/profile';
import { FACT_COLUMNS, FACT_RU_COLUMNS, factsByCluster, websiteAddress } from '../../../scripts/lib/pilot-facts';

const root = join(import.meta.dirname, '..', '..', '..');
const rows = parseCsv(readFileSync(join(root, 'content', 'sources', 'pilot-clusters-facts.csv'), 'utf8'), [...FACT_COLUMNS]).rows;
const ruRows = parseCsv(readFileSync(join(root, 'content', 'sources', 'pilot-clusters-facts-ru.csv'), 'utf8'), [...FACT_RU_COLUMNS]).rows;
const profile = (slug: string) => profileSchema.parse(JSON.parse(readFileSync(join(root, 'content', 'clusters', `${slug}.json`), 'utf8')));

const row = (cells: Partial<Record<(typeof FACT_COLUMNS)[number], string>>, line = 2) => ({
  line,
  cells: { no: '1', name_en: 'X', field: 'member_count', value: '10', as_of: '', status: 'use', source_url: 'https://s.example/', quote: '', ...cells },
});
/** A row of pilot-clusters-facts-ru.csv. */
const ruRow = (cells: Partial<Record<(typeof FACT_RU_COLUMNS)[number], string>>, line = 2) => ({
  line,
  cells: { no: '1', field: 'member_count', value: '10', value_ru: '10', ...cells },
});

describe('factsByCluster', () => {
  it('never takes a row marked caveat', () => {
    const facts = factsByCluster([row({ value: '19 (planned)', status: 'caveat' }), row({ value: '19', as_of: '2009' })], []);
    expect(facts.get('1')!.general).toEqual([{ kind: 'membersCount', value: '19', asOf: 2009, source: 'https://s.example/' }]);
  });

  it('puts each kind in its block and keeps every specialisation row', () => {
    const facts = factsByCluster([
      row({ field: 'specialized_org', value: 'АНО «Центр»' }),
      row({ field: 'specialisation', value: 'a' }),
      row({ field: 'specialisation', value: 'b' }),
      row({ field: 'anchor_members', value: 'НИИАР' }),
    ], [
      ruRow({ field: 'specialized_org', value: 'АНО «Центр»', value_ru: 'АНО «Центр»' }),
      ruRow({ field: 'specialisation', value: 'a', value_ru: 'а' }),
      ruRow({ field: 'specialisation', value: 'b', value_ru: 'б' }),
      ruRow({ field: 'anchor_members', value: 'НИИАР', value_ru: 'НИИАР' }),
    ]).get('1')!;
    expect(facts.management.map((f) => f.value)).toEqual(['АНО «Центр»']);
    expect(facts.priorities.map((f) => f.value)).toEqual(['a', 'b']);
    expect(facts.members.map((f) => f.value)).toEqual(['НИИАР']);
    expect(facts.general).toEqual([]);
  });

  it('names an unknown field and its line', () => {
    expect(() => factsByCluster([row({ field: 'budget' }, 7)], [])).toThrow(/line 7: unknown field "budget"/);
  });

  it('uses only rows marked "use" from the shipped file', () => {
    const used = rows.filter((r) => r.cells.status === 'use').length;
    expect(used).toBeGreaterThan(100);
    expect(rows.some((r) => r.cells.status === 'caveat')).toBe(true);
  });
});

describe('factsByCluster with Russian texts', () => {
  const microelectronics = row({ field: 'specialisation', value: 'microelectronics' }, 5);

  it('gives a fact the Russian text of its row (found by no, field and value)', () => {
    const facts = factsByCluster([microelectronics], [ruRow({ field: 'specialisation', value: 'microelectronics', value_ru: 'микроэлектроника' })]);
    expect(facts.get('1')!.priorities).toEqual([{ kind: 'specialisation', value: 'microelectronics', valueRu: 'микроэлектроника', source: 'https://s.example/' }]);
  });

  it('leaves valueRu out when the Russian text is the value itself', () => {
    const facts = factsByCluster([row({ field: 'anchor_members', value: 'НИИАР' })], [ruRow({ field: 'anchor_members', value: 'НИИАР', value_ru: 'НИИАР' })]);
    expect(facts.get('1')!.members[0]).not.toHaveProperty('valueRu');
  });

  it('keeps the Russian text of the most recent of disagreeing values', () => {
    const facts = factsByCluster(
      [row({ value: 'over 50 (Dec 2013)', as_of: '2013' }), row({ value: 'more than 60 (2018)', as_of: '2018' })],
      [ruRow({ value: 'over 50 (Dec 2013)', value_ru: 'более 50 (декабрь 2013)' }), ruRow({ value: 'more than 60 (2018)', value_ru: 'более 60 (2018)' }, 3)],
    );
    expect(facts.get('1')!.general[0]).toMatchObject({ value: 'more than 60 (2018)', valueRu: 'более 60 (2018)', note: expect.stringContaining('over 50 (Dec 2013)') });
  });

  it('fails naming the line of a Russian row that matches no usable fact (a stale translation)', () => {
    const stale = ruRow({ field: 'specialisation', value: 'micro-electronics', value_ru: 'микроэлектроника' }, 9);
    expect(() => factsByCluster([microelectronics], [ruRow({ field: 'specialisation', value: 'microelectronics', value_ru: 'микроэлектроника' }), stale])).toThrow(
      /pilot-clusters-facts-ru\.csv line 9: no usable fact .*no=1, field=specialisation, value "micro-electronics"/,
    );
  });

  it('counts a Russian row of a caveat fact as stale', () => {
    expect(() => factsByCluster([row({ value: '19 (planned)', status: 'caveat' })], [ruRow({ value: '19 (planned)', value_ru: '19 (в планах)' }, 4)])).toThrow(/-ru\.csv line 4: /);
  });

  it('fails naming a fact in words that has no Russian row', () => {
    expect(() => factsByCluster([microelectronics], [])).toThrow(/pilot-clusters-facts\.csv line 5: the fact no=1, field=specialisation, value "microelectronics" has no Russian text/);
    expect(() => factsByCluster([row({ value: '63 members' }, 6)], [])).toThrow(/line 6: .*"63 members" has no Russian text/);
  });

  it('needs no Russian row for a website, a year or a number', () => {
    const facts = factsByCluster(
      [
        row({ field: 'website', value: 'cluster-dgrad.ru', source_url: 'https://cluster-dgrad.ru/en/about-us' }),
        row({ field: 'founding_year', value: '2010', as_of: '2010' }),
        row({ value: '70 (2020)', as_of: '2020' }),
      ],
      [],
    );
    expect(facts.get('1')!.general.map((f) => f.value)).toEqual(['https://cluster-dgrad.ru', '2010', '70 (2020)']);
    expect(facts.get('1')!.general.some((f) => 'valueRu' in f)).toBe(false);
  });

  it('fails naming the line of a Russian row given twice or left empty', () => {
    const ru = ruRow({ field: 'specialisation', value: 'microelectronics', value_ru: 'микроэлектроника' });
    expect(() => factsByCluster([microelectronics], [ru, { ...ru, line: 3 }])).toThrow(/-ru\.csv line 3: .*already has its Russian text on line 2/);
    expect(() => factsByCluster([microelectronics], [ruRow({ field: 'specialisation', value: 'microelectronics', value_ru: '' }, 8)])).toThrow(/-ru\.csv line 8: value_ru is empty/);
  });

  it('joins the shipped files: every Russian row matches a usable fact and every fact in words has one', () => {
    expect(() => factsByCluster(rows, ruRows)).not.toThrow();
    expect(ruRows.length).toBeGreaterThan(90);
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

  it('give Zelenograd’s specialisation in Russian beside the English value', () => {
    const specialisation = profile('zelenograd').priorities.facts!.find((f) => f.kind === 'specialisation')!;
    expect(specialisation).toMatchObject({ value: 'microelectronics', valueRu: 'микроэлектроника' });
  });

  it('leave out the caveat facts (Arkhangelsk has only caveat rows)', () => {
    const p = profile('arkhangelsk-shipbuilding');
    expect(p.general.facts).toBeUndefined();
    expect(p.management.facts).toBeUndefined();
  });
});
