import { describe, expect, it } from 'vitest';
import { figure, renderReport, table, type BenchReport } from '../../../scripts/lib/bench-report';

const report: BenchReport = {
  startedAt: '2026-12-01T15:00:00.000Z',
  machine: '2 × CPU',
  commit: 'abc1234',
  totalSeconds: 600,
  registrations: { managers: 20, seconds: 20, registrations: 400, perSecond: 20, p50Ms: 800, p95Ms: 1500, failures: 0, baselinePerSecond: 100, serverRssIdleKb: 102_400, serverRssAfterKb: 153_600 },
  indexing: [
    { clusters: 10_000, runs: 5, medianMs: 50, p95Ms: 60, floorMedianMs: 0.5, readAllMedianMs: 20 },
    { clusters: 100_000, runs: 3, medianMs: 250, p95Ms: 300, floorMedianMs: 5, readAllMedianMs: 90 },
  ],
  scripts: [{ title: 'Pages', command: 'tsx scripts/bench-pages.ts', exitCode: 0, seconds: 61, output: '\u001b[32mfloor 100 req/s\u001b[39m' }],
};

describe('bench report', () => {
  it('formats figures with separators, and n/a for what was not measured', () => {
    expect(figure(12345.678)).toBe('12,345.7');
    expect(figure(null)).toBe('n/a');
    expect(figure(Number.NaN)).toBe('n/a');
  });

  it('makes a markdown table', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n|---|---|\n| 1 | 2 |');
  });

  it('puts each figure beside its baseline and ratio, and judges the 100,000-cluster target', () => {
    const md = renderReport(report);
    expect(md).toContain('| cluster registrations/s (create + submit over HTTP), 20 concurrent managers | 20 | 100/s in-process, one at a time (no HTTP) | 0.2× |');
    expect(md).toContain('| server process RSS after the run | 150 MB | 100 MB idle, right after start | 1.5× |');
    expect(md).toContain('| 100,000 | 250 ms (300 ms), 3 runs | 5 ms | 50× | < 200 ms: MISS |');
    expect(md).toContain('10 minutes in all');
  });

  it('includes each script\'s output without terminal colours, and says when one failed', () => {
    const md = renderReport({ ...report, scripts: [...report.scripts, { title: 'Map', command: 'tsx scripts/bench-map.ts', exitCode: 1, seconds: 5, output: 'boom' }] });
    expect(md).toContain('```text\nfloor 100 req/s\n```');
    expect(md).toContain('| Map | `tsx scripts/bench-map.ts` | exit 1 | 5 s |');
  });
});
