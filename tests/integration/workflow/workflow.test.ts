import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import {
  approveRevision,
  compareWithPublic,
  discardRevision,
  moderationQueue,
  myClusters,
  openRevisionOf,
  returnRevision,
  saveDraft,
  submitRevision,
  withdrawRevision,
} from '../../../src/server/workflow/revisions';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR, shippedProfile } from '../db/store-helpers';
import { ACTORS, allCounts, auditOf, codeOf, submittableInput } from './helpers';

const { managerA, managerB, moderator, stranger } = ACTORS;
const A = 'new-cluster-a';
const B = 'new-cluster-b';

/** A complete new registration under slug with its own names. */
const registration = (slug: string, edit: (p: any) => void = () => {}) =>
  submittableInput((p) => {
    p.slug = slug;
    p.general.name = { ru: `Кластер ${slug}`, en: `Cluster ${slug}` };
    edit(p);
  });

// Each rule of the revision workflow and each permission, against a real SQLite file.
describe('revision workflow', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;

  beforeEach(async () => {
    temp = makeTempDir();
    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    await saveDraft(store, managerA, registration(A));
    await saveDraft(store, managerB, registration(B));
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('a new registration is draft #1 and its author becomes its manager; nothing is public', async () => {
    const revision = await openRevisionOf(store, managerA, A);
    expect(revision).toMatchObject({ slug: A, number: 1, kind: 'registration', state: 'draft', authorId: managerA.userId, submittedAt: null });
    expect(await myClusters(store, managerA)).toEqual([
      { slug: A, name: { ru: `Кластер ${A}`, en: `Cluster ${A}` }, isPublic: false, openRevision: expect.objectContaining({ state: 'draft', number: 1 }) },
    ]);
    expect(await store.clusters.getPublication(A)).toBeUndefined();
    expect(allCounts(temp.dir).clusters).toBe(25);
  });

  it('saving again updates the same open revision (one open revision per cluster)', async () => {
    const before = allCounts(temp.dir);
    const saved = await saveDraft(store, managerA, registration(A, (p) => (p.general.employees = 321)));
    expect(saved).toMatchObject({ number: 1, state: 'draft' });
    expect(saved.profile.general.employees).toBe(321);
    expect(allCounts(temp.dir).revisions).toBe(before.revisions);
  });

  it('draft → submitted → returned with the comment → edited (still returned) → resubmitted → approved', async () => {
    expect((await submitRevision(store, managerA, A)).state).toBe('submitted');
    const returned = await returnRevision(store, moderator, A, '  Add the English description.  ');
    expect(returned).toMatchObject({ state: 'returned', comment: 'Add the English description.', decidedBy: moderator.userId });
    const fixed = await saveDraft(store, managerA, registration(A, (p) => (p.general.description = { en: 'A test cluster.' })));
    expect(fixed).toMatchObject({ state: 'returned', comment: 'Add the English description.' });
    expect((await submitRevision(store, managerA, A)).state).toBe('submitted');
    const approved = await approveRevision(store, moderator, A);
    expect(approved).toMatchObject({ state: 'approved', number: 1, decidedBy: moderator.userId });
    expect(await store.revisions.openRevision(A)).toBeUndefined();
    expect((await store.clusters.getPublicProfile(A))?.general.description).toEqual({ en: 'A test cluster.' });
    expect(auditOf(temp.dir, A).map((e) => `${e.actor} ${e.action}`)).toEqual([
      'user:1 revision.create',
      'user:1 revision.submit',
      'user:9 revision.return',
      'user:1 revision.save',
      'user:1 revision.submit',
      'user:9 cluster.publish',
      'user:9 revision.approve',
    ]);
  });

  it('a submitted revision can be withdrawn to a draft by its manager, and cannot be edited while submitted', async () => {
    await submitRevision(store, managerA, A);
    expect(await codeOf(saveDraft(store, managerA, registration(A)))).toBe('invalid-transition');
    expect((await withdrawRevision(store, managerA, A)).state).toBe('draft');
    expect((await saveDraft(store, managerA, registration(A))).state).toBe('draft');
  });

  it('submission is refused while a minimum requirement is missing, with the missing list; the draft is kept', async () => {
    await saveDraft(store, managerA, registration(A, (p) => (p.members.members = p.members.members.slice(0, 3))));
    const before = allCounts(temp.dir);
    await expect(submitRevision(store, managerA, A)).rejects.toMatchObject({ code: 'requirements-missing', detail: { missing: ['members'] } });
    expect(allCounts(temp.dir)).toEqual(before);
    expect((await store.revisions.openRevision(A))?.state).toBe('draft');
  });

  it.each([
    ['not-your-cluster', 'a manager of another cluster submits', () => submitRevision(store, managerB, A)],
    ['not-your-cluster', 'a manager of another cluster saves', () => saveDraft(store, managerB, registration(A))],
    ['not-your-cluster', 'a stranger withdraws', () => submitRevision(store, managerA, A).then(() => withdrawRevision(store, stranger, A))],
    ['moderator-only', 'a manager approves their own revision', () => submitRevision(store, managerA, A).then(() => approveRevision(store, managerA, A))],
    ['moderator-only', 'a manager returns a revision', () => submitRevision(store, managerA, A).then(() => returnRevision(store, managerA, A, 'no'))],
    ['moderator-only', 'a manager returns a revision without a comment (who acts is checked first)', () => submitRevision(store, managerA, A).then(() => returnRevision(store, managerA, A, ''))],
    ['invalid-transition', 'a moderator approves a draft', () => approveRevision(store, moderator, A)],
    ['invalid-transition', 'a moderator returns a draft', () => returnRevision(store, moderator, A, 'Fix it')],
    ['invalid-transition', 'a moderator approves a cluster with no revision', () => approveRevision(store, moderator, 'obninsk-pharma-biotech')],
    ['comment-required', 'a moderator returns without a comment', () => submitRevision(store, managerA, A).then(() => returnRevision(store, moderator, A, '   '))],
    ['invalid-transition', 'a manager submits twice', () => submitRevision(store, managerA, A).then(() => submitRevision(store, managerA, A))],
    ['not-your-cluster', 'a manager of another cluster reads the draft', () => openRevisionOf(store, managerB, A)],
    ['not-your-cluster', 'a manager of another cluster compares the draft', () => compareWithPublic(store, managerB, A)],
    ['not-found', 'a moderator compares a cluster without an open revision', () => compareWithPublic(store, moderator, 'sarov-nuclear')],
    ['moderator-only', 'a manager sees the moderation queue', () => moderationQueue(store, managerA)],
    ['not-your-cluster', 'a manager edits a seeded cluster they do not manage', () => saveDraft(store, managerA, shippedProfile('obninsk-pharma-biotech'))],
  ])('refused with %s: %s', async (code, _name, step) => {
    const result = await codeOf(step());
    expect(result).toBe(code);
  });

  it('a new registration under an address another registration holds is refused with the way out', async () => {
    await expect(saveDraft(store, managerB, registration(A, (p) => (p.general.name = { ru: 'Другой', en: 'Other' })))).rejects.toThrow(
      'The address "new-cluster-a" is held by another registration under way: choose another one, or ask its managers to add you.',
    );
  });

  it('discarding a registration keeps it for the record and releases its address and name', async () => {
    await submitRevision(store, managerA, A);
    expect(await codeOf(discardRevision(store, managerA, A))).toBe('invalid-transition');
    await withdrawRevision(store, managerA, A);
    expect(await codeOf(discardRevision(store, managerB, A))).toBe('not-your-cluster');
    expect(await discardRevision(store, managerA, A)).toMatchObject({ state: 'discarded', number: 1 });
    expect(await store.revisions.openRevision(A)).toBeUndefined();
    expect(await myClusters(store, managerA)).toEqual([]);
    const taken = await saveDraft(store, managerB, registration(A)); // same address and same names, now free
    expect(taken).toMatchObject({ number: 2, kind: 'registration', authorId: managerB.userId });
    expect(auditOf(temp.dir, A).map((e) => e.action)).toContain('revision.discard');
  });

  it('discarding an edit of a public cluster keeps the cluster, its managers and its public profile', async () => {
    await submitRevision(store, managerA, A);
    await approveRevision(store, moderator, A);
    const published = await store.clusters.getPublicProfile(A);
    await saveDraft(store, managerA, registration(A, (p) => (p.general.employees = 99)));
    await discardRevision(store, managerA, A);
    expect(await store.clusters.getPublicProfile(A)).toEqual(published);
    expect((await myClusters(store, managerA)).map((c) => [c.slug, c.isPublic, c.openRevision])).toEqual([[A, true, null]]);
  });

  it('a refused step writes nothing, not even its audit entry', async () => {
    await submitRevision(store, managerA, A);
    const before = allCounts(temp.dir);
    for (const step of [
      () => approveRevision(store, managerB, A),
      () => returnRevision(store, moderator, A, ''),
      () => withdrawRevision(store, managerB, A),
      () => saveDraft(store, managerA, registration(A)),
    ])
      expect(await codeOf(step())).not.toBe('ok');
    expect(allCounts(temp.dir)).toEqual(before);
  });

  it('the moderator reads any open revision and the queue, oldest submission first, with age and author', async () => {
    await submitRevision(store, managerB, B);
    await new Promise((r) => setTimeout(r, 5));
    await submitRevision(store, managerA, A);
    expect((await openRevisionOf(store, moderator, A))?.state).toBe('submitted');
    const queue = await moderationQueue(store, moderator);
    expect(queue.map((q) => [q.slug, q.authorId, q.submittedBy, q.kind])).toEqual([
      [B, 2, 2, 'registration'],
      [A, 1, 1, 'registration'],
    ]);
    expect(queue[0]).toMatchObject({ name: { en: `Cluster ${B}` }, region: 'RU-KLU', industryGroup: 'pharma-bio-medical' });
    expect(queue[0]!.ageSeconds).toBeGreaterThanOrEqual(0);
    const later = await store.revisions.listByState(['submitted'], new Date(Date.parse(queue[0]!.submittedAt!) + 3_600_000));
    expect(later[0]!.ageSeconds).toBe(3600);
    expect((await moderationQueue(store, moderator, { states: ['draft'] })).map((q) => q.slug)).toEqual([]);
    expect((await moderationQueue(store, moderator, { kind: 'edit' })).map((q) => q.slug)).toEqual([]);
    expect((await moderationQueue(store, moderator, { region: 'RU-KLU', industryGroup: 'pharma-bio-medical', kind: 'registration' })).map((q) => q.slug)).toEqual([B, A]);
    expect((await moderationQueue(store, moderator, { industryGroup: 'nuclear' })).map((q) => q.slug)).toEqual([]);
  });

  it('one open revision per cluster is also enforced by the file', async () => {
    const open = (await store.revisions.openRevision(A))!;
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO cluster_revisions (slug, number, kind, state, profile_json, name_ru, name_en, author_id, updated_by, created_at, updated_at)
           VALUES (?, 2, 'registration', 'draft', '{}', 'x', 'y', 1, 1, 'now', 'now')`,
        )
        .run(open.slug),
    ).toThrow(/UNIQUE/);
  });
});
