import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRegionalStatisticsCsv } from '../../../src/lib/regional-statistics';
import type { Db } from '../../../src/server/db/connection';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';

const ROOT = resolve(__dirname, '../../..');
const CONTENT = join(ROOT, 'content');
const FIXTURE = join(ROOT, 'tests/fixtures/regional-statistics-2012-synthetic.csv');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Counts that an import changes: statistics rows, data version, outbox rows, audit rows. */
function snapshot(db: Db) {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    statistics: count('region_statistics'),
    dataVersion: Number((db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string }).value),
    outbox: count('search_outbox'),
    audit: count('audit_log'),
  };
}

/** Runs the import script on a file with DATA_DIR set; returns its exit status and output. */
function runImport(dataDir: string, ...args: string[]) {
  const result = spawnSync(TSX, ['scripts/import-regions.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: CONTENT, INIT_CWD: ROOT },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('regional statistics import', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    temp = makeTempDir('cluster-map-regions-');
  });
  afterEach(() => temp.remove());

  it('stores the fixture rows, bumps data_version once, queues the clusters of those regions and audits', async () => {
    const records = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8'));
    const store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      const before = snapshot(store.db);
      const outboxBefore = store.db.prepare('SELECT MAX(id) AS id FROM search_outbox').get() as { id: number | null };
      const repo = store.regions;
      const report = await repo.importRecords(records, 'test');

      const after = snapshot(store.db);
      expect(after.statistics).toBe(records.length);
      expect(after.dataVersion).toBe(before.dataVersion + 1);
      expect(after.audit).toBe(before.audit + 1);

      const regions = new Set(records.map((r) => r.region));
      const expectedSlugs = (await store.clusters.listPublic())
        .filter((c) => regions.has(c.region))
        .map((c) => c.slug)
        .sort();
      expect(expectedSlugs).toHaveLength(25);
      const queued = (
        store.db.prepare('SELECT slug, created_at, next_attempt_at, done_at FROM search_outbox WHERE id > ? ORDER BY slug').all(outboxBefore.id ?? 0) as Array<{
          slug: string;
          created_at: string;
          next_attempt_at: string;
          done_at: string | null;
        }>
      );
      expect(queued.map((q) => q.slug)).toEqual(expectedSlugs);
      expect(report.queuedClusters).toEqual(expectedSlugs);
      for (const q of queued) {
        expect(q.done_at).toBeNull();
        expect(q.next_attempt_at).toBe(q.created_at);
      }

      const audit = store.db.prepare('SELECT actor, action, subject FROM audit_log ORDER BY id DESC LIMIT 1').get();
      expect(audit).toEqual({ actor: 'test', action: 'import-regional-statistics', subject: `${records.length} rows, years 2012` });

      expect(await repo.years()).toEqual([2012]);
      expect(await repo.listYear(2012)).toEqual([...records].sort((a, b) => a.region.localeCompare(b.region)));
      expect(await repo.get('RU-KLU', 2012)).toEqual(records.find((r) => r.region === 'RU-KLU'));
      expect(await repo.get('RU-KLU', 2013)).toBeUndefined();
      expect(await repo.listYear(2013)).toEqual([]);
    } finally {
      store.db.close();
    }
  });

  it('upserts: importing again replaces values, keeps one row per region and year', async () => {
    const records = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8'));
    const store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      const repo = store.regions;
      await repo.importRecords(records, 'test');
      const version = snapshot(store.db).dataVersion;
      const changed = records.map((r) => (r.region === 'RU-TOM' ? { ...r, fdi: null, fdiSource: null } : r));
      await repo.importRecords(changed, 'test');
      expect(snapshot(store.db).statistics).toBe(records.length);
      expect(snapshot(store.db).dataVersion).toBe(version + 1);
      expect(await repo.get('RU-TOM', 2012)).toMatchObject({ fdi: null, fdiSource: null });
    } finally {
      store.db.close();
    }
  });

  it('imports the fixture through the script and prints a summary', async () => {
    const { status, stdout, stderr } = runImport(temp.dir, FIXTURE);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/imported 21 rows .*: 21 regions, years 2012; 25 clusters queued/);
    const store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      expect(await store.regions.listYear(2012)).toHaveLength(21);
    } finally {
      store.db.close();
    }
  });

  it('a malformed file through the script exits 1 with the line number and changes nothing', async () => {
    // An earlier good import, so "unchanged" is checked against real data, not an empty table.
    const good = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8')).slice(0, 3);
    let store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    await store.regions.importRecords(good, 'test');
    const before = snapshot(store.db);
    store.db.close();

    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const bad = Math.floor(lines.length / 2); // 0-based index of a data row in the middle
    expect(lines[bad]).toMatch(/^RU-/);
    const cells = lines[bad]!.split(',');
    cells[6] = '-3'; // exports
    lines[bad] = cells.join(',');
    const file = join(temp.dir, 'malformed.csv');
    writeFileSync(file, lines.join('\n'));

    const { status, stdout, stderr } = runImport(temp.dir, file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file} line ${bad + 1}: exports must be a number ≥ 0, got "-3"`);

    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      expect(snapshot(store.db)).toEqual(before);
    } finally {
      store.db.close();
    }
  });

  it.each([
    // Issue 9: the importer accepted these, and the Infinity they produce turned most pages into 500s.
    ['a population of 5e-324 (the Infinity row)', 'RU-TOM,2012,5e-324,Rosstat,1e308,a,1e308,a,0,a,1e308,a', 'population 5e-324 is below 10000 residents'],
    ['exports + imports that overflow', 'RU-TOM,2012,1070000,Rosstat,1,a,1e308,a,1e308,a,1,a', 'foreign trade turnover per resident ((exports + imports) / population) is not a finite number (Infinity)'],
    ['a population of 9,999', 'RU-TOM,2012,9999,Rosstat,1,a,1,a,1,a,1,a', 'population 9999 is below 10000 residents'],
  ])('rejects %s through the script, naming the line, and changes nothing', async (_name, row, reason) => {
    const good = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8'));
    let store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    await store.regions.importRecords(good, 'test');
    const before = snapshot(store.db);
    const tomBefore = await store.regions.get('RU-TOM', 2012);
    await store.close();

    // The fixture with RU-TOM replaced by the bad row; good rows come before and after it.
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('RU-TOM,'));
    lines[at] = row;
    const file = join(temp.dir, 'implausible.csv');
    writeFileSync(file, lines.join('\n'));

    const { status, stdout, stderr } = runImport(temp.dir, file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file} line ${at + 1}: ${reason}`);
    expect(stderr).toContain('nothing was imported');

    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      expect(snapshot(store.db)).toEqual(before);
      expect(await store.regions.get('RU-TOM', 2012)).toEqual(tomBefore);
    } finally {
      await store.close();
    }
  });

  it('streams a file with CRLF line ends and a multi-line quoted source, naming the right line of a later bad row', async () => {
    const header = readFileSync(FIXTURE, 'utf8').split('\n').find((l) => l.startsWith('region,'))!;
    const text = [
      '# CRLF file',
      header,
      'RU-KLU,2012,1010000,"Rosstat,\r\nRegions of Russia 2013",1500,f,1200,e,3500,i,480,c',
      'RU-TOM,2012,1070000,p,820,f,3050,e,620,i,360,c',
      'RU-ALT,2013,2390000,p,,,500,e,300,i,-5,c',
    ].join('\r\n');
    const file = join(temp.dir, 'crlf.csv');
    writeFileSync(file, text);
    const bad = runImport(temp.dir, file);
    expect(bad.status).toBe(1);
    // Lines: 1 comment, 2 header, 3–4 the quoted two-line source, 5 RU-TOM, 6 RU-ALT.
    expect(bad.stderr).toContain(`${file} line 6: foreign_owned_companies must be a number ≥ 0, got "-5"`);

    writeFileSync(file, text.replace(',-5,c', ',5,c'));
    const good = runImport(temp.dir, file);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/imported 3 rows .*: 3 regions, years 2012, 2013;/);
    const store = await openStore({ dataDir: temp.dir, contentDir: CONTENT });
    try {
      expect((await store.regions.get('RU-KLU', 2012))?.populationSource).toBe('Rosstat,\nRegions of Russia 2013');
    } finally {
      await store.close();
    }
  });

  it('reports an unreadable file before opening the store', () => {
    const { status, stderr } = runImport(temp.dir, join(temp.dir, 'no-such.csv'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/no-such\.csv: cannot read the file: ENOENT/);
  });

  it('prints a usage message without a file', async () => {
    const { status, stderr } = runImport(temp.dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^usage: npm run import:regions -- <file.csv>/);
  });
});
