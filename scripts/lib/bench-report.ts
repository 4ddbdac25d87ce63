// The markdown of bench-report.md: pure formatting of what `npm run bench` measured (no I/O here).
import type { IndexingFigures } from './bench-indexing';
import type { RegistrationFigures } from './bench-registrations';

/** One benchmark script's run: its command, how it ended, how long it took and what it printed. */
export interface ScriptOutcome {
  title: string;
  command: string;
  exitCode: number | null;
  seconds: number;
  output: string;
}

/** Everything the report shows. */
export interface BenchReport {
  startedAt: string;
  machine: string;
  commit: string;
  totalSeconds: number;
  registrations: RegistrationFigures | { error: string };
  indexing: Array<IndexingFigures | { clusters: number; error: string }>;
  scripts: ScriptOutcome[];
}

/** Index recomputation target of issue 14, for 100,000 clusters. */
export const INDEX_TARGET_MS_100K = 200;

/** A number with thousands separators and at most `digits` decimals. */
export function figure(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Output of a script with the ANSI colours removed, fenced. */
function fenced(text: string): string {
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return '```text\n' + clean.replaceAll('```', "'''") + '\n```';
}

/** The section of the new measurements: registrations and memory, index recomputation, each beside its baseline. */
function measurementsSection(report: BenchReport): string {
  const r = report.registrations;
  const registrations =
    'error' in r
      ? `Registrations: failed (${r.error}).`
      : table(
          ['measure', 'figure', 'baseline (same run)', 'ratio'],
          [
            [`cluster registrations/s (create + submit over HTTP), ${r.managers} concurrent managers`, figure(r.perSecond), `${figure(r.baselinePerSecond)}/s in-process, one at a time (no HTTP)`, `${figure(r.perSecond / r.baselinePerSecond, 2)}×`],
            ['latency of one registration (create + submit), p50 / p95', `${figure(r.p50Ms)} / ${figure(r.p95Ms)} ms`, '', ''],
            ['registrations done / failed', `${r.registrations} / ${r.failures}`, '', ''],
            ['server process RSS after the run', `${figure(kbToMb(r.serverRssAfterKb))} MB`, `${figure(kbToMb(r.serverRssIdleKb))} MB idle, right after start`, r.serverRssAfterKb && r.serverRssIdleKb ? `${figure(r.serverRssAfterKb / r.serverRssIdleKb, 2)}×` : 'n/a'],
          ],
        );
  const indexing = table(
    ['clusters', 'recomputation median (p95)', 'floor: read every value once', 'ratio to floor', 'target', 'then reading every cluster\'s positions, contributions and scenario'],
    report.indexing.map((f) =>
      'error' in f
        ? [figure(f.clusters, 0), `failed: ${f.error}`, '', '', '', '']
        : [
            figure(f.clusters, 0),
            `${figure(f.medianMs)} ms (${figure(f.p95Ms)} ms), ${f.runs} runs`,
            `${figure(f.floorMedianMs, 2)} ms`,
            `${figure(f.medianMs / f.floorMedianMs, 0)}×`,
            f.clusters === 100_000 ? `< ${INDEX_TARGET_MS_100K} ms: ${f.medianMs < INDEX_TARGET_MS_100K ? 'PASS' : 'MISS'}` : '',
            `+${figure(f.readAllMedianMs)} ms (built on first read; a page reads a few)`,
          ],
    ),
  );
  return `## Registrations and server memory\n\n${registrations}\n\n## Index recomputation (src/lib/indexing, computeYearAnalytics)\n\n${indexing}\n`;
}

/** KB to MB, keeping null. */
function kbToMb(kb: number | null): number | null {
  return kb === null ? null : kb / 1024;
}

/** The whole report. */
export function renderReport(report: BenchReport): string {
  const overview = table(
    ['benchmark', 'command', 'result', 'time'],
    report.scripts.map((s) => [s.title, `\`${s.command}\``, s.exitCode === 0 ? 'ok' : `exit ${s.exitCode ?? 'killed'}`, `${figure(s.seconds, 0)} s`]),
  );
  const scripts = report.scripts.map((s) => `## ${s.title}\n\n\`${s.command}\` (exit ${s.exitCode ?? 'killed'}, ${figure(s.seconds, 0)} s). Each figure is printed beside its baseline from the same run:\n\n${fenced(s.output)}\n`);
  return [
    `# Cluster Map benchmark report`,
    '',
    `Run ${report.startedAt} on ${report.machine}, commit ${report.commit}; ${figure(report.totalSeconds / 60, 1)} minutes in all. One run: the machine is shared, so compare each figure with its baseline from this run, not with another run's.`,
    '',
    overview,
    '',
    measurementsSection(report),
    ...scripts,
  ].join('\n');
}
