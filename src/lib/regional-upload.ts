/**
 * A regional statistics file uploaded in the browser (the moderators' page): every bad line listed (not only the
 * first, as the command-line import stops at), the preview of what an import would change per region and year,
 * and the template CSV of the regions that still lack data. Pure: no I/O; the store is read in
 * src/server/regional-upload.ts.
 */
import { CsvError, parseCsvRecords, type CsvRecord } from './csv';
import {
  RegionalImportError,
  RegionalStatisticsReader,
  REGIONAL_CSV_COLUMNS,
  REGIONAL_CSV_OPTIONS,
  type RegionalStatisticsRecord,
} from './regional-statistics';

/**
 * Largest file the page takes, in bytes: Astro's actions read at most 1 MB per request (security.actionBodySizeLimit),
 * and the form's other fields and multipart framing need some room. Larger files go through `npm run import:regions`.
 */
export const REGIONAL_UPLOAD_MAX_BYTES = 900 * 1024;

/** How many bad lines one check lists at most (a file of the wrong kind would otherwise list every line). */
export const REGIONAL_UPLOAD_MAX_ERRORS = 50;

/** One bad line of an uploaded file. */
export interface RegionalLineError {
  line: number;
  reason: string;
}

/** An uploaded file, checked: its records when every line is good, else the bad lines (records is then empty). */
export interface RegionalUploadCheck {
  records: RegionalStatisticsRecord[];
  errors: RegionalLineError[];
  /** Whether more bad lines were found than {@link REGIONAL_UPLOAD_MAX_ERRORS}. */
  moreErrors: boolean;
}

/** A problem as a line error; errors that are not the file's fault pass through. */
function lineErrorOf(error: unknown): RegionalLineError {
  if (error instanceof RegionalImportError) return { line: error.line, reason: error.reason };
  if (error instanceof CsvError) return { line: error.line, reason: error.reason };
  throw error;
}

/**
 * Checks a whole uploaded file, listing every bad data line (up to {@link REGIONAL_UPLOAD_MAX_ERRORS}); a header
 * problem or malformed CSV stops at that line, since the lines after it cannot be read. All-or-nothing: any error
 * leaves `records` empty.
 *
 * @example checkRegionalUpload('region,year\n').errors[0].reason // => 'missing column(s): population, …'
 */
export function checkRegionalUpload(text: string): RegionalUploadCheck {
  if (new TextEncoder().encode(text).length > REGIONAL_UPLOAD_MAX_BYTES) {
    return { records: [], errors: [{ line: 1, reason: `the file is larger than ${REGIONAL_UPLOAD_MAX_BYTES} bytes` }], moreErrors: false };
  }
  let csvRecords: CsvRecord[];
  try {
    csvRecords = parseCsvRecords(text, REGIONAL_CSV_OPTIONS);
  } catch (error) {
    return { records: [], errors: [lineErrorOf(error)], moreErrors: false };
  }
  const reader = new RegionalStatisticsReader();
  const records: RegionalStatisticsRecord[] = [];
  const errors: RegionalLineError[] = [];
  let headerRead = false;
  for (const record of csvRecords) {
    try {
      const parsed = reader.accept(record);
      if (parsed) records.push(parsed);
      headerRead = true;
    } catch (error) {
      errors.push(lineErrorOf(error));
      if (!headerRead) break; // without a header no later line can be read
    }
  }
  if (errors.length === 0) {
    try {
      reader.finish();
    } catch (error) {
      errors.push(lineErrorOf(error));
    }
  }
  if (errors.length > 0) return { records: [], errors: errors.slice(0, REGIONAL_UPLOAD_MAX_ERRORS), moreErrors: errors.length > REGIONAL_UPLOAD_MAX_ERRORS };
  return { records, errors, moreErrors: false };
}

/** The stored fields of a record an import can change (everything but the key). */
export const REGIONAL_RECORD_FIELDS = [
  'population',
  'populationSource',
  'fdi',
  'fdiSource',
  'exports',
  'exportsSource',
  'imports',
  'importsSource',
  'foreignOwnedCompanies',
  'foreignOwnedCompaniesSource',
] as const satisfies ReadonlyArray<keyof RegionalStatisticsRecord>;

/** One field of a record. */
export type RegionalRecordField = (typeof REGIONAL_RECORD_FIELDS)[number];

/** What an import would do to one region and year: add it, change some fields (old → new), or nothing. */
export type RegionalChange =
  | { region: string; year: number; kind: 'new'; record: RegionalStatisticsRecord }
  | { region: string; year: number; kind: 'changed'; fields: Array<{ field: RegionalRecordField; old: number | string | null; new: number | string | null }> }
  | { region: string; year: number; kind: 'unchanged' };

/** Key of a region and year. */
const keyOf = (r: { region: string; year: number }) => `${r.region} ${r.year}`;

/**
 * What importing `incoming` over the stored records would change, one entry per incoming (region, year), in the
 * file's order.
 *
 * @example previewRegionalChanges([{ ...klu2012, fdi: 2 }], [klu2012]) // => [{ kind: 'changed', fields: [{ field: 'fdi', old: 1, new: 2 }], … }]
 */
export function previewRegionalChanges(incoming: readonly RegionalStatisticsRecord[], stored: readonly RegionalStatisticsRecord[]): RegionalChange[] {
  const before = new Map(stored.map((r) => [keyOf(r), r]));
  return incoming.map((record): RegionalChange => {
    const { region, year } = record;
    const old = before.get(keyOf(record));
    if (!old) return { region, year, kind: 'new', record };
    const fields = REGIONAL_RECORD_FIELDS.filter((f) => old[f] !== record[f]).map((field) => ({ field, old: old[field], new: record[field] }));
    return fields.length === 0 ? { region, year, kind: 'unchanged' } : { region, year, kind: 'changed', fields };
  });
}

/** How many regions and years an import adds, changes and leaves as they are. */
export function countRegionalChanges(changes: readonly RegionalChange[]): Record<RegionalChange['kind'], number> {
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return counts;
}

/**
 * A short fingerprint of a preview (FNV-1a over its changes): the confirm form carries it, so an import whose
 * outcome would differ from what the moderator saw (someone imported meanwhile) is refused and previewed again.
 */
export function previewFingerprint(changes: readonly RegionalChange[]): string {
  const text = JSON.stringify(changes);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${changes.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A region to put in the template: its code and year, and what is already stored for it (kept, so only the gaps need filling). */
export interface RegionalTemplateRow {
  region: string;
  year: number;
  stored?: RegionalStatisticsRecord;
}

/**
 * The template CSV a moderator fills in: `#` comment lines (units, where each figure is published), the header of
 * {@link REGIONAL_CSV_COLUMNS}, and one row per region and year with what is stored already (empty cells to fill).
 *
 * @example regionalTemplateCsv([{ region: 'RU-KLU', year: 2012 }], ['units: million USD']) // => '# units: million USD\nregion,year,…\nRU-KLU,2012,,,…\n'
 */
export function regionalTemplateCsv(rows: readonly RegionalTemplateRow[], comments: readonly string[]): string {
  const lines = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
  lines.push(REGIONAL_CSV_COLUMNS.join(','));
  for (const { region, year, stored: s } of rows) {
    const cells = [
      region,
      year,
      s?.population ?? null,
      s?.populationSource ?? null,
      s?.fdi ?? null,
      s?.fdiSource ?? null,
      s?.exports ?? null,
      s?.exportsSource ?? null,
      s?.imports ?? null,
      s?.importsSource ?? null,
      s?.foreignOwnedCompanies ?? null,
      s?.foreignOwnedCompaniesSource ?? null,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
