/**
 * Imports regional foreign economic statistics (CSV, see src/lib/regional-statistics.ts) into the store in DATA_DIR.
 * All-or-nothing: a bad line stops the import before anything is written.
 * Usage: npm run import:regions -- <file.csv>
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRegionalStatisticsCsv, RegionalImportError, REGIONAL_MONEY_UNIT } from '../src/lib/regional-statistics';
import { SeedFileError } from '../src/server/db/seed';
import { openStore } from '../src/server/store';

const USAGE = `usage: npm run import:regions -- <file.csv>

Imports regional statistics (one row per region and year; money in ${REGIONAL_MONEY_UNIT}) into the store in DATA_DIR.
Columns: region, year, population, population_source, fdi, fdi_source, exports, exports_source,
imports, imports_source, foreign_owned_companies, foreign_owned_companies_source. Lines starting with # are comments.`;

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args[0] === '--help' || args[0] === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (args.length !== 1 || !args[0]) {
  console.error(USAGE);
  process.exit(1);
}
const file = args[0];
// npm runs scripts from the package root; INIT_CWD is where the command was typed.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);

let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (error) {
  console.error(`${file}: cannot read the file: ${(error as Error).message}`);
  process.exit(1);
}

let records: ReturnType<typeof parseRegionalStatisticsCsv>;
try {
  records = parseRegionalStatisticsCsv(text);
} catch (error) {
  if (error instanceof RegionalImportError) {
    console.error(`${file} line ${error.line}: ${error.reason}`);
    console.error('nothing was imported; fix the line and run the import again');
    process.exit(1);
  }
  throw error;
}

let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore();
} catch (error) {
  if (error instanceof SeedFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

try {
  const report = await store.regions.importRecords(records, 'cli:import-regions');
  console.log(
    `imported ${report.rows} rows from ${file} into ${store.config.dataDir}: ` +
      `${report.regions.length} regions, years ${report.years.join(', ')}; ` +
      `${report.queuedClusters.length} clusters queued for search re-indexing`,
  );
} catch (error) {
  console.error(`${file}: import failed, nothing was changed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
