import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_TEXT_MAX } from '../../../src/lib/profile';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { saveDraft } from '../../../src/server/workflow/revisions';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';
import { ACTORS, allCounts, submittableInput } from './helpers';

const OPEN_SLUG = 'open-registration';

/** A complete new registration with `edit` applied (slug new-cluster unless changed). */
const draft = (edit: (p: any) => void) =>
  submittableInput((p) => {
    p.slug = 'new-cluster';
    edit(p);
  });

// Each kind of bad input to saveDraft: a WorkflowError naming the field, and nothing stored.
describe('saveDraft refuses bad input and stores nothing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeAll(async () => {
    temp = makeTempDir();
    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    // Another manager's registration under way: its name is taken too.
    await saveDraft(store, ACTORS.managerB, submittableInput((p) => ((p.slug = OPEN_SLUG), (p.general.name = { ru: 'Открытая заявка', en: 'Open registration' }))));
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it.each<[string, unknown, string, string | RegExp]>([
    ['an empty body', {}, 'invalid-profile', 'slug'],
    ['a non-object body', 'a profile', 'invalid-profile', '(root)'],
    ['an empty name', draft((p) => (p.general.name.ru = '  ')), 'invalid-profile', 'general.name.ru'],
    ['a name too long', draft((p) => (p.general.name.en = 'x'.repeat(SHORT_TEXT_MAX + 1))), 'invalid-profile', 'general.name.en'],
    ['a latitude of the wrong type', draft((p) => (p.general.location.lat = '55.1')), 'invalid-profile', 'general.location.lat'],
    ['members of the wrong type', draft((p) => (p.members.members = 'many')), 'invalid-profile', 'members.members'],
    ['an unknown industry group', draft((p) => (p.general.industryGroup = 'mining')), 'invalid-profile', 'general.industryGroup'],
    ['an unknown member type', draft((p) => (p.members.members[0].type = 'startup')), 'invalid-profile', 'members.members.0.type'],
    ['an unknown field', draft((p) => (p.general.motto = 'Onwards')), 'invalid-profile', 'general'],
    ['a negative indicator', draft((p) => (p.indicators[0].exportsBlnRub.value = -1)), 'invalid-profile', 'indicators.0.exportsBlnRub.value'],
    ['a region outside Russia', draft((p) => (p.general.region = 'DE-BE')), 'invalid-profile', 'general.region'],
    ['a location outside Russia (Berlin)', draft((p) => (p.general.location = { lat: 52.52, lon: 13.4 })), 'invalid-profile', 'general.location'],
    ['a location in another region', draft((p) => (p.general.location = { lat: 43.1, lon: 131.9 })), 'invalid-profile', 'general.location'],
    ['a bad slug', draft((p) => (p.slug = 'Новый кластер')), 'invalid-profile', 'slug'],
    ['the Russian name of a pilot cluster', draft((p) => (p.general.name.ru = 'Кластер фармацевтики, биотехнологий и биомедицины')), 'duplicate-name', 'general.name'],
    ['the English name of a pilot cluster, other case and spaces', draft((p) => (p.general.name.en = '  pharmaceutical, biotechnology and  biomedical cluster (obninsk) ')), 'duplicate-name', 'general.name'],
    ['the name of a registration under way', draft((p) => (p.general.name.en = 'Open registration')), 'duplicate-name', 'general.name'],
  ])('%s', async (_name, input, code, field) => {
    const before = allCounts(temp.dir);
    const error = await saveDraft(store, ACTORS.managerA, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'WorkflowError', code });
    const problems = (error as { detail: { problems: Array<{ field: string; message: string }> } }).detail.problems;
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
    expect(allCounts(temp.dir)).toEqual(before);
  });

  it('the message of a location outside Russia says what to do', async () => {
    await expect(saveDraft(store, ACTORS.managerA, draft((p) => (p.general.location = { lat: 52.52, lon: 13.4 })))).rejects.toThrow(
      /outside the region RU-KLU .*pick the place on the map/,
    );
  });

  it('the same registration passes once corrected', async () => {
    const before = allCounts(temp.dir);
    await saveDraft(store, ACTORS.managerA, draft(() => {}));
    expect(allCounts(temp.dir)).toMatchObject({ revisions: before.revisions + 1, managers: before.managers + 1, clusters: 25 });
  });
});
