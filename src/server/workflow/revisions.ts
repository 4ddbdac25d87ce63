/**
 * The revision workflow over the store: each step checks the rules of src/lib/workflow and writes the revision, the
 * audit entry and (on approval) the public profile in one unit of work. Forms, actions and API routes call these
 * functions with the signed-in actor; a refusal is a WorkflowError whose code maps to an HTTP status.
 */
import { describeZodError, profileSchema, type Profile } from '../../lib/profile';
import { assertSubmittable, changedFields, locationProblem, nextState, requireReturnComment, WorkflowError, type Actor, type RevisionState } from '../../lib/workflow';
import type { Claim, ClaimState, ClusterManager, HistoryEntry, ManagedCluster, QueueItem, Revision, Store } from '../db/store-interfaces';
import { queueDecisionMails } from '../mail/workflow-mail';
import { getMailWorker } from '../mail/worker';
import { regionBoxesOf } from './region-boxes';

/** The profile parsed with the schema and placed in its region; throws 'invalid-profile' listing every bad field. */
export function parseRevisionProfile(store: Pick<Store, 'config'>, input: unknown): Profile {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success)
    throw new WorkflowError('invalid-profile', `The profile was not saved: ${parsed.error.issues.length} field(s) to correct.`, {
      problems: describeZodError(parsed.error),
    });
  const problem = locationProblem(parsed.data, regionBoxesOf(store.config.contentDir));
  if (problem) throw new WorkflowError('invalid-profile', `The profile was not saved: ${problem.message}.`, { problems: [problem], slug: parsed.data.slug });
  return parsed.data;
}

/** Whether the actor manages the cluster (listed among its managers). */
async function manages(tx: Store, slug: string, actor: Actor): Promise<boolean> {
  return (await tx.revisions.managers(slug)).some((m) => m.userId === actor.userId);
}

/** Throws 'moderator-only' unless the actor is a moderator. */
export function requireModerator(actor: Actor, what: string): void {
  if (actor.role !== 'moderator') throw new WorkflowError('moderator-only', `Only a moderator may ${what}.`);
}

/** Throws 'not-your-cluster' unless the actor manages the cluster or is a moderator. */
export async function requireManagerOrModerator(tx: Store, slug: string, actor: Actor): Promise<void> {
  if (actor.role === 'moderator' || (await manages(tx, slug, actor))) return;
  throw new WorkflowError('not-your-cluster', `Account ${actor.userId} does not manage "${slug}": ask one of its managers to add you, or claim the cluster.`, { slug });
}

/** Throws 'duplicate-name' when another cluster (public or under registration) has the name in either language. */
async function requireUniqueName(tx: Store, profile: Profile): Promise<void> {
  const holder = await tx.revisions.nameHolder(profile.general.name, profile.slug);
  if (holder)
    throw new WorkflowError(
      'duplicate-name',
      `The name "${profile.general.name.ru}" / "${profile.general.name.en}" is already used by the cluster "${holder}": give the cluster a name of its own.`,
      { slug: profile.slug, holder, problems: [{ field: 'general.name', message: `is already used by the cluster "${holder}"` }] },
    );
}

/**
 * Creates or updates the cluster's open revision: a new registration (its author becomes its first manager), or
 * an edit of an approved profile, which stays public as it is until the revision is approved.
 */
export async function saveDraft(store: Store, actor: Actor, input: unknown): Promise<Revision> {
  const profile = parseRevisionProfile(store, input);
  const slug = profile.slug;
  return store.transaction(async (tx) => {
    const isPublic = (await tx.clusters.getPublication(slug)) !== undefined;
    const managers = await tx.revisions.managers(slug);
    // A slug nobody holds is a new registration; a public cluster without managers must be claimed first.
    const isNewRegistration = !isPublic && managers.length === 0;
    const managesCluster = isNewRegistration || managers.some((m) => m.userId === actor.userId);
    const open = await tx.revisions.openRevision(slug);
    if (!managesCluster && !isPublic)
      throw new WorkflowError('not-your-cluster', `The address "${slug}" is held by another registration under way: choose another one, or ask its managers to add you.`, { slug });
    nextState({ action: 'save', from: open?.state ?? 'none', actor, managesCluster, slug });
    await requireUniqueName(tx, profile);
    if (open) {
      const revision = await tx.revisions.updateProfile(open.id, profile, actor.userId);
      await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.save', subject: slug, detail: { revision: revision.number } });
      return revision;
    }
    const revision = await tx.revisions.create({ slug, kind: isPublic ? 'edit' : 'registration', profile, userId: actor.userId });
    if (isNewRegistration) await tx.revisions.addManager(slug, actor.userId, actor.userId);
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.create', subject: slug, detail: { revision: revision.number, kind: revision.kind } });
    return revision;
  });
}

/** The open revision after checking the step against the rules (with none open, every one of these steps is an 'invalid-transition'). */
async function openFor(tx: Store, slug: string, actor: Actor, action: 'submit' | 'withdraw' | 'discard' | 'return' | 'approve'): Promise<{ revision: Revision; to: RevisionState }> {
  const revision = await tx.revisions.openRevision(slug);
  const to = nextState({ action, from: revision?.state ?? 'none', actor, managesCluster: await manages(tx, slug, actor), slug });
  return { revision: revision!, to }; // nextState refused 'none' for these actions, so the revision exists
}

/** Sends the open revision to the moderators; refused with the missing list while a minimum requirement is missing. */
export async function submitRevision(store: Store, actor: Actor, slug: string): Promise<Revision> {
  return store.transaction(async (tx) => {
    const { revision, to } = await openFor(tx, slug, actor, 'submit');
    assertSubmittable(revision.profile);
    const submitted = await tx.revisions.setState(revision.id, to, { userId: actor.userId, submission: true });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.submit', subject: slug, detail: { revision: revision.number } });
    return submitted;
  });
}

/** Takes a submitted revision back to a draft (before a moderator decided), so its managers can change it. */
export async function withdrawRevision(store: Store, actor: Actor, slug: string): Promise<Revision> {
  return store.transaction(async (tx) => {
    const { revision, to } = await openFor(tx, slug, actor, 'withdraw');
    const withdrawn = await tx.revisions.setState(revision.id, to, { userId: actor.userId });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.withdraw', subject: slug, detail: { revision: revision.number } });
    return withdrawn;
  });
}

/**
 * Gives up a draft or returned revision (kept as 'discarded' for the record). The public profile, if any, stays as
 * it is; a registration that was never approved also releases its address and name: its managers are removed.
 */
export async function discardRevision(store: Store, actor: Actor, slug: string): Promise<Revision> {
  return store.transaction(async (tx) => {
    const { revision, to } = await openFor(tx, slug, actor, 'discard');
    const discarded = await tx.revisions.setState(revision.id, to, { userId: actor.userId });
    const released = (await tx.clusters.getPublication(slug)) === undefined;
    if (released) for (const m of await tx.revisions.managers(slug)) await tx.revisions.removeManager(slug, m.userId);
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.discard', subject: slug, detail: { revision: revision.number, released } });
    return discarded;
  });
}

/** Returns a submitted revision to its managers with the moderator's comment (required), mailed to each of them. */
export async function returnRevision(store: Store, actor: Actor, slug: string, comment: unknown): Promise<Revision> {
  requireModerator(actor, 'return a revision'); // who may act comes before what was sent: a manager gets 403, not the comment's rules
  const text = requireReturnComment(comment);
  return store.transaction(async (tx) => {
    const { revision, to } = await openFor(tx, slug, actor, 'return');
    const returned = await tx.revisions.setState(revision.id, to, { userId: actor.userId, decision: true, comment: text });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.return', subject: slug, detail: { revision: revision.number, comment: text } });
    await queueDecisionMails(tx, { kind: 'returned', comment: text }, { slug, name: revision.profile.general.name });
    return returned;
  }).finally(() => deliverSoon(store));
}

/**
 * Approves a submitted revision: its profile becomes the public one through the clusters store, so the search
 * outbox row, the clusters' audit entry, the data-version bump (which recomputes the index for everyone) and the
 * mails to its managers commit together with the revision's new state.
 */
export async function approveRevision(store: Store, actor: Actor, slug: string): Promise<Revision> {
  return store.transaction(async (tx) => {
    const { revision, to } = await openFor(tx, slug, actor, 'approve');
    const profile = parseRevisionProfile(tx, revision.profile); // the schema may have tightened since the draft was saved
    assertSubmittable(profile);
    await requireUniqueName(tx, profile);
    const changed = changedFields(await tx.clusters.getPublicProfile(slug), profile);
    const approved = await tx.revisions.setState(revision.id, to, { userId: actor.userId, decision: true, changedFields: changed });
    await tx.clusters.save(profile, { publication: 'approved', origin: 'registration' }, { actor: `user:${actor.userId}`, action: 'cluster.publish' });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'revision.approve', subject: slug, detail: { revision: revision.number, changedFields: changed } });
    await queueDecisionMails(tx, { kind: 'approved' }, { slug, name: profile.general.name });
    return approved;
  }).finally(() => deliverSoon(store));
}

/** Wakes the mail worker once a unit of work that may have queued mail has ended. */
function deliverSoon(store: Store): void {
  getMailWorker(store).wake();
}

/** Which revisions the moderation queue shows; every field optional (submitted ones of any kind, region and industry by default). */
export interface QueueFilter {
  states?: readonly RevisionState[];
  kind?: QueueItem['kind'];
  region?: QueueItem['region'];
  industryGroup?: QueueItem['industryGroup'];
}

/** The moderation queue: revisions matching the filter, oldest submission first, with age and author; moderators only. */
export async function moderationQueue(store: Store, actor: Actor, filter: QueueFilter = {}): Promise<QueueItem[]> {
  requireModerator(actor, 'see the moderation queue');
  const items = await store.revisions.listByState(filter.states ?? ['submitted']);
  return items.filter(
    (q) =>
      (filter.kind === undefined || q.kind === filter.kind) &&
      (filter.region === undefined || q.region === filter.region) &&
      (filter.industryGroup === undefined || q.industryGroup === filter.industryGroup),
  );
}

/** An open revision beside the public version it would replace (none for a registration) and the fields it changes. */
export interface RevisionComparison {
  revision: Revision;
  published: Profile | undefined;
  changedFields: string[];
}

/** The cluster's open revision against its public version, for the moderator's side-by-side view and its managers. */
export async function compareWithPublic(store: Store, actor: Actor, slug: string): Promise<RevisionComparison> {
  return store.transaction(
    async (tx) => {
      await requireManagerOrModerator(tx, slug, actor);
      const revision = await tx.revisions.openRevision(slug);
      if (!revision) throw new WorkflowError('not-found', `"${slug}" has no open revision to compare.`, { slug });
      const published = await tx.clusters.getPublicProfile(slug);
      return { revision, published, changedFields: changedFields(published, revision.profile) };
    },
    { readOnly: true },
  );
}

/** The cluster's open revision, for its managers and the moderators only (it is not public). */
export async function openRevisionOf(store: Store, actor: Actor, slug: string): Promise<Revision | undefined> {
  return store.transaction(
    async (tx) => {
      await requireManagerOrModerator(tx, slug, actor);
      return tx.revisions.openRevision(slug);
    },
    { readOnly: true },
  );
}

/** The approved versions of a cluster, newest first, with what each changed (public: they were all published). */
export async function clusterHistory(store: Store, slug: string): Promise<HistoryEntry[]> {
  return store.revisions.approvedHistory(slug);
}

/** The clusters the actor manages, with the state of each one's open revision and the moderator's comment. */
export async function myClusters(store: Store, actor: Actor): Promise<ManagedCluster[]> {
  return store.revisions.managedBy(actor.userId);
}

/** Managers of a cluster, for its managers and the moderators. */
export async function listManagers(store: Store, actor: Actor, slug: string): Promise<ClusterManager[]> {
  return store.transaction(
    async (tx) => {
      await requireManagerOrModerator(tx, slug, actor);
      return tx.revisions.managers(slug);
    },
    { readOnly: true },
  );
}

/** Whether the slug names a public cluster or one under registration. */
async function clusterExists(tx: Store, slug: string): Promise<boolean> {
  return (await tx.clusters.getPublication(slug)) !== undefined || (await tx.revisions.openRevision(slug)) !== undefined;
}

/** Adds a manager to a cluster (by one of its managers or a moderator); the accounts module resolves an invited e-mail to the id. */
export async function addManager(store: Store, actor: Actor, slug: string, userId: number): Promise<ClusterManager[]> {
  return store.transaction(async (tx) => {
    await requireManagerOrModerator(tx, slug, actor);
    if (!(await clusterExists(tx, slug))) throw new WorkflowError('not-found', `There is no cluster "${slug}".`, { slug });
    if (!(await tx.revisions.addManager(slug, userId, actor.userId)))
      throw new WorkflowError('already-manager', `Account ${userId} already manages "${slug}".`, { slug });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'manager.add', subject: slug, detail: { userId } });
    return tx.revisions.managers(slug);
  });
}

/** Removes a manager (by one of the cluster's managers or a moderator); only a moderator may remove the last one. */
export async function removeManager(store: Store, actor: Actor, slug: string, userId: number): Promise<ClusterManager[]> {
  return store.transaction(async (tx) => {
    await requireManagerOrModerator(tx, slug, actor);
    const managers = await tx.revisions.managers(slug);
    if (!managers.some((m) => m.userId === userId))
      throw new WorkflowError('not-found', `Account ${userId} does not manage "${slug}".`, { slug });
    if (managers.length === 1 && actor.role !== 'moderator')
      throw new WorkflowError('last-manager', `Account ${userId} is the last manager of "${slug}": add another manager first, or ask a moderator.`, { slug });
    await tx.revisions.removeManager(slug, userId);
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'manager.remove', subject: slug, detail: { userId } });
    return tx.revisions.managers(slug);
  });
}

/** Claims a public cluster (e.g. a seeded pilot cluster) for the actor; a moderator confirms or rejects it. */
export async function claimCluster(store: Store, actor: Actor, slug: string): Promise<Claim> {
  return store.transaction(async (tx) => {
    if ((await tx.clusters.getPublication(slug)) === undefined)
      throw new WorkflowError('not-found', `There is no public cluster "${slug}" to claim; register a new cluster instead.`, { slug });
    if (await manages(tx, slug, actor)) throw new WorkflowError('already-manager', `Account ${actor.userId} already manages "${slug}".`, { slug });
    if (await tx.revisions.pendingClaim(slug, actor.userId))
      throw new WorkflowError('claim-exists', `Account ${actor.userId} has already claimed "${slug}"; a moderator will decide.`, { slug });
    const claim = await tx.revisions.createClaim(slug, actor.userId);
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'claim.create', subject: slug, detail: { claim: claim.id } });
    return claim;
  });
}

/** Confirms (the claimant becomes a manager) or rejects a pending claim; moderators only. */
export async function decideClaim(store: Store, actor: Actor, claimId: number, decision: Exclude<ClaimState, 'pending'>): Promise<Claim> {
  requireModerator(actor, `${decision === 'confirmed' ? 'confirm' : 'reject'} a claim`);
  return store.transaction(async (tx) => {
    const claim = await tx.revisions.claim(claimId);
    if (!claim) throw new WorkflowError('not-found', `There is no claim ${claimId}.`);
    if (claim.state !== 'pending')
      throw new WorkflowError('invalid-transition', `Claim ${claimId} was already ${claim.state}.`, { slug: claim.slug, state: claim.state });
    const decided = await tx.revisions.decideClaim(claimId, decision, actor.userId);
    if (decision === 'confirmed') await tx.revisions.addManager(claim.slug, claim.userId, actor.userId);
    await tx.revisions.audit({ actorUserId: actor.userId, action: `claim.${decision === 'confirmed' ? 'confirm' : 'reject'}`, subject: claim.slug, detail: { claim: claimId, userId: claim.userId } });
    return decided;
  });
}

/** Claims in a state (pending by default), oldest first; moderators only. */
export async function listClaims(store: Store, actor: Actor, state: ClaimState = 'pending'): Promise<Claim[]> {
  requireModerator(actor, 'see the claims');
  return store.revisions.listClaims(state);
}
