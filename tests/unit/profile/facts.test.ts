import { describe, expect, it } from 'vitest';
import { FACT_TEXT_MAX, factNamesItsYear, factNoteIn, factValueIn, generalSchema, managementSchema, pickMostRecent, profileSchema, readsTheSameInBothLanguages, type SourcedFact } from '../../../src/lib/profile';
import { validProfile } from './fixtures';

const fact = (value: string, asOf?: number, source = 'https://a.example/'): SourcedFact => ({
  kind: 'membersCount',
  value,
  ...(asOf !== undefined ? { asOf } : {}),
  source,
});

describe('pickMostRecent', () => {
  it('shows the latest dated fact and keeps the others in its note', () => {
    const chosen = pickMostRecent([fact('over 50', 2013, 'https://old.example/'), fact('63', 2018, 'https://new.example/')]);
    expect(chosen.value).toBe('63');
    expect(chosen.note).toBe('Other sources: “over 50” (2013), https://old.example/');
  });

  it('counts an undated fact as the oldest and keeps the first of a tie', () => {
    expect(pickMostRecent([fact('a'), fact('b', 2010)]).value).toBe('b');
    expect(pickMostRecent([fact('63 (2018)', 2018), fact('more than 60 (2018)', 2018)]).value).toBe('63 (2018)');
  });

  it('leaves a lone fact unchanged', () => {
    expect(pickMostRecent([fact('70', 2020)])).toEqual(fact('70', 2020));
  });

  it('writes a Russian note from the other sources\' Russian texts (their value where they have none) when any has one', () => {
    const chosen = pickMostRecent([
      { ...fact('over 50', 2013, 'https://old.example/'), valueRu: 'более 50' },
      fact('about 55', 2015, 'https://mid.example/'),
      { ...fact('63', 2018, 'https://new.example/'), valueRu: '63' },
    ]);
    expect(chosen.note).toBe('Other sources: “over 50” (2013), https://old.example/; “about 55” (2015), https://mid.example/');
    expect(chosen.noteRu).toBe('Other sources: “более 50” (2013), https://old.example/; “about 55” (2015), https://mid.example/');
    expect(factNoteIn(chosen, 'ru')).toBe(chosen.noteRu);
    expect(factNoteIn(chosen, 'en')).toBe(chosen.note);
  });

  it('writes no Russian note when no other source has a Russian text', () => {
    const chosen = pickMostRecent([fact('50', 2013), { ...fact('63 members', 2018), valueRu: '63 участника' }]);
    expect(chosen.noteRu).toBeUndefined();
    expect(factNoteIn(chosen, 'ru')).toBe(chosen.note);
  });
});

describe('factNamesItsYear', () => {
  it.each([
    ['63 (2018)', 2018, true],
    ['63', 2018, false],
    ['63', undefined, true],
  ])('%s as of %s → %s', (value, asOf, expected) => {
    expect(factNamesItsYear({ value, asOf })).toBe(expected);
  });
});

describe('sourced facts in the blocks', () => {
  it('keeps a profile without facts valid (facts are optional)', () => {
    expect(profileSchema.safeParse(validProfile()).success).toBe(true);
  });

  it('accepts a block’s own kinds and refuses another block’s', () => {
    const base = validProfile().general;
    expect(generalSchema.safeParse({ ...base, facts: [fact('63', 2018)] }).success).toBe(true);
    expect(managementSchema.safeParse({ facts: [fact('63', 2018)] }).success).toBe(false);
  });

  it('requires a web address as the source', () => {
    const base = validProfile().general;
    expect(generalSchema.safeParse({ ...base, facts: [{ kind: 'website', value: 'x', source: 'javascript:alert(1)' }] }).success).toBe(false);
  });
});

describe('valueRu', () => {
  const general = (f: Record<string, unknown>) => generalSchema.safeParse({ ...validProfile().general, facts: [{ ...fact('more than 60 (2016)', 2016), ...f }] });

  it('is optional and kept trimmed', () => {
    expect(general({}).success).toBe(true);
    const parsed = general({ valueRu: '  более 60 (2016) ' });
    expect(parsed.success && parsed.data.facts![0]!.valueRu).toBe('более 60 (2016)');
  });

  it('refuses an empty or overlong Russian text', () => {
    expect(general({ valueRu: '   ' }).success).toBe(false);
    expect(general({ valueRu: 'я'.repeat(FACT_TEXT_MAX + 1) }).success).toBe(false);
  });
});

describe('factValueIn', () => {
  const withRu = { value: 'microelectronics', valueRu: 'микроэлектроника' };

  it('shows the Russian text on Russian pages and the value on English ones', () => {
    expect(factValueIn(withRu, 'ru')).toBe('микроэлектроника');
    expect(factValueIn(withRu, 'en')).toBe('microelectronics');
  });

  it('shows the value on Russian pages when it has no Russian text', () => {
    expect(factValueIn({ value: '70 (2020)' }, 'ru')).toBe('70 (2020)');
  });
});

describe('readsTheSameInBothLanguages', () => {
  it.each([
    ['cluster-dgrad.ru', true],
    ['https://cluster-dgrad.ru/en/about-us', true],
    ['2010', true],
    ['70 (2020)', true],
    ['63 members', false],
    ['microelectronics', false],
    ['НИИАР; Федеральный высокотехнологичный центр ядерной медицины', false],
  ])('%s → %s', (value, expected) => {
    expect(readsTheSameInBothLanguages(value)).toBe(expected);
  });
});
