import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { CSV_BOM, csvCell, csvLine, neutraliseFormula } from '../../src/lib/export/csv-writer';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['Say "hi", then go', '"Say ""hi"", then go"'],
    ['two\nlines', '"two\nlines"'],
    [' edge', '" edge"'],
    ['Ядерно-инновационный кластер', 'Ядерно-инновационный кластер'],
    [null, ''],
    [undefined, ''],
    [0.08, '0.08'],
    [-3, '-3'],
    [Number.NaN, ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['=1+1', '+7 495', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises the formula-like text %j', (text) => {
    expect(neutraliseFormula(text).startsWith("'")).toBe(true);
    expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
  });
});

describe('csvLine', () => {
  it('re-parses to the same cells (apart from neutralised formulas)', () => {
    const rows = [
      ['name', 'note', 'value'],
      ['Кластер «Физтех XXI»', 'a, "quoted"\nnote', '1.5'],
    ];
    const text = CSV_BOM + rows.map((r) => csvLine(r)).join('');
    const parsed = parseCsv(text, ['name', 'note', 'value']);
    expect(parsed.rows.map((r) => [r.cells.name, r.cells.note, r.cells.value])).toEqual([rows[1]]);
  });
});
