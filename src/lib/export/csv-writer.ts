/**
 * Writing CSV (RFC 4180) for spreadsheets: a UTF-8 byte-order mark so that spreadsheet programs read Cyrillic
 * correctly, CRLF line ends, quotes where needed, and text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) neutralised with a leading apostrophe. Numbers are written as they
 * are (a negative number is a number, not a formula). Pure: no I/O.
 */

/** The UTF-8 byte-order mark that opens the file. */
export const CSV_BOM = '\uFEFF';
/** Line end of every record (RFC 4180). */
export const CSV_EOL = '\r\n';

/** One cell value: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/**
 * Text a spreadsheet would read as a formula, made inert with a leading apostrophe.
 * @example neutraliseFormula('=HYPERLINK("x")') // => "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One cell as CSV: quoted when it holds a comma, quote, line break or edge space; quotes doubled.
 * @example csvCell('Say "hi", then go') // => '"Say ""hi"", then go"'
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_EOL;
}
