/** A parsed CSV row with its 1-based line number in the file (for error messages). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** Thrown for malformed CSV, naming the line. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Lines starting with this prefix (e.g. "#") are comments: skipped, while later lines keep their real numbers. */
  commentPrefix?: string;
}

/** Splits CSV text (RFC 4180: commas, double-quoted cells, "" escapes) into records of cells with their line numbers. */
function splitRecords(text: string, commentPrefix?: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    const atLineStart = i === 0 || src[i - 1] === '\n' || src[i - 1] === '\r';
    if (commentPrefix && !quoted && atLineStart && cells.length === 0 && src.startsWith(commentPrefix, i)) {
      // A comment line: skip to its end; the line break itself is consumed here too.
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
      if (src[i] === '\r' && src[i + 1] === '\n') i++;
      line++;
      recordLine = line;
      continue;
    }
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError(recordLine, 'a quoted cell is not closed');
  if (cell !== '' || cells.length) cells.push(cell), records.push({ line: recordLine, cells });
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
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
  const [head, ...body] = splitRecords(text, options.commentPrefix);
  if (!head) throw new CsvError(1, 'the file is empty; a header row is expected');
  const header = head.cells.map((c) => c.trim());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) throw new CsvError(head.line, `missing column(s): ${missing.join(', ')}`);
  const rows = body.map(({ line, cells }) => {
    if (cells.length !== header.length)
      throw new CsvError(line, `expected ${header.length} cells, found ${cells.length}`);
    return { line, cells: Object.fromEntries(header.map((h, i) => [h, cells[i]!.trim()])) };
  });
  return { header, rows };
}
