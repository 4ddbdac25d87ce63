import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { membersCsvTemplate, readMembersCsv } from '../../../src/lib/wizard';

describe('readMembersCsv', () => {
  it('reads members with types given as code or name in either language', () => {
    const result = readMembersCsv('\uFEFFname_ru,name_en,type,country,international_activity\nООО «А»,A LLC,МСП,,2\n"Университет, Б",,University,de,\n');
    expect(result).toEqual({
      ok: true,
      members: [
        { name: { ru: 'ООО «А»', en: 'A LLC' }, type: 'sme', country: 'RU', internationalActivity: 2 },
        { name: { ru: 'Университет, Б' }, type: 'university', country: 'DE' },
      ],
    });
  });
  it('reports every broken row with its line and column, and takes none of the file', () => {
    const result = readMembersCsv('name_ru,type,international_activity\nА,sme,1\n,sme,1\nБ,guild,9\nВ,sme\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column, p.message.key])).toEqual([
      [3, 'name_ru', 'wizard.issue.oneLanguage'],
      [4, 'type', 'wizard.issue.choose'],
      [4, 'international_activity', 'wizard.issue.max'],
      [5, undefined, 'wizard.csv.cells'],
    ]);
  });
  it('refuses a file without the needed columns, an empty file and a damaged one', () => {
    expect(readMembersCsv('name,kind\nA,sme\n')).toMatchObject({ ok: false, problems: [{ message: { key: 'wizard.csv.columns' } }] });
    expect(readMembersCsv('')).toMatchObject({ ok: false, problems: [{ message: { key: 'wizard.csv.empty' } }] });
    expect(readMembersCsv('name_ru,type\n"open quote,sme\n')).toMatchObject({ ok: false, problems: [{ message: { key: 'wizard.csv.malformed' } }] });
  });
  it('offers a sample file that it reads itself, published as public/templates/members.csv', () => {
    expect(readMembersCsv(membersCsvTemplate()).ok).toBe(true);
    expect(readFileSync('public/templates/members.csv', 'utf8')).toBe(membersCsvTemplate());
  });
});
