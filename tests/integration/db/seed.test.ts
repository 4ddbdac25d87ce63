import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../../src/lib/profile';
import { SeedFileError } from '../../../src/server/db/seed';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, copyContent, countsIn } from './store-helpers';

let data: ReturnType<typeof makeTempDir>;
const cleanups: Array<() => void> = [];

beforeEach(async () => {
  data = makeTempDir();
  cleanups.push(data.remove);
});
afterEach(async () => {
  while (cleanups.length) cleanups.pop()!();
});

/** Opens the store on the temp DATA_DIR, runs fn, and always closes the connection. */
async function withStore<T>(contentDir: string, fn: (store: Awaited<ReturnType<typeof openStore>>) => T | Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: data.dir, contentDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The error openStore throws (failing the test when it does not). */
async function seedError(contentDir: string): Promise<SeedFileError> {
  let caught: unknown;
  try {
    await (await openStore({ dataDir: data.dir, contentDir })).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SeedFileError);
  return caught as SeedFileError;
}

function content() {
  const c = copyContent();
  cleanups.push(c.remove);
  return c;
}

// Number of reported indicator values in the shipped files (absent ones are not stored).
const shippedIndicatorValues = readdirSync(join(CONTENT_DIR, 'clusters'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CONTENT_DIR, 'clusters', f), 'utf8')))
  .flatMap((p) => p.indicators.flatMap((y: Record<string, unknown>) => INDICATOR_KEYS.filter((k) => y[k] !== undefined)))
  .length;

describe('seeding the shipped content', () => {
  it('inserts the 25 clusters with their indicators, one outbox and audit row each', async () => {
    const seed = await withStore(CONTENT_DIR, async (s) => {
      expect(await s.clusters.countPublic()).toBe(25);
      return s.seed;
    });
    expect(seed).toEqual({ inserted: 25, updated: 0, unchanged: 0, keptEdited: 0 });
    expect(countsIn(data.dir)).toEqual({ clusters: 25, indicatorValues: shippedIndicatorValues, searchOutbox: 25, auditLog: 25, dataVersion: 25 });
  });

  it('writes nothing on a second run over unchanged files', async () => {
    await withStore(CONTENT_DIR, async () => undefined);
    const before = countsIn(data.dir);
    const stamps = await withStore(CONTENT_DIR, async (s) => s.db.prepare('SELECT slug, updated_at FROM clusters ORDER BY slug').all());
    const seed = await withStore(CONTENT_DIR, async (s) => s.seed);
    expect(seed).toEqual({ inserted: 0, updated: 0, unchanged: 25, keptEdited: 0 });
    expect(countsIn(data.dir)).toEqual(before);
    expect(await withStore(CONTENT_DIR, async (s) => s.db.prepare('SELECT slug, updated_at FROM clusters ORDER BY slug').all())).toEqual(stamps);
  });
});

describe('a broken shipped file', () => {
  // The broken file sorts last, so a seed that wrote file by file would already have stored the other 24.
  const file = 'zheleznogorsk-nuclear-space.json';
  const slug = 'zheleznogorsk-nuclear-space';

  it.each([
    ['an unknown region', (p: any) => (p.general.region = 'RU-XXX'), 'general.region'],
    ['a negative indicator', (p: any) => (p.indicators[0].exportsBlnRub = { value: -1, source: 's' }), 'indicators.0.exportsBlnRub.value'],
    ['an unknown field', (p: any) => (p.general.ceo = 'Ivanov'), 'general'],
    ['a slug that differs from the file name', (p: any) => (p.slug = 'zheleznogorsk'), 'slug'],
    ['a name without English', (p: any) => delete p.general.name.en, 'general.name.en'],
  ])('with %s stops the seed, naming the file and the field, and stores nothing', async (_case, edit, field) => {
    const c = content();
    c.editCluster(slug, edit);
    const error = await seedError(c.dir);
    expect(error.file).toBe(file);
    expect(error.problems.map((p) => p.field)).toContain(field);
    expect(error.message).toContain(file);
    expect(error.message).toContain(`${field}:`);
    expect(countsIn(data.dir)).toMatchObject({ clusters: 0, indicatorValues: 0, searchOutbox: 0, auditLog: 0, dataVersion: 0 });
  });

  it('that is not JSON stops the seed, naming the file', async () => {
    const c = content();
    c.writeCluster(file, '{ "slug": "zheleznogorsk-nuclear-space", ');
    const error = await seedError(c.dir);
    expect(error.file).toBe(file);
    expect(error.problems).toEqual([{ field: '(file)', message: expect.stringContaining('not valid JSON') }]);
    expect(error.message).toContain(file);
    expect(countsIn(data.dir).clusters).toBe(0);
  });

  it('leaves an existing store exactly as it was, including valid changes made in the same run', async () => {
    await withStore(CONTENT_DIR, async () => undefined);
    const before = countsIn(data.dir);
    const c = content();
    c.editCluster('altai-biopharma', (p) => (p.general.name.en = 'Renamed Altai cluster')); // valid, sorts first
    c.editCluster(slug, (p) => (p.general.region = 'RU-XXX'));
    expect((await seedError(c.dir)).problems[0]!.field).toBe('general.region');
    expect(countsIn(data.dir)).toEqual(before);
    expect(await withStore(CONTENT_DIR, async (s) => (await s.clusters.getPublicProfile('altai-biopharma'))!.general.name.en)).toBe('Biopharmaceutical cluster of Altai krai');
  });
});

describe('a changed shipped file', () => {
  it('updates its cluster and leaves the others untouched', async () => {
    const c = content();
    await withStore(c.dir, async () => undefined);
    const before = countsIn(data.dir);
    c.editCluster('obninsk-pharma-biotech', (p) => {
      p.general.name.en = 'Obninsk pharma cluster';
      p.indicators[0].exportsBlnRub.value = 0.2;
    });
    const { seed, profile, exports } = await withStore(c.dir, async (s) => ({
      seed: s.seed,
      profile: (await s.clusters.getPublicProfile('obninsk-pharma-biotech'))!,
      exports: (await s.clusters.listPublicIndicators(2012)).find((r) => r.slug === 'obninsk-pharma-biotech' && r.indicator === 'exportsBlnRub'),
    }));
    expect(seed).toEqual({ inserted: 0, updated: 1, unchanged: 24, keptEdited: 0 });
    expect(profile.general.name.en).toBe('Obninsk pharma cluster');
    expect(exports?.value).toBe(0.2);
    expect(countsIn(data.dir)).toEqual({ ...before, searchOutbox: before.searchOutbox + 1, auditLog: before.auditLog + 1, dataVersion: before.dataVersion + 1 });
  });

  it('does not overwrite a cluster edited through the portal since the last seed', async () => {
    const c = content();
    await withStore(c.dir, async (s) => {
      const edited = (await s.clusters.getPublicProfile('obninsk-pharma-biotech'))!;
      edited.general.name.en = 'Edited by the cluster manager';
      await s.clusters.save(edited, { publication: 'approved' }, { actor: 'manager', action: 'edit' });
    });
    c.editCluster('obninsk-pharma-biotech', (p) => (p.general.name.en = 'Changed seed file'));
    const { seed, name } = await withStore(c.dir, async (s) => ({ seed: s.seed, name: (await s.clusters.getPublicProfile('obninsk-pharma-biotech'))!.general.name.en }));
    expect(seed).toMatchObject({ updated: 0, keptEdited: 1, unchanged: 24 });
    expect(name).toBe('Edited by the cluster manager');
  });
});
