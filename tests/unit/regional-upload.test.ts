import { describe, expect, it } from 'vitest';
import { anyScenario } from '../../src/lib/indexing/scenario';
import { parseRegionalStatisticsCsv, REGIONAL_CSV_COLUMNS, type RegionalStatisticsRecord } from '../../src/lib/regional-statistics';
import {
  checkRegionalUpload,
  countRegionalChanges,
  previewFingerprint,
  previewRegionalChanges,
  regionalTemplateCsv,
  REGIONAL_UPLOAD_MAX_BYTES,
  REGIONAL_UPLOAD_MAX_ERRORS,
} from '../../src/lib/regional-upload';

const HEADER = REGIONAL_CSV_COLUMNS.join(',');
const row = (region: string, population: string | number = 1010000, fdi: string | number = 1500) =>
  `${region},2012,${population},Rosstat,${fdi},CBR,1200,FCS,3500,FCS,480,Rosstat`;
const KLU = row('RU-KLU');
const record = (csv: string): RegionalStatisticsRecord => parseRegionalStatisticsCsv(`${HEADER}\n${csv}\n`)[0]!;

describe('checkRegionalUpload', () => {
  it('returns the records of a good file and no errors', () => {
    const check = checkRegionalUpload(`# a comment\n${HEADER}\n${KLU}\n${row('RU-TOM')}\n`);
    expect(check.errors).toEqual([]);
    expect(check.records.map((r) => r.region)).toEqual(['RU-KLU', 'RU-TOM']);
  });

  it('lists every bad data line with its number, and then returns no records (all-or-nothing)', () => {
    const text = `${HEADER}\n${KLU}\n${row('RU-XX')}\n${row('RU-TOM', '"1,5"')}\n${KLU}\n`;
    const check = checkRegionalUpload(text);
    expect(check.records).toEqual([]);
    expect(check.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(check.errors[1]!.reason).toBe('population must use "." as the decimal point, got "1,5" (write 1.5)');
    expect(check.errors[2]!.reason).toBe('RU-KLU 2012 is given twice (lines 2 and 5)');
  });

  it('stops at a bad header: no later line can be read', () => {
    expect(checkRegionalUpload(`region,year\n${KLU}\n`).errors).toEqual([{ line: 1, reason: expect.stringMatching(/^missing column\(s\): population,/) }]);
  });

  it('names malformed CSV, an empty file and a file without data rows', () => {
    expect(checkRegionalUpload(`${HEADER}\n"RU-KLU,2012\n`).errors).toEqual([{ line: 2, reason: 'a quoted cell is not closed' }]);
    expect(checkRegionalUpload('').errors).toEqual([{ line: 1, reason: 'the file is empty; a header row is expected' }]);
    expect(checkRegionalUpload(`${HEADER}\n`).errors).toEqual([{ line: 1, reason: 'the file has no data rows after the header' }]);
  });

  it(`lists at most ${REGIONAL_UPLOAD_MAX_ERRORS} errors and says there are more`, () => {
    const lines = Array.from({ length: REGIONAL_UPLOAD_MAX_ERRORS + 5 }, () => row('RU-XX'));
    const check = checkRegionalUpload(`${HEADER}\n${lines.join('\n')}\n`);
    expect(check.errors).toHaveLength(REGIONAL_UPLOAD_MAX_ERRORS);
    expect(check.moreErrors).toBe(true);
  });

  it('refuses a file over the size limit', () => {
    const check = checkRegionalUpload(`${HEADER}\n${KLU}\n#${'x'.repeat(REGIONAL_UPLOAD_MAX_BYTES)}\n`);
    expect(check.errors).toEqual([{ line: 1, reason: `the file is larger than ${REGIONAL_UPLOAD_MAX_BYTES} bytes` }]);
  });
});

describe('previewRegionalChanges', () => {
  const stored = record(KLU);

  it('marks a record new, changed (each field old → new) or unchanged', () => {
    const changes = previewRegionalChanges([record(row('RU-TOM')), { ...stored, population: 1020000, fdi: null, fdiSource: null }, stored], [stored]);
    expect(changes[0]).toMatchObject({ region: 'RU-TOM', year: 2012, kind: 'new' });
    // An emptied value and its emptied source are both changes.
    expect(changes[1]).toEqual({
      region: 'RU-KLU',
      year: 2012,
      kind: 'changed',
      fields: [
        { field: 'population', old: 1010000, new: 1020000 },
        { field: 'fdi', old: 1500, new: null },
        { field: 'fdiSource', old: 'CBR', new: null },
      ],
    });
    expect(changes[2]).toEqual({ region: 'RU-KLU', year: 2012, kind: 'unchanged' });
    expect(countRegionalChanges(changes)).toEqual({ new: 1, changed: 1, unchanged: 1 });
  });

  it('compares by region and year: another year of the same region is new', () => {
    const other = { ...stored, year: 2013 };
    expect(previewRegionalChanges([other], [stored])[0]!.kind).toBe('new');
  });
});

describe('previewFingerprint', () => {
  it('is the same for the same changes and differs when an old value differs', () => {
    const incoming = [record(row('RU-KLU', 1020000))];
    const a = previewFingerprint(previewRegionalChanges(incoming, [record(KLU)]));
    expect(previewFingerprint(previewRegionalChanges(incoming, [record(KLU)]))).toBe(a);
    expect(previewFingerprint(previewRegionalChanges(incoming, [record(row('RU-KLU', 1015000))]))).not.toBe(a);
    expect(a).toMatch(/^1-[0-9a-f]{8}$/);
  });
});

describe('regionalTemplateCsv', () => {
  it('writes the comments, the header and a row per region with stored values kept', () => {
    const text = regionalTemplateCsv([{ region: 'RU-KLU', year: 2012 }, { region: 'RU-TOM', year: 2012, stored: { ...record(row('RU-TOM')), fdi: null, fdiSource: null, populationSource: 'Rosstat, "Regions"' } }], ['units: million USD', 'two\nlines']);
    expect(text).toBe(
      `# units: million USD\n# two lines\n${HEADER}\nRU-KLU,2012,,,,,,,,,,\nRU-TOM,2012,1010000,"Rosstat, ""Regions""",,,1200,FCS,3500,FCS,480,Rosstat\n`,
    );
  });

  it('is a file the upload reads back: its comments are skipped, and a filled row is accepted', () => {
    const template = regionalTemplateCsv([{ region: 'RU-TOM', year: 2012, stored: record(row('RU-TOM')) }], ['sources: Rosstat']);
    expect(checkRegionalUpload(template).records).toEqual([record(row('RU-TOM'))]);
  });
});

describe('anyScenario', () => {
  it('is false while every cluster is "unknown" without an excluded region, true otherwise', () => {
    const unknown = { scenario: { code: 'unknown' as const, excludedRegional: null } };
    expect(anyScenario([])).toBe(false);
    expect(anyScenario([unknown, unknown])).toBe(false);
    expect(anyScenario([unknown, { scenario: { code: 'late' as const, excludedRegional: null } }])).toBe(true);
    expect(anyScenario([{ scenario: { code: 'unknown' as const, excludedRegional: { field: 'fdi' } } }])).toBe(true);
  });
});
