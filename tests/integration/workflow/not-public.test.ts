import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/store';
import { addManager, approveRevision, returnRevision, saveDraft, submitRevision } from '../../../src/server/workflow/revisions';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, shippedProfile } from '../db/store-helpers';
import { ACTORS, submittableInput } from './helpers';

const { managerA, managerB, moderator } = ACTORS;
const PILOT = 'obninsk-pharma-biotech';
const NEW = 'zyxwv-new-cluster';
const RETURNED = 'qwertz-returned-cluster';
const LATE = 'jklmn-late-cluster';
const PILOT_MARKER = 'Plimsollmarker';

/** A complete registration whose names carry a word found nowhere else. */
const registration = (slug: string, word: string) =>
  submittableInput((p) => {
    p.slug = slug;
    p.general.name = { ru: `Кластер ${word}`, en: `${word} cluster` };
    p.general.description = { en: `The ${word} description.` };
  });

/** The pilot profile edited by its manager: renamed, moved within its region, completed to the requirements. */
function editedPilot() {
  const p = shippedProfile(PILOT);
  const complete = submittableInput();
  p.general.name.en = `${PILOT_MARKER} pharma cluster`;
  p.general.description = { en: `${PILOT_MARKER} description.` };
  p.general.location = { lat: 54.51, lon: 36.25 };
  p.management = complete.management;
  p.members = complete.members;
  return p;
}

// Revisions written through the store API into the DATA_DIR of a running built portal: nothing unapproved is
// in any public answer (list, profile API and page, search, map), and an approval while it runs shows up there.
describe('unapproved revisions are in no public answer', () => {
  let data: ReturnType<typeof makeTempDir>;
  let portal: RunningPortal;

  beforeAll(async () => {
    data = makeTempDir();
    const store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
    try {
      await saveDraft(store, managerA, registration(NEW, 'Zyxwv'));
      await submitRevision(store, managerA, NEW);
      await saveDraft(store, managerB, registration(RETURNED, 'Qwertz'));
      await submitRevision(store, managerB, RETURNED);
      await returnRevision(store, moderator, RETURNED, 'Add the partners.');
      await addManager(store, moderator, PILOT, managerA.userId);
      await saveDraft(store, managerA, editedPilot());
      await submitRevision(store, managerA, PILOT);
    } finally {
      await store.close();
    }
    portal = await startPortal({ dataDir: data.dir });
  }, 120_000);
  afterAll(async () => {
    await portal?.stop();
    data?.remove();
  });

  const get = (path: string) => fetch(portal.url + path);
  const json = async (path: string) => (await get(path)).json();
  const searchSlugs = async (q: string) => {
    const body = await json(`/api/v1/search?q=${encodeURIComponent(q)}`);
    return { mode: body.mode as string, slugs: (body.hits as Array<{ slug: string }>).map((h) => h.slug) };
  };

  it('the cluster list holds the 25 approved clusters only, with the pilot as approved', async () => {
    const list = await json('/api/v1/clusters?perPage=100');
    expect(list.total).toBe(25);
    const slugs = list.items.map((c: { slug: string }) => c.slug);
    expect(slugs).not.toContain(NEW);
    expect(slugs).not.toContain(RETURNED);
    expect(JSON.stringify(list)).not.toContain(PILOT_MARKER);
  });

  it('the profile API and page of a submitted or returned registration are 404; the pilot shows its approved version', async () => {
    for (const slug of [NEW, RETURNED]) {
      expect((await get(`/api/v1/clusters/${slug}`)).status).toBe(404);
      for (const lang of ['en', 'ru']) expect((await get(`/${lang === 'ru' ? '' : 'en/'}clusters/${slug}`)).status).toBe(404);
    }
    const pilot = await json(`/api/v1/clusters/${PILOT}`);
    expect(pilot.general.name.en).toBe(shippedProfile(PILOT).general.name.en);
    expect(pilot.members.members).toEqual([]);
    const page = await (await get(`/en/clusters/${PILOT}`)).text();
    expect(page).toContain('Not provided yet.');
    expect(page).not.toContain(PILOT_MARKER);
  });

  it('search finds none of them (by their words or by browsing everything)', async () => {
    for (const word of ['Zyxwv', 'Qwertz', PILOT_MARKER]) expect((await searchSlugs(word)).slugs).toEqual([]);
    const all = await json('/api/v1/search?perPage=100');
    expect(all.total).toBe(25);
    expect(JSON.stringify(all)).not.toMatch(/Zyxwv|Qwertz|Plimsollmarker/);
  });

  it('the map shows the pilot at its approved place and none of the new ones', async () => {
    const map = await json('/api/v1/clusters.geojson');
    expect(map.features).toHaveLength(25);
    const pilot = map.features.find((f: { id: string }) => f.id === PILOT);
    const { lat, lon } = shippedProfile(PILOT).general.location;
    expect(pilot.geometry.coordinates).toEqual([lon, lat]);
    expect(JSON.stringify(map)).not.toMatch(/Zyxwv|Qwertz|Plimsollmarker/);
  });

  it('an approval written while the portal runs is public within 5 seconds: list, profile, map and search (Meilisearch mode), with an index', async () => {
    const store = await openStore({ dataDir: data.dir, contentDir: CONTENT_DIR });
    try {
      await saveDraft(store, managerB, registration(LATE, 'Jklmn')); // still a draft: never public
      await approveRevision(store, moderator, NEW);
    } finally {
      await store.close();
    }
    const deadline = Date.now() + 5000;
    let found: { slug: string; index: unknown } | undefined;
    let search = { mode: '', slugs: [] as string[] };
    while (Date.now() < deadline) {
      const list = await json('/api/v1/clusters?perPage=100');
      found = list.items.find((c: { slug: string }) => c.slug === NEW);
      search = await searchSlugs('Zyxwv');
      if (found && search.mode === 'meilisearch' && search.slugs.includes(NEW)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBeDefined();
    expect(search).toEqual({ mode: 'meilisearch', slugs: [NEW] });
    expect((await json(`/api/v1/clusters/${NEW}`)).general.name.en).toBe('Zyxwv cluster');
    expect(await (await get(`/en/clusters/${NEW}`)).text()).toContain('Zyxwv cluster');
    const map = await json('/api/v1/clusters.geojson');
    const feature = map.features.find((f: { id: string }) => f.id === NEW);
    expect(feature?.properties.index).toBeGreaterThan(0);
    expect(JSON.stringify(map)).not.toMatch(/Qwertz|Plimsollmarker|Jklmn/);
    expect((await searchSlugs('Jklmn')).slugs).toEqual([]);
  });
});
