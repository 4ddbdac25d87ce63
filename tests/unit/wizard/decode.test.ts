import { describe, expect, it } from 'vitest';
import { applyPostedFields, readCountries, readLines, readNumber, readRowOp, stepFields, type WizardField } from '../../../src/lib/wizard';

/** A FormData with these fields (repeated names for checkboxes). */
function form(entries: Array<[string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const members = stepFields('members');

describe('reading typed values', () => {
  it('reads numbers with a decimal comma, leaves text that is not a number as typed and empty as undefined', () => {
    expect(readNumber('54,933')).toBe(54.933);
    expect(readNumber(' 1 200 ')).toBe(1200);
    expect(readNumber('')).toBeUndefined();
    expect(readNumber('12abc')).toBe('12abc');
    expect(readNumber('Infinity')).toBe('Infinity');
  });
  it('splits keywords by line and countries by commas or spaces', () => {
    expect(readLines('атом\n\n  медицина ;ядерная физика\r\n')).toEqual(['атом', 'медицина', 'ядерная физика']);
    expect(readCountries('de, fr  CN;')).toEqual(['DE', 'FR', 'CN']);
  });
  it('reads the row buttons and ignores anything else', () => {
    expect(readRowOp('remove:members.members:3')).toEqual({ kind: 'remove', list: 'members.members', row: 3 });
    expect(readRowOp('add:indicators')).toEqual({ kind: 'add', list: 'indicators' });
    expect(readRowOp('remove:members.members:-1')).toBeUndefined();
    expect(readRowOp('drop:x:1')).toBeUndefined();
    expect(readRowOp(undefined)).toBeUndefined();
  });
});

describe('applyPostedFields', () => {
  it('writes the posted block into a copy of the base and keeps what the form does not show', () => {
    const base = { slug: 'a-b', general: { name: { ru: 'Старое', en: 'Old' }, labels: [{ kind: 'other' }] } };
    const fields = stepFields('general');
    const out = applyPostedFields(base, fields, form([['general.name.ru', ' Новое '], ['general.name.en', 'New'], ['general.location.lat', '54,9'], ['general.location.lon', '43.3'], ['general.specialization.ru', 'атом\nмедицина']]));
    expect(out.general).toMatchObject({ name: { ru: 'Новое', en: 'New' }, location: { lat: 54.9, lon: 43.3 }, specialization: { ru: ['атом', 'медицина'], en: [] }, labels: [{ kind: 'other' }] });
    expect(base.general.name.ru).toBe('Старое');
  });
  it('removes an emptied field and an untouched optional group', () => {
    const base = { general: { shortName: { ru: 'Было' }, foundedYear: 2010 } };
    const out = applyPostedFields(base, stepFields('general'), form([['general.shortName.ru', ''], ['general.foundedYear', '']]));
    expect(out.general).not.toHaveProperty('shortName');
    expect(out.general).not.toHaveProperty('foundedYear');
  });
  it('reads rows in order, drops blank rows and applies remove and reorder by the posted row number', () => {
    const rows: Array<[string, string]> = [
      ['members.members.0.name.ru', 'Первый'],
      ['members.members.0.type', 'sme'],
      ['members.members.1.name.ru', ''],
      ['members.members.1.type', ''],
      ['members.members.2.name.ru', 'Третий'],
      ['members.members.2.type', 'university'],
      ['members.members.3.name.ru', 'Четвёртый'],
      ['members.members.3.type', 'sme'],
    ];
    const names = (out: Record<string, unknown>) => ((out.members as { members: Array<{ name: { ru: string } }> }).members).map((m) => m.name.ru);
    expect(names(applyPostedFields({}, members, form(rows)))).toEqual(['Первый', 'Третий', 'Четвёртый']);
    expect(names(applyPostedFields({}, members, form(rows), { kind: 'remove', list: 'members.members', row: 2 }))).toEqual(['Первый', 'Четвёртый']);
    expect(names(applyPostedFields({}, members, form(rows), { kind: 'up', list: 'members.members', row: 3 }))).toEqual(['Первый', 'Четвёртый', 'Третий']);
    expect(names(applyPostedFields({}, members, form(rows), { kind: 'down', list: 'members.members', row: 0 }))).toEqual(['Третий', 'Первый', 'Четвёртый']);
    expect(names(applyPostedFields({}, members, form(rows), { kind: 'up', list: 'members.members', row: 0 }))).toEqual(['Первый', 'Третий', 'Четвёртый']);
  });
  it('reads numeric selects as numbers and checkboxes as lists', () => {
    const out = applyPostedFields({}, stepFields('members'), form([['members.members.0.name.en', 'X'], ['members.members.0.type', 'sme'], ['members.members.0.internationalActivity', '3']]));
    expect(out).toMatchObject({ members: { members: [{ name: { en: 'X' }, type: 'sme', internationalActivity: 3 }] } });
    const checks = applyPostedFields({}, stepFields('priorities'), form([['priorities.cooperationAreas', 'education-hr'], ['priorities.cooperationAreas', 'institutional']]));
    expect(checks).toMatchObject({ priorities: { cooperationAreas: ['education-hr', 'institutional'] } });
  });
  it('ignores posted names no field describes (nothing but the step’s fields reaches the profile)', () => {
    const fields: WizardField[] = stepFields('management');
    const out = applyPostedFields({}, fields, form([['management.cmo.name.ru', 'УК'], ['slug', 'hijack'], ['general.region', 'RU-MOW'], ['management.secret', 'x']]));
    expect(out).toEqual({ management: { cmo: { name: { ru: 'УК' } }, services: [] } });
  });
});
