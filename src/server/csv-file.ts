import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { csvParseOptions, isBlankRecord, normalizeLineBreaks, toCsvError, toCsvRecord, type CsvOptions, type CsvRecord } from '../lib/csv';

/** A stream stage that turns CRLF and CR line breaks into LF, also when a CRLF is split across two chunks. */
function lineBreakNormalizer(): Transform {
  let pendingCr = false;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _encoding, done) {
      const normalized = normalizeLineBreaks(chunk, pendingCr);
      pendingCr = normalized.pendingCr;
      done(null, normalized.text);
    },
    flush(done) {
      done(null, pendingCr ? '\n' : '');
    },
  });
}

/**
 * Streams the records of a CSV file (the header first) with their start lines, parsed by csv-parse with the
 * same options as src/lib/csv.ts: memory holds one chunk and one record, not the file.
 * Throws CsvError (with the line) for malformed CSV and the file system's error when the file cannot be read.
 */
export async function* readCsvFile(path: string, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = parse(csvParseOptions(options));
  // pipeline() destroys every stage with the first error (a missing file, malformed CSV); the iterator below throws it.
  pipeline(createReadStream(path, { encoding: 'utf8' }), lineBreakNormalizer(), parser, () => {});
  const source = parser as unknown as AsyncIterable<{ record: string[]; info: { lines: number } }>;
  try {
    for await (const parsed of source) {
      const record = toCsvRecord(parsed);
      if (!isBlankRecord(record)) yield record;
    }
  } catch (error) {
    throw toCsvError(error);
  } finally {
    parser.destroy();
  }
}
