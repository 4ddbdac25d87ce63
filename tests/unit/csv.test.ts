import { describe, expect, it } from 'vitest';
import { CsvError, normalizeLineBreaks, parseCsv } from '../../src/lib/csv';

/** The error parseCsv throws for the text, or a failure when it does not throw. */
function csvError(text: string, required: string[] = []): CsvError {
  try {
    parseCsv(text, required);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return error as CsvError;
  }
  throw new Error('parseCsv did not throw');
}

describe('parseCsv', () => {
  it('reads a header and rows keyed by column, with their line numbers', () => {
    expect(parseCsv('slug,year,value\nobninsk,2012,4\npushchino,2012,\n')).toEqual({
      header: ['slug', 'year', 'value'],
      rows: [
        { line: 2, cells: { slug: 'obninsk', year: '2012', value: '4' } },
        { line: 3, cells: { slug: 'pushchino', year: '2012', value: '' } },
      ],
    });
  });

  it.each([
    ['a comma inside quotes', 'a,b\n1,"x,y"\n', { a: '1', b: 'x,y' }],
    ['"" as an escaped quote', 'a,b\n"He said ""hi""",2\n', { a: 'He said "hi"', b: '2' }],
    ['an empty quoted cell', 'a,b\n"",2\n', { a: '', b: '2' }],
    ['a newline inside quotes', 'a,b\n"line 1\nline 2",2\n', { a: 'line 1\nline 2', b: '2' }],
    ['Cyrillic text', 'name,city\n"Кластер «Физтех XXI»",Долгопрудный\n', { name: 'Кластер «Физтех XXI»', city: 'Долгопрудный' }],
    ['surrounding spaces (trimmed)', 'a , b\n 1 , 2 \n', { a: '1', b: '2' }],
  ])('handles %s', (_case, text, cells) => {
    expect(parseCsv(text).rows).toEqual([{ line: 2, cells }]);
  });

  it('counts lines inside quoted cells for the following rows', () => {
    const { rows } = parseCsv('a,b\n"x\ny\nz",1\nlast,2\n');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it.each([
    ['CRLF line ends', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['a byte-order mark', '\uFEFFa,b\n1,2\n3,4'],
    ['no final newline', 'a,b\n1,2\n3,4'],
  ])('accepts %s', (_case, text) => {
    expect(parseCsv(text)).toEqual({
      header: ['a', 'b'],
      rows: [
        { line: 2, cells: { a: '1', b: '2' } },
        { line: 3, cells: { a: '3', b: '4' } },
      ],
    });
  });

  it('counts a CRLF inside a quoted cell as one line (csv-parse alone counts two)', () => {
    const { rows } = parseCsv('a,b\r\n"x\r\ny",1\r\nlast,2\r\n');
    expect(rows).toEqual([
      { line: 2, cells: { a: 'x\ny', b: '1' } },
      { line: 4, cells: { a: 'last', b: '2' } },
    ]);
  });

  it('skips lines of spaces like empty ones', () => {
    expect(parseCsv('a,b\n   \n1,2\n').rows).toEqual([{ line: 3, cells: { a: '1', b: '2' } }]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a,b\n\n1,2\n\n').rows).toEqual([{ line: 3, cells: { a: '1', b: '2' } }]);
  });

  it.each([
    ['too few cells', 'a,b,c\n1,2,3\n4,5\n', 3, 'expected 3 cells, found 2'],
    ['too many cells', 'a,b\n1,2\n\n3,4,5\n', 4, 'expected 2 cells, found 3'],
    ['a comma outside quotes after a multi-line cell', 'a,b\n"x\ny",1\n2,3,4\n', 4, 'expected 2 cells, found 3'],
  ])('names the line of a row with %s', (_case, text, line, message) => {
    const error = csvError(text);
    expect(error.line).toBe(line);
    expect(error.message).toBe(`line ${line}: ${message}`);
  });

  it('names the missing required columns on line 1', () => {
    const error = csvError('slug,year\nx,2012\n', ['slug', 'year', 'publications', 'exportsBlnRub']);
    expect(error.line).toBe(1);
    expect(error.message).toBe('line 1: missing column(s): publications, exportsBlnRub');
  });

  it('accepts a header that has all required columns in any order', () => {
    expect(parseCsv('year,extra,slug\n2012,x,a\n', ['slug', 'year']).rows[0]!.cells).toEqual({ year: '2012', extra: 'x', slug: 'a' });
  });

  it.each([
    ['an empty file', '', 1, 'empty'],
    ['a file of blank lines', '\n\n', 1, 'empty'],
    ['an unclosed quote', 'a,b\n1,"open\n', 2, 'not closed'],
  ])('rejects %s', (_case, text, line, words) => {
    const error = csvError(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(words);
  });
});

describe('normalizeLineBreaks', () => {
  it.each([
    ['CRLF and lone CR become LF', 'a\r\nb\rc', false, { text: 'a\nb\nc', pendingCr: false }],
    ['a CR at the end of a chunk waits for the next', 'a\r', false, { text: 'a', pendingCr: true }],
    ['a waiting CR followed by LF is one break', '\nb', true, { text: '\nb', pendingCr: false }],
    ['a waiting CR followed by text is a break of its own', 'b', true, { text: '\nb', pendingCr: false }],
  ])('%s', (_name, chunk, pending, expected) => {
    expect(normalizeLineBreaks(chunk, pending)).toEqual(expected);
  });
});
