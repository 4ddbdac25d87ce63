import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { CSV_BOM, csvLine, csvRecords, neutraliseFormula } from '../../src/lib/export/csv-writer';

/** The text of one cell as written (the record's line end removed). */
const cell = (value: string | number | null | undefined) => csvLine([value]).replace(/\r\n$/, '');

describe('one cell', () => {
  it.each([
    ['plain', 'plain'],
    ['Say "hi", then go', '"Say ""hi"", then go"'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['a,b', '"a,b"'],
    [' edge', '" edge"'],
    ['edge ', '"edge "'],
    ['Ядерно-инновационный кластер', 'Ядерно-инновационный кластер'],
    [null, ''],
    [undefined, ''],
    [0.08, '0.08'],
    [-3, '-3'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('writes %j as %j', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it.each(['=1+1', '+7 495', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('neutralises the formula-like text %j', (text) => {
    expect(neutraliseFormula(text).startsWith("'")).toBe(true);
    expect(cell(text).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it.each(['plain', 'a=b', 'x-1', "'quoted"])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('records', () => {
  it('end every record with CRLF and write nothing for no records', () => {
    expect(csvRecords([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n');
    expect(csvRecords([])).toBe('');
  });

  it('re-parse to the same cells (apart from neutralised formulas)', () => {
    const rows = [
      ['name', 'note', 'value'],
      ['Кластер «Физтех XXI»', 'a, "quoted"\nnote', '1.5'],
      ['=cmd|calc', '@x', '-1'],
    ];
    const parsed = parseCsv(CSV_BOM + csvRecords(rows), ['name', 'note', 'value']);
    expect(parsed.rows.map((r) => [r.cells.name, r.cells.note, r.cells.value])).toEqual([rows[1], ["'=cmd|calc", "'@x", "'-1"]]);
  });
});
