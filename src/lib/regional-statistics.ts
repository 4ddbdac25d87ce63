/**
 * Regional foreign economic statistics as moderators import them (CSV, one row per region and year).
 *
 * Columns (header row, any order):
 *   region, year,
 *   population, population_source,
 *   fdi, fdi_source,
 *   exports, exports_source,
 *   imports, imports_source,
 *   foreign_owned_companies, foreign_owned_companies_source
 *
 * - `region`: ISO 3166-2 code of one of the 83 regions (src/lib/regions.ts), e.g. RU-KLU.
 * - `year`: a whole number from 1990 to 2100.
 * - `population`: number of residents (persons), required, > 0, with its source.
 * - `fdi`, `exports`, `imports`: totals in **million USD** for that year, the same unit for every
 *   row (the regional index divides each indicator by its maximum, so only consistency matters).
 * - `foreign_owned_companies`: number of companies with foreign ownership.
 * - The last four may be empty (not available); a given value needs its source, and a source
 *   without a value is an error too. Values are finite numbers ≥ 0 with "." as the decimal point.
 * - Lines starting with "#" are comments. A (region, year) pair may appear only once.
 *
 * - Each row must be plausible (src/lib/regional-plausibility.ts): a population of at least 10,000 and
 *   per-capita figures that are finite and within the bounds a real region can have.
 *
 * Parsing is all-or-nothing: the first bad row throws a {@link RegionalImportError} naming its line.
 * Pure: no I/O (the streamed file is read in src/server/regional-import.ts with the same {@link RegionalStatisticsReader}).
 */
import { z } from 'zod';
import { CsvError, csvRecordToRow, parseCsvRecords, readCsvHeader, type CsvRecord } from './csv';
import { describeRegionalProblem, findRegionalProblems, REGIONAL_INPUTS, type RegionalInput } from './regional-plausibility';
import { isRegionCode, REGION_CODE_RULE } from './regions';
import { LATEST_YEAR_BOUND } from './years';

/** Unit of the money columns (fdi, exports, imports), the same for every row. */
export const REGIONAL_MONEY_UNIT = 'million USD';

/** Earliest and latest year accepted in a regional statistics file. */
export const REGIONAL_YEAR_RANGE = { min: 1990, max: LATEST_YEAR_BOUND } as const;

/** The CSV columns of a regional statistics file, all required in the header (in any order). */
export const REGIONAL_CSV_COLUMNS = [
  'region',
  'year',
  'population',
  'population_source',
  'fdi',
  'fdi_source',
  'exports',
  'exports_source',
  'imports',
  'imports_source',
  'foreign_owned_companies',
  'foreign_owned_companies_source',
] as const;

/** The regional inputs of the index, in the order the badge lists them (defined beside their plausibility bounds). */
export { REGIONAL_INPUTS, type RegionalInput } from './regional-plausibility';

/** Statistics of one region in one year; money in {@link REGIONAL_MONEY_UNIT}; null = not available. */
export interface RegionalStatisticsRecord {
  region: string;
  year: number;
  population: number;
  populationSource: string;
  fdi: number | null;
  fdiSource: string | null;
  exports: number | null;
  exportsSource: string | null;
  imports: number | null;
  importsSource: string | null;
  foreignOwnedCompanies: number | null;
  foreignOwnedCompaniesSource: string | null;
}

/** A regional statistics file that cannot be imported: names the line and the reason. */
export class RegionalImportError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'RegionalImportError';
  }

  /** The same problem found by the CSV reader (malformed CSV, a wrong number of cells). */
  static fromCsvError(error: CsvError): RegionalImportError {
    return new RegionalImportError(error.line, error.reason);
  }
}

const MAX_SOURCE_LENGTH = 500;
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A money or count column that may be empty; non-empty must be a finite number ≥ 0 with a "." decimal point. */
function optionalAmount(column: string) {
  return z.string().transform((raw, ctx): number | null => {
    if (raw === '') return null;
    const value = readNumber(column, raw, ctx);
    if (value === undefined) return z.NEVER;
    if (value < 0) {
      ctx.addIssue({ code: 'custom', message: `${column} must be a number ≥ 0, got ${JSON.stringify(raw)}` });
      return z.NEVER;
    }
    return value;
  });
}

/** Parses a numeric cell, reporting a clear issue (decimal comma, text) and returning undefined when it is not a number. */
function readNumber(column: string, raw: string, ctx: z.RefinementCtx): number | undefined {
  if (/^[+-]?\d+,\d+$/.test(raw)) {
    ctx.addIssue({
      code: 'custom',
      message: `${column} must use "." as the decimal point, got ${JSON.stringify(raw)} (write ${raw.replace(',', '.')})`,
    });
    return undefined;
  }
  const value = NUMBER_PATTERN.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: `${column} must be a number ≥ 0, got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return value;
}

/** A source cell: empty means none; otherwise at most MAX_SOURCE_LENGTH characters. */
function optionalSource(column: string) {
  return z
    .string()
    .max(MAX_SOURCE_LENGTH, `${column} must be at most ${MAX_SOURCE_LENGTH} characters`)
    .transform((raw) => (raw === '' ? null : raw));
}

/** Pairs of (value column, source column) that must be given together or not at all. */
const OPTIONAL_PAIRS = [
  ['fdi', 'fdi_source'],
  ['exports', 'exports_source'],
  ['imports', 'imports_source'],
  ['foreign_owned_companies', 'foreign_owned_companies_source'],
] as const;

/**
 * One CSV row (trimmed cells keyed by column name) validated and converted to a {@link RegionalStatisticsRecord};
 * issue messages are ready to show after "line N: ".
 */
export const regionalStatisticsRowSchema = z
  .object({
    region: z.string().refine(isRegionCode, (region) => ({
      message:
        region === ''
          ? 'region is required (an ISO 3166-2 code such as RU-KLU)'
          : `region ${JSON.stringify(region)} is not ${REGION_CODE_RULE}`,
    })),
    year: z.string().transform((raw, ctx) => {
      const { min, max } = REGIONAL_YEAR_RANGE;
      const value = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(value >= min && value <= max)) {
        ctx.addIssue({
          code: 'custom',
          message: `year must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
        });
        return z.NEVER;
      }
      return value;
    }),
    population: z.string().transform((raw, ctx) => {
      if (raw === '') {
        ctx.addIssue({ code: 'custom', message: 'population is required: a number of residents > 0' });
        return z.NEVER;
      }
      const value = readNumber('population', raw, ctx);
      if (value === undefined) return z.NEVER;
      if (value <= 0) {
        ctx.addIssue({ code: 'custom', message: `population must be a number > 0, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
      return value;
    }),
    population_source: z
      .string()
      .min(1, 'population_source is required: where the population figure comes from')
      .max(MAX_SOURCE_LENGTH, `population_source must be at most ${MAX_SOURCE_LENGTH} characters`),
    fdi: optionalAmount('fdi'),
    fdi_source: optionalSource('fdi_source'),
    exports: optionalAmount('exports'),
    exports_source: optionalSource('exports_source'),
    imports: optionalAmount('imports'),
    imports_source: optionalSource('imports_source'),
    foreign_owned_companies: optionalAmount('foreign_owned_companies'),
    foreign_owned_companies_source: optionalSource('foreign_owned_companies_source'),
  })
  .superRefine((row, ctx) => {
    for (const [valueColumn, sourceColumn] of OPTIONAL_PAIRS) {
      const value: unknown = row[valueColumn];
      const source: unknown = row[sourceColumn];
      // Cells that already failed their own check are left to that message.
      if (typeof value === 'number' && source === null) {
        ctx.addIssue({
          code: 'custom',
          path: [sourceColumn],
          message: `${valueColumn} is given but ${sourceColumn} is empty: every value needs its source`,
        });
      } else if (value === null && typeof source === 'string') {
        ctx.addIssue({
          code: 'custom',
          path: [valueColumn],
          message: `${sourceColumn} is given but ${valueColumn} is empty: leave both empty when the value is not available`,
        });
      }
    }
  })
  .transform(recordFromColumns)
  .superRefine((record, ctx) => {
    // Derived figures can break even when every cell is a valid number: 1e308 exports + 1e308 imports overflow.
    for (const problem of findRegionalProblems(record)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: describeRegionalProblem(problem) });
    }
  });

/**
 * Reads a regional statistics file record by record (the header first), so a streamed file needs no more memory
 * than its longest row: validates the header, each row and the uniqueness of (region, year).
 * Throws {@link RegionalImportError} naming the line of the first problem.
 */
export class RegionalStatisticsReader {
  private header: string[] | null = null;
  private headerLine = 1;
  private rows = 0;
  /** First line of each (region, year) seen: at most 83 regions × the years of REGIONAL_YEAR_RANGE entries. */
  private readonly seen = new Map<string, number>();

  /** Takes the next record of the file: the header, then data rows; returns the record a data row holds. */
  accept(record: CsvRecord): RegionalStatisticsRecord | null {
    try {
      if (this.header === null) {
        this.header = readRegionalHeader(record);
        this.headerLine = record.line;
        return null;
      }
      return this.readRow(record);
    } catch (error) {
      throw error instanceof CsvError ? RegionalImportError.fromCsvError(error) : error;
    }
  }

  /** Ends the file: throws when it had no header or no data rows. */
  finish(): void {
    if (this.header === null) throw new RegionalImportError(1, 'the file is empty; a header row is expected');
    if (this.rows === 0) throw new RegionalImportError(this.headerLine, 'the file has no data rows after the header');
  }

  private readRow(record: CsvRecord): RegionalStatisticsRecord {
    const { line, cells } = csvRecordToRow(this.header!, record);
    const result = regionalStatisticsRowSchema.safeParse(cells);
    if (!result.success) throw new RegionalImportError(line, result.error.issues[0]?.message ?? 'invalid row');
    const parsed = result.data;
    const key = `${parsed.region} ${parsed.year}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      throw new RegionalImportError(line, `${parsed.region} ${parsed.year} is given twice (lines ${first} and ${line})`);
    }
    this.seen.set(key, line);
    this.rows += 1;
    return parsed;
  }
}

/** The header of a regional statistics file: every column required, none unknown, none repeated. */
function readRegionalHeader(record: CsvRecord): string[] {
  const header = readCsvHeader(record, REGIONAL_CSV_COLUMNS);
  const unknown = header.filter((column) => !(REGIONAL_CSV_COLUMNS as readonly string[]).includes(column));
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  if (unknown.length) {
    throw new RegionalImportError(
      record.line,
      `unknown column(s): ${unknown.join(', ')}; expected: ${REGIONAL_CSV_COLUMNS.join(', ')}`,
    );
  }
  if (repeated.length) throw new RegionalImportError(record.line, `column(s) given twice: ${repeated.join(', ')}`);
  return header;
}

/** The options every reader of a regional statistics file passes to the CSV parser. */
export const REGIONAL_CSV_OPTIONS = { commentPrefix: '#' } as const;

/**
 * Parses a regional statistics CSV held in memory (see the module comment); all-or-nothing.
 *
 * @throws RegionalImportError for the first bad line, e.g. `line 7: exports must be a number ≥ 0, got "-3"`.
 * @example
 * parseRegionalStatisticsCsv(text).map((r) => `${r.region} ${r.year}`); // => ['RU-KLU 2012', ...]
 */
export function parseRegionalStatisticsCsv(text: string): RegionalStatisticsRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text, REGIONAL_CSV_OPTIONS);
  } catch (error) {
    throw error instanceof CsvError ? RegionalImportError.fromCsvError(error) : error;
  }
  const reader = new RegionalStatisticsReader();
  const parsed = records.flatMap((record) => reader.accept(record) ?? []);
  reader.finish();
  return parsed;
}

/**
 * The regional inputs the index needs that a record lacks (all five when there is no record),
 * so the scenario badge can say what is missing instead of guessing.
 *
 * @example
 * missingRegionalInputs(undefined); // => ['population', 'fdi', 'exports', 'imports', 'foreignOwnedCompanies']
 * missingRegionalInputs({ ...record, fdi: null }); // => ['fdi']
 */
export function missingRegionalInputs(record: RegionalStatisticsRecord | undefined): RegionalInput[] {
  if (!record) return [...REGIONAL_INPUTS];
  return REGIONAL_INPUTS.filter((input) => record[input] === null || record[input] === undefined);
}

/** The values of one region and year under their CSV column names (also the shape the store reads back). */
export interface RegionalStatisticsColumns {
  region: string;
  year: number;
  population: number;
  population_source: string;
  fdi: number | null;
  fdi_source: string | null;
  exports: number | null;
  exports_source: string | null;
  imports: number | null;
  imports_source: string | null;
  foreign_owned_companies: number | null;
  foreign_owned_companies_source: string | null;
}

/** Maps CSV-named columns to a record (used by the CSV parser and by the repository). */
export function recordFromColumns(row: RegionalStatisticsColumns): RegionalStatisticsRecord {
  return {
    region: row.region,
    year: row.year,
    population: row.population,
    populationSource: row.population_source,
    fdi: row.fdi,
    fdiSource: row.fdi_source,
    exports: row.exports,
    exportsSource: row.exports_source,
    imports: row.imports,
    importsSource: row.imports_source,
    foreignOwnedCompanies: row.foreign_owned_companies,
    foreignOwnedCompaniesSource: row.foreign_owned_companies_source,
  };
}
