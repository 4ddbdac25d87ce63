import { CsvError } from '../lib/csv';
import { RegionalImportError, RegionalStatisticsReader, REGIONAL_CSV_OPTIONS } from '../lib/regional-statistics';
import { readCsvFile } from './csv-file';
import type { RegionalImportReport, RegionalStatisticsRepository } from './db/regional-repository';

/**
 * Imports a regional statistics CSV file, streamed: each row is validated as it is read (RegionalStatisticsReader)
 * and staged; only when the whole file is good are all rows written, in one transaction. All-or-nothing:
 * the first bad row throws RegionalImportError naming its line, and nothing in the store changes.
 */
export async function importRegionalStatisticsFile(
  path: string,
  repository: RegionalStatisticsRepository,
  actor: string,
): Promise<RegionalImportReport> {
  const reader = new RegionalStatisticsReader();
  const batch = repository.beginImport();
  try {
    for await (const record of readCsvFile(path, REGIONAL_CSV_OPTIONS)) {
      const parsed = reader.accept(record);
      if (parsed) batch.stage(parsed);
    }
    reader.finish();
  } catch (error) {
    batch.discard();
    throw error instanceof CsvError ? RegionalImportError.fromCsvError(error) : error;
  }
  return batch.commit(actor);
}
