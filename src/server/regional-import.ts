import { CsvError } from '../lib/csv';
import { RegionalImportError, RegionalStatisticsReader, REGIONAL_CSV_OPTIONS, type RegionalStatisticsRecord } from '../lib/regional-statistics';
import { readCsvFile } from './csv-file';
import type { RegionalImportReport, RegionalStatisticsStore } from './db/store-interfaces';

/** The validated records of a regional statistics CSV file, read as a stream; throws RegionalImportError on the first bad line. */
async function* readRegionalRecords(path: string): AsyncGenerator<RegionalStatisticsRecord> {
  const reader = new RegionalStatisticsReader();
  try {
    for await (const record of readCsvFile(path, REGIONAL_CSV_OPTIONS)) {
      const parsed = reader.accept(record);
      if (parsed) yield parsed;
    }
    reader.finish();
  } catch (error) {
    throw error instanceof CsvError ? RegionalImportError.fromCsvError(error) : error;
  }
}

/**
 * Imports a regional statistics CSV file, streamed: each row is validated as it is read (RegionalStatisticsReader)
 * and staged by the store; only when the whole file is good are all rows written, in one transaction.
 * All-or-nothing: the first bad row throws RegionalImportError naming its line, and nothing in the store changes.
 */
export function importRegionalStatisticsFile(path: string, regions: RegionalStatisticsStore, actor: string): Promise<RegionalImportReport> {
  return regions.importStream(readRegionalRecords(path), actor);
}
