/**
 * npm run bench [-- --quick --out bench-report.md]
 *
 * Runs every benchmark in one go and writes one markdown report (bench-report.md, not committed), each figure beside
 * its baseline from the same run: bench:search (the API against Meilisearch directly and the hop floor), bench:pages
 * (pages against node serving the same bytes), bench:map (time to interactive and bytes with 1,000 and 10,000
 * clusters), bench-import (peak memory of a 50 MB regional import against the fixed cost), cluster registrations per
 * second under 20 concurrent managers (against the same steps in-process), index recomputation for 10,000 and
 * 100,000 clusters (against a pass that only reads every value) and the server's memory after the load (against
 * the same process idle). Takes about 10 minutes on two cores; --quick uses small sizes (a minute or two) while
 * developing. Needs a build (npx astro build) and Chromium for the map.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureIndexRecomputation } from './lib/bench-indexing';
import { measureRegistrations } from './lib/bench-registrations';
import { renderReport, type BenchReport, type ScriptOutcome } from './lib/bench-report';
import { ROOT } from './lib/process-kit';
import { makeTempDirSync } from './lib/temp-dir';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'bench-report.md' } } });
const QUICK = args.quick;

/** The benchmark scripts and their arguments (full run, then --quick). */
const SCRIPTS: Array<{ title: string; script: string; full: string[]; quick: string[] }> = [
  { title: 'Search API against Meilisearch (bench:search)', script: 'bench-search.ts', full: ['--n', '10000', '--queries', '1000', '--warmup', '100'], quick: ['--n', '300', '--queries', '60', '--warmup', '20'] },
  { title: 'Pages against a bare node server (bench:pages)', script: 'bench-pages.ts', full: ['--seconds', '5'], quick: ['--seconds', '1', '--pages', '/clusters'] },
  { title: 'Map in Chromium (bench:map)', script: 'bench-map.ts', full: ['--sizes', '1000,10000', '--runs', '3'], quick: ['--sizes', '200', '--runs', '1'] },
  { title: 'Regional import memory (bench-import)', script: 'bench-import.ts', full: ['--mb', '50'], quick: ['--mb', '50'] }, // smaller files miss its 3× target on the fixed cost alone
];
/** Registration load: managers and seconds. */
const REGISTRATIONS = QUICK ? { managers: 20, seconds: 3 } : { managers: 20, seconds: 20 };
/** Index recomputation sizes and runs each. */
const INDEX_SIZES = QUICK ? [[1_000, 3], [10_000, 1]] : [[10_000, 9], [100_000, 9]];

/** Runs one benchmark script under tsx, echoing its output with a prefix and collecting it. */
function runScript(title: string, script: string, scriptArgs: string[]): Promise<ScriptOutcome> {
  const command = `tsx scripts/${script} ${scriptArgs.join(' ')}`.trim();
  console.log(`\n[bench] ${title}: ${command}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join('scripts', script), ...scriptArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('close', (exitCode) => resolve({ title, command, exitCode, seconds: (performance.now() - started) / 1000, output }));
  });
}

/** The commit of the working tree (with "+changes" when it has uncommitted changes). */
function commitName(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return dirty ? `${head}+changes` : head;
}

/** A message from anything thrown. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const started = performance.now();
const report: BenchReport = {
  startedAt: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start${QUICK ? ' (--quick: small sizes, not comparable)' : ''}`,
  commit: commitName(),
  totalSeconds: 0,
  registrations: { error: 'not run' },
  indexing: [],
  scripts: [],
};
for (const s of SCRIPTS) report.scripts.push(await runScript(s.title, s.script, QUICK ? s.quick : s.full));

console.log(`\n[bench] registrations: ${REGISTRATIONS.managers} managers for ${REGISTRATIONS.seconds} s…`);
const temp = makeTempDirSync('cluster-map-bench-');
try {
  report.registrations = await measureRegistrations({ ...REGISTRATIONS, dataDir: join(temp.dir, 'portal'), baselineDataDir: join(temp.dir, 'in-process') });
  console.log(report.registrations);
} catch (error) {
  report.registrations = { error: messageOf(error) };
  console.error('[bench] registrations failed:', error);
} finally {
  temp.remove();
}

for (const [clusters, runs] of INDEX_SIZES) {
  console.log(`\n[bench] index recomputation: ${clusters} clusters, ${runs} runs…`);
  try {
    report.indexing.push(measureIndexRecomputation(clusters!, runs!));
    console.log(report.indexing.at(-1));
  } catch (error) {
    report.indexing.push({ clusters: clusters!, error: messageOf(error) });
  }
}

report.totalSeconds = (performance.now() - started) / 1000;
writeFileSync(join(ROOT, args.out), renderReport(report));
console.log(`\n[bench] wrote ${args.out} in ${(report.totalSeconds / 60).toFixed(1)} minutes`);
const failed = report.scripts.filter((s) => s.exitCode !== 0).length + ('error' in report.registrations ? 1 : 0);
process.exitCode = failed ? 1 : 0;
