/**
 * npx tsx scripts/bench-import.ts [-- --mb 50]
 *
 * Peak memory of the regional statistics import on a large file (issue 9: a 50 MB file used to take 1.2–1.8 GB).
 * Generates, in a temporary directory, a valid file of about --mb megabytes: every region for every accepted
 * year (83 × 111 rows) with sources of 500 Cyrillic characters (the longest allowed, two bytes each in UTF-8),
 * then "#" comment lines up to the size. Runs `scripts/import-regions.ts` on it in a fresh DATA_DIR, and once
 * on the small test fixture for the fixed cost (Node, tsx, SQLite, the seed), and prints the peak RSS of each
 * (process.resourceUsage().maxRSS, printed by the import when IMPORT_REPORT_MAX_RSS=1).
 * Exits 1 when the large import fails or its peak RSS exceeds 3× the file size (the target of issue 9).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { REGIONAL_CSV_COLUMNS, REGIONAL_YEAR_RANGE } from '../src/lib/regional-statistics';
import { REGION_CODES } from '../src/lib/regions';
import { positiveIntFlag } from './lib/bench-kit';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '50' } } });
const TARGET_BYTES = positiveIntFlag('mb', args.mb) * 1024 * 1024;
const MAX_RATIO = 3;

/** A source cell of exactly 500 characters (the import's limit), Cyrillic so each takes two bytes. */
function longSource(column: string, region: string, year: number): string {
  const head = `Росстат, «Регионы России. Социально-экономические показатели» (${column}, ${region}, ${year}) `;
  return (head + 'сведения '.repeat(60)).slice(0, 500);
}

/** Writes the benchmark file and returns its size in bytes. */
async function writeLargeFile(path: string): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write('# Benchmark file for scripts/bench-import.ts: synthetic values, not real statistics.');
  await write(REGIONAL_CSV_COLUMNS.join(','));
  for (let year = REGIONAL_YEAR_RANGE.min; year <= REGIONAL_YEAR_RANGE.max; year++) {
    for (const [i, region] of REGION_CODES.entries()) {
      const population = 500_000 + i * 10_000;
      const source = (column: string) => `"${longSource(column, region, year)}"`;
      await write(
        [region, year, population, source('population'), 100 + i, source('fdi'), 2_000 + i, source('exports'), 1_000 + i, source('imports'), 50 + i, source('companies')].join(','),
      );
    }
  }
  const filler = `# ${'комментарий '.repeat(40)}`;
  while (bytes < TARGET_BYTES) await write(filler);
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/** Runs the import on a file in a fresh DATA_DIR; returns its peak RSS in bytes and its summary line. */
function importPeak(file: string, dataDir: string): { rss: number; summary: string } {
  // Through npm, so the import runs exactly as `npm run import:regions` runs it (with its Node flags).
  const run = spawnSync('npm', ['run', '--silent', 'import:regions', '--', file], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, IMPORT_REPORT_MAX_RSS: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the import of ${file} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  const match = /max RSS: (\d+) KiB/.exec(run.stderr);
  if (!match) throw new Error(`the import printed no "max RSS" line:\n${run.stderr}`);
  return { rss: Number(match[1]) * 1024, summary: run.stdout.split('\n').find((l) => l.startsWith('imported')) ?? '' };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const work = mkdtempSync(join(tmpdir(), 'cluster-map-bench-import-'));
try {
  const file = join(work, 'regions-large.csv');
  const size = await writeLargeFile(file);
  const small = importPeak(join(root, 'tests/fixtures/regional-statistics-2012-synthetic.csv'), join(work, 'data-small'));
  const large = importPeak(file, join(work, 'data-large'));
  console.log(`file: ${mb(size)} (${REGION_CODES.length} regions × ${REGIONAL_YEAR_RANGE.max - REGIONAL_YEAR_RANGE.min + 1} years, 500-character Cyrillic sources, comment lines)`);
  console.log(`  ${large.summary.replace(/years (\d+), .*, (\d+);/, 'years $1–$2;')}`);
  console.log(`peak RSS, small fixture import (fixed cost): ${mb(small.rss)}`);
  console.log(`peak RSS, large file import:                ${mb(large.rss)}  = ${(large.rss / size).toFixed(2)}× the file (target ≤ ${MAX_RATIO}×)`);
  if (large.rss > MAX_RATIO * size) {
    console.error(`FAIL: peak RSS ${mb(large.rss)} is above ${MAX_RATIO}× the file size (${mb(MAX_RATIO * size)})`);
    process.exitCode = 1;
  }
} finally {
  if (process.env.BENCH_KEEP !== "1") rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
