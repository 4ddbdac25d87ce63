import { describe, expect, it } from 'vitest';
import { buildSearchDocument, countryName, documentTextColumns, nameSortKey } from '../../../src/lib/search/document';
import { richProfile } from './fixtures';

const doc = buildSearchDocument(richProfile(), { index: 0.123456789, scenario: 'lonely' });

describe('buildSearchDocument', () => {
  it('never copies private contacts or the management block', () => {
    const json = JSON.stringify(doc);
    expect(json).not.toContain('secret.manager@example.org');
    expect(json).not.toContain('999 123');
    expect(json).not.toContain('Quarkwell');
  });

  it('uses the slug as the Meilisearch id and converts lon to lng for _geo', () => {
    expect(doc.id).toBe('kaluga-pharma-test');
    expect(doc._geo).toEqual({ lat: 55.083, lng: 36.617 });
  });

  it('names the region, industry and status in both languages', () => {
    expect(doc.regionName).toEqual({ ru: 'Калужская область', en: 'Kaluga Oblast' });
    expect(doc.industryName.en).toBe('Pharmaceutical, biotechnology and medical');
    expect(doc.statusName.ru).toBe('Кластерная инициатива');
  });

  it('collects members, partners, projects and partner countries', () => {
    expect(doc.memberNames).toEqual(['Акме', 'Acme GmbH']);
    expect(doc.partnerNames).toEqual(['Medicon Valley Alliance']);
    expect(doc.projectTitles).toEqual(['Joint biosimilar lab']);
    expect(doc.partnerCountries).toEqual(['DK', 'FR']);
    expect(doc.partnerCountryNames).toEqual({ ru: ['Дания', 'Франция'], en: ['Denmark', 'France'] });
  });

  it('carries the filters, a rounded index and the scenario', () => {
    expect(doc).toMatchObject({ industryGroup: 'pharma-bio-medical', region: 'RU-KLU', status: 'cluster-initiative', scenario: 'lonely', selfAssessment: 4, foundedYear: 2012 });
    expect(doc.index).toBe(0.123457);
    expect(doc.cooperationAreas).toEqual(['rnd-knowledge-transfer']);
  });

  it('strips highlight markers from the data so stored text cannot forge highlights', () => {
    expect(doc.description.en).toBe('Contract R&D and <b>bold</b> forged markers.');
  });

  it('keeps null for an unranked cluster', () => {
    expect(buildSearchDocument(richProfile(), { index: null, scenario: 'unknown' }).index).toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    ['"Kamsky" cluster', 'kamsky" cluster'],
    ['«Зеленоград»', 'зеленоград»'],
    ['Titanium', 'titanium'],
  ])('nameSortKey(%s) = %s', (name, key) => expect(nameSortKey(name)).toBe(key));

  it('names countries with ICU and falls back to the code', () => {
    expect(countryName('DE', 'ru')).toBe('Германия');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('ZZ', 'en')).toMatch(/ZZ|Unknown/);
  });

  it('groups the text by weight for the FTS5 fallback', () => {
    const cols = documentTextColumns(doc);
    expect(cols.names).toContain('Kaluga pharmaceutical cluster');
    expect(cols.places).toContain('Обнинск');
    expect(cols.places).toContain('Калужская область');
    expect(cols.topics).toContain('biosimilars');
    expect(cols.body).toContain('Medicon Valley Alliance');
    expect(Object.values(cols).join(' ')).not.toContain('secret.manager');
  });
});
