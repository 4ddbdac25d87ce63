/**
 * Writing CSV (RFC 4180) for spreadsheets, on top of csv-stringify: a UTF-8 byte-order mark so that spreadsheet
 * programs read Cyrillic correctly, CRLF line ends, quotes where needed (also around line breaks and edge spaces,
 * which csv-stringify would leave bare), and text that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe ({@link neutraliseFormula}, ours: the one rule the library does not know). Numbers are
 * written as they are (a negative number is a number, not a formula). Pure: no I/O.
 */
import { stringify, type Options } from 'csv-stringify/sync';

/** The UTF-8 byte-order mark that opens the file. */
export const CSV_BOM = '\uFEFF';
/** Line end of every record (RFC 4180). */
export const CSV_EOL = '\r\n';

/** One cell value: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/**
 * Text a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return), made inert
 * with a leading apostrophe.
 * @example neutraliseFormula('=HYPERLINK("x")') // => "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** csv-stringify's options for every export: CRLF, formulas neutralised, not-finite numbers empty. */
const STRINGIFY_OPTIONS: Options = {
  record_delimiter: 'windows',
  // csv-stringify quotes a cell holding the delimiter, a quote or the whole record delimiter; a lone \n or \r,
  // or a space at either end, would otherwise be written bare and lost or split by readers.
  quoted_match: /[\r\n]|^\s|\s$/,
  cast: {
    string: neutraliseFormula,
    number: (value) => (Number.isFinite(value) ? String(value) : ''),
  },
};

/**
 * Records as CSV text, each with its line end (no BOM: write {@link CSV_BOM} once before the first).
 * @example csvRecords([['Say "hi", then go', -3, null]]) // => '"Say ""hi"", then go",-3,\r\n'
 */
export function csvRecords(records: readonly (readonly CsvValue[])[]): string {
  return records.length ? stringify(records as CsvValue[][], STRINGIFY_OPTIONS) : '';
}

/** One record with its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return csvRecords([values]);
}
