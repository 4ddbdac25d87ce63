import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILOT_SOURCES, sourceTextIn } from '../../../src/lib/profile/pilot-sources';
import { noteWithLead, pickMostRecent, type SourcedFact } from '../../../src/lib/profile';

const CLUSTERS = join(import.meta.dirname, '..', '..', '..', 'content', 'clusters');

/** Every source text and provenance note the shipped profiles cite (not URLs). */
function citedTexts(): Set<string> {
  const texts = new Set<string>();
  for (const file of readdirSync(CLUSTERS)) {
    const profile = JSON.parse(readFileSync(join(CLUSTERS, file), 'utf8'));
    for (const year of profile.indicators ?? []) for (const v of Object.values(year)) if (v && typeof v === 'object' && 'source' in v) texts.add((v as { source: string }).source);
    if (profile.provenance) texts.add(profile.provenance.source);
    if (profile.provenance?.note) texts.add(profile.provenance.note);
  }
  return texts;
}

describe('pilot sources in the page language (issue 13, item 8)', () => {
  it('gives the Russian form of every source text the shipped profiles cite', () => {
    const texts = [...citedTexts()];
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(sourceTextIn(text, 'ru'), text).not.toMatch(/[A-Za-z]{4,}/);
      expect(sourceTextIn(text, 'en')).toBe(text);
    }
  });

  it('turns either form into the other and leaves any other source as typed', () => {
    expect(sourceTextIn(PILOT_SOURCES.indicators.ru, 'en')).toBe(PILOT_SOURCES.indicators.en);
    expect(sourceTextIn(PILOT_SOURCES.indicators.en, 'ru')).toMatch(/^Минэкономразвития России \(2012\)/);
    expect(sourceTextIn('Annual report 2020', 'ru')).toBe('Annual report 2020');
  });
});

describe('noteWithLead', () => {
  it('says the stored "Other sources:" lead in the page words and keeps the rest', () => {
    const facts: SourcedFact[] = [
      { kind: 'membersCount', value: '50', asOf: 2013, source: 'https://a.ru/x' },
      { kind: 'membersCount', value: '63', asOf: 2018, source: 'https://b.ru/y' },
    ];
    const note = pickMostRecent(facts).note!;
    expect(note).toBe('Other sources: “50” (2013), https://a.ru/x');
    expect(noteWithLead(note, 'Другие источники')).toBe('Другие источники: “50” (2013), https://a.ru/x');
    expect(noteWithLead('As reported.', 'Другие источники')).toBe('As reported.');
  });
});
