/**
 * CSV reading on top of csv-parse (RFC 4180: commas, double-quoted cells, "" escapes), with the line numbers
 * error messages need. The same options and record handling serve a whole text (parseCsv, here) and a streamed
 * file (src/server/csv-file.ts), so both read a file the same way. Pure: no I/O.
 */
import { CsvError as CsvParseError, parse as parseSync, type Options as CsvParseOptions } from 'csv-parse/sync';

/** A parsed CSV row with its 1-based line number in the file (for error messages). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** One record as csv-parse gives it (trimmed cells), with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Thrown for malformed CSV, naming the line; `reason` is the message without the "line N: " prefix. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvError';
  }
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Lines starting with this prefix (e.g. "#") are comments: skipped, while later lines keep their real numbers. */
  commentPrefix?: string;
}

/**
 * csv-parse options shared by every reader. Line breaks are normalised to "\n" before parsing
 * ({@link normalizeLineBreaks}) because csv-parse counts a CRLF inside a quoted cell as two lines.
 */
export function csvParseOptions(options: CsvOptions = {}): CsvParseOptions {
  return {
    bom: true,
    trim: true,
    // A quote inside an unquoted cell is kept as text (5"x), as spreadsheets write it.
    relax_quotes: true,
    // Rows of the wrong length get a message naming the expected count (csvRecordToRow), not csv-parse's.
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    info: true,
    ...(options.commentPrefix ? { comment: options.commentPrefix, comment_no_infix: true } : {}),
  };
}

/**
 * Replaces CRLF and lone CR line breaks with LF; `pendingCr` carries a CR that ended the previous chunk of a stream.
 * @example normalizeLineBreaks('a\r\nb\rc') // => { text: 'a\nb\nc', pendingCr: false }
 */
export function normalizeLineBreaks(chunk: string, pendingCr = false): { text: string; pendingCr: boolean } {
  let text = pendingCr ? `\r${chunk}` : chunk;
  const endsWithCr = text.endsWith('\r');
  if (endsWithCr) text = text.slice(0, -1);
  return { text: text.replace(/\r\n?/g, '\n'), pendingCr: endsWithCr };
}

/** A record from csv-parse (`info: true`) as {@link CsvRecord}: its start line is its end line minus the breaks inside its cells. */
export function toCsvRecord(parsed: { record: string[]; info: { lines: number } }): CsvRecord {
  const inner = parsed.record.reduce((n, cell) => n + countLineBreaks(cell), 0);
  return { line: parsed.info.lines - inner, cells: parsed.record };
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether a record is a line of spaces only (csv-parse skips truly empty lines, not blank ones). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.length === 1 && record.cells[0] === '';
}

/** A csv-parse error as a {@link CsvError} with a message for people; other errors pass through unchanged. */
export function toCsvError(error: unknown): unknown {
  if (!(error instanceof CsvParseError)) return error;
  const line = typeof error.lines === 'number' ? error.lines : 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return new CsvError(line, 'a quoted cell is not closed');
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
    return new CsvError(line, 'a quoted cell must be followed by a comma or the end of the line; write "" for a quote inside it');
  return new CsvError(line, error.message.replace(/^Invalid \w+: /, ''));
}

/** The header of a CSV file: trimmed column names; throws when a required column is missing. */
export function readCsvHeader(record: CsvRecord, requiredColumns: readonly string[] = []): string[] {
  const header = record.cells.map((c) => c.trim());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) throw new CsvError(record.line, `missing column(s): ${missing.join(', ')}`);
  return header;
}

/** A data record keyed by the header's column names; throws when its number of cells differs from the header's. */
export function csvRecordToRow(header: readonly string[], { line, cells }: CsvRecord): CsvRow {
  if (cells.length !== header.length) throw new CsvError(line, `expected ${header.length} cells, found ${cells.length}`);
  return { line, cells: Object.fromEntries(header.map((h, i) => [h, cells[i]!])) };
}

/** Every non-blank record of a CSV text with its start line; throws {@link CsvError} for malformed CSV. */
export function parseCsvRecords(text: string, options: CsvOptions = {}): CsvRecord[] {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parseSync(normalizeLineBreaks(text).text, csvParseOptions(options)) as unknown as typeof parsed;
  } catch (error) {
    throw toCsvError(error);
  }
  return parsed.map(toCsvRecord).filter((r) => !isBlankRecord(r));
}

/**
 * Parses CSV with a header row into rows keyed by column name; with `commentPrefix`, comment lines are skipped.
 * @example parseCsv('a,b\n1,"x,y"\n') // [{ line: 2, cells: { a: '1', b: 'x,y' } }]
 * @example parseCsv('# note\na\n1\n', [], { commentPrefix: '#' }) // rows: [{ line: 3, cells: { a: '1' } }]
 */
export function parseCsv(
  text: string,
  requiredColumns: readonly string[] = [],
  options: CsvOptions = {},
): { header: string[]; rows: CsvRow[] } {
  const [head, ...body] = parseCsvRecords(text, options);
  if (!head) throw new CsvError(1, 'the file is empty; a header row is expected');
  const header = readCsvHeader(head, requiredColumns);
  return { header, rows: body.map((record) => csvRecordToRow(header, record)) };
}
