/**
 * Imports regional foreign economic statistics (CSV, see src/lib/regional-statistics.ts) into the store in DATA_DIR.
 * Streamed (memory does not grow with the file) and all-or-nothing: a bad line stops the import before anything is written.
 * Usage: npm run import:regions -- <file.csv>
 *
 * package.json runs this with `--max-semi-space-size=1`: each row makes short-lived strings and objects, and V8's
 * default young generation (up to 16 MB per semi-space) grows to hold them; with 1 MB the peak memory of a 50 MB
 * file drops from about 165 MB to about 125 MB, at no measurable cost in time (scripts/bench-import.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { RegionalImportError, REGIONAL_MONEY_UNIT } from '../src/lib/regional-statistics';
import { importRegionalStatisticsFile } from '../src/server/regional-import';
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

// Checked before the store is opened, so a mistyped path does not create or seed a DATA_DIR.
try {
  if (!statSync(path).isFile()) throw new Error('not a file');
  accessSync(path, constants.R_OK);
} catch (error) {
  console.error(`${file}: cannot read the file: ${(error as Error).message}`);
  process.exit(1);
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
  const report = await importRegionalStatisticsFile(path, store.regions, 'cli:import-regions');
  console.log(
    `imported ${report.rows} rows from ${file} into ${store.config.dataDir}: ` +
      `${report.regions.length} regions, years ${report.years.join(', ')}; ` +
      `${report.queuedClusters.length} clusters queued for search re-indexing`,
  );
} catch (error) {
  process.exitCode = 1;
  if (error instanceof RegionalImportError) {
    console.error(`${file} line ${error.line}: ${error.reason}`);
    console.error('nothing was imported; fix the line and run the import again');
  } else {
    console.error(`${file}: import failed, nothing was changed: ${(error as Error).message}`);
  }
} finally {
  await store.close();
}
// Peak memory on request, for scripts/bench-import.ts (the import streams the file: it should stay far below the file size).
if (process.env.IMPORT_REPORT_MAX_RSS === '1') console.error(`max RSS: ${process.resourceUsage().maxRSS} KiB`);
