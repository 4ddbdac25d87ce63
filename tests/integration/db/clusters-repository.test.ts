import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import type { ClusterFilter } from '../../../src/server/db/store-interfaces';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, countsIn, shippedProfile } from './store-helpers';

const slugs = (items: Array<{ slug: string }>) => items.map((c) => c.slug).sort();

/** A new valid cluster, based on the shipped Obninsk profile. */
function newProfile(slug = 'kaluga-test-cluster') {
  const p = shippedProfile('obninsk-pharma-biotech');
  p.slug = slug;
  p.general.name = { ru: 'Тестовый кластер', en: 'Test cluster' };
  return p;
}

describe('ClustersRepository reads (seeded store)', () => {
  let data: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeAll(async () => {
    data = makeTempDir();
    store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
  });
  afterAll(async () => {
    store.db.close();
    data.remove();
  });

  it.each([
    [{}, 25],
    [{ industryGroup: 'pharma-bio-medical' }, 5],
    [{ industryGroup: 'nuclear' }, 4],
    [{ industryGroup: 'other' }, 0],
    [{ status: 'pilot-innovative-territorial' }, 25],
    [{ status: 'industrial' }, 0],
    [{ region: 'RU-MOS' }, 3],
    [{ region: 'RU-CHE' }, 0],
  ])('listPublic(%j) has %i clusters', async (filter, count) => {
    expect(await store.clusters.listPublic(filter as ClusterFilter)).toHaveLength(count);
  });

  it.each([
    [{ industryGroup: 'pharma-bio-medical' }, ['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it']],
    [{ region: 'RU-KLU' }, ['obninsk-pharma-biotech']],
    [{ region: 'RU-MOS' }, ['dubna-nuclear-nanotech', 'phystech-xxi', 'pushchino-biotech']],
    [{ region: 'RU-MOS', industryGroup: 'nuclear' }, ['dubna-nuclear-nanotech']],
    [{ region: 'RU-SPE', industryGroup: 'pharma-bio-medical', status: 'pilot-innovative-territorial' }, ['spb-medical-pharma-radiology']],
  ])('listPublic(%j) finds exactly the matching clusters', async (filter, expected) => {
    const found = await store.clusters.listPublic(filter as ClusterFilter);
    expect(slugs(found)).toEqual(expected);
    for (const c of found) expect(c).toMatchObject(filter);
  });

  it('returns summaries with names, city and location', async () => {
    const [obninsk] = await store.clusters.listPublic({ region: 'RU-KLU' });
    expect(obninsk).toEqual({
      slug: 'obninsk-pharma-biotech',
      name: { ru: 'Кластер фармацевтики, биотехнологий и биомедицины', en: 'Pharmaceutical, biotechnology and biomedical cluster (Obninsk)' },
      region: 'RU-KLU',
      industryGroup: 'pharma-bio-medical',
      status: 'pilot-innovative-territorial',
      foundedYear: null,
      location: { lat: 55.083, lon: 36.617 },
      city: { ru: 'Обнинск', en: 'Obninsk' },
      selfAssessment: null,
    });
  });

  it('stores only the reported indicators (Pushchino has no international members or exports)', async () => {
    const rows = (await store.clusters.listPublicIndicators(2012)).filter((r) => r.slug === 'pushchino-biotech');
    expect(rows.map((r) => [r.indicator, r.value]).sort()).toEqual([
      ['jointRndBlnRub', 0.39],
      ['publications', 694],
    ]);
    expect((await store.clusters.getPublicProfile('pushchino-biotech'))!.indicators[0]).not.toHaveProperty('exportsBlnRub');
  });

  it('returns the full profile by slug, undefined for an unknown slug', async () => {
    expect(await store.clusters.getPublicProfile('obninsk-pharma-biotech')).toEqual(shippedProfile('obninsk-pharma-biotech'));
    expect(await store.clusters.getPublicProfile('no-such-cluster')).toBeUndefined();
  });
});

describe('ClustersRepository.save (fresh store per test)', () => {
  let data: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    data = makeTempDir();
    store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
  });
  afterEach(async () => {
    if (store.db.open) store.db.close();
    data.remove();
  });

  const change = { actor: 'tester', action: 'register' };

  it.each([
    ['an unknown region', (p: any) => (p.general.region = 'RU-XXX')],
    ['a negative indicator', (p: any) => (p.indicators[0].publications.value = -1)],
    ['an unknown field', (p: any) => (p.rating = 5)],
    ['a bad slug', (p: any) => (p.slug = 'Bad Slug')],
  ])('rejects a profile with %s and stores nothing', async (_case, edit) => {
    const before = countsIn(data.dir);
    const profile = newProfile();
    edit(profile);
    await expect(store.clusters.save(profile, { publication: 'approved' }, change)).rejects.toThrow(ZodError);
    expect(countsIn(data.dir)).toEqual(before);
    expect(await store.clusters.getPublication('kaluga-test-cluster')).toBeUndefined();
  });

  it('keeps the stored profile when an invalid update of it is rejected', async () => {
    const broken = shippedProfile('obninsk-pharma-biotech');
    broken.general.region = 'RU-XXX';
    await expect(store.clusters.save(broken, { publication: 'approved' }, change)).rejects.toThrow(ZodError);
    expect((await store.clusters.getPublicProfile('obninsk-pharma-biotech'))!.general.region).toBe('RU-KLU');
  });

  it('keeps a draft out of the public list and the public profile', async () => {
    await store.clusters.save(newProfile(), { publication: 'draft' }, change);
    expect(await store.clusters.getPublication('kaluga-test-cluster')).toBe('draft');
    expect(await store.clusters.getPublicProfile('kaluga-test-cluster')).toBeUndefined();
    expect(slugs(await store.clusters.listPublic({ region: 'RU-KLU' }))).toEqual(['obninsk-pharma-biotech']);
    expect(await store.clusters.listPublic()).toHaveLength(25);
    expect(await store.clusters.countPublic()).toBe(25);
    expect((await store.clusters.listPublicIndicators()).some((r) => r.slug === 'kaluga-test-cluster')).toBe(false);
  });

  it('hides a published cluster that goes back to draft', async () => {
    await store.clusters.save(shippedProfile('obninsk-pharma-biotech'), { publication: 'draft' }, change);
    expect(await store.clusters.listPublic({ industryGroup: 'pharma-bio-medical' })).toHaveLength(4);
    expect(await store.clusters.getPublicProfile('obninsk-pharma-biotech')).toBeUndefined();
  });

  it('publishes an approved cluster', async () => {
    await store.clusters.save(newProfile(), { publication: 'approved' }, change);
    expect(slugs(await store.clusters.listPublic({ region: 'RU-KLU' }))).toEqual(['kaluga-test-cluster', 'obninsk-pharma-biotech']);
    expect((await store.clusters.getPublicProfile('kaluga-test-cluster'))!.general.name.en).toBe('Test cluster');
  });

  it.each(['draft', 'approved'] as const)('writes one outbox row, one audit row and bumps the data version per %s save', async (publication) => {
    const before = countsIn(data.dir);
    const version = await store.clusters.dataVersion();
    await store.clusters.save(newProfile(), { publication }, change);
    expect(countsIn(data.dir)).toMatchObject({
      clusters: before.clusters + 1,
      searchOutbox: before.searchOutbox + 1,
      auditLog: before.auditLog + 1,
      dataVersion: before.dataVersion + 1,
    });
    expect(await store.clusters.dataVersion()).toBe(version + 1);
    const outbox = store.db.prepare('SELECT slug, created_at, done_at FROM search_outbox ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    const audit = store.db.prepare('SELECT actor, action, subject, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(outbox).toMatchObject({ slug: 'kaluga-test-cluster', done_at: null });
    expect(audit).toMatchObject({ actor: 'tester', action: 'register', subject: 'kaluga-test-cluster' });
    expect(audit.at).toBe(outbox.created_at);
  });

  it('replaces the indicator rows on update instead of adding to them', async () => {
    const p = shippedProfile('obninsk-pharma-biotech');
    delete p.indicators[0].exportsBlnRub;
    await store.clusters.save(p, { publication: 'approved' }, change);
    const rows = (await store.clusters.listPublicIndicators()).filter((r) => r.slug === 'obninsk-pharma-biotech');
    expect(rows.map((r) => r.indicator).sort()).toEqual(['internationalMembers', 'jointRndBlnRub', 'publications']);
  });

  // A real SQLite trigger makes one of the writes fail: everything else of that save must roll back.
  it.each(['audit_log', 'search_outbox'])('rolls back the whole save when writing %s fails', async (table) => {
    store.db.exec(`CREATE TRIGGER fail_write BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${table} unavailable'); END;`);
    const before = countsIn(data.dir);
    await expect(store.clusters.save(newProfile(), { publication: 'approved' }, change)).rejects.toThrow(`${table} unavailable`);
    expect(countsIn(data.dir)).toEqual(before);
    expect(await store.clusters.getPublication('kaluga-test-cluster')).toBeUndefined();
  });
});
