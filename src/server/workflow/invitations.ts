/**
 * Managers by e-mail: an address with an account becomes a manager at once; one without gets an invitation, mailed
 * with a sign-up link, and becomes a manager when an account with that address is confirmed. Each step writes its
 * audit entry and its mail in the same unit of work as the change.
 */
import { WorkflowError, type Actor } from '../../lib/workflow';
import type { Invitation, Store, UserRecord } from '../db/store-interfaces';
import { invitationMail } from '../mail/workflow-mail';
import { getMailWorker } from '../mail/worker';
import { checkRateLimits } from '../auth/rate-limits';
import { addManager, requireManagerOrModerator } from './revisions';

/** The cluster's name (the public profile's, else the open revision's), or undefined when there is no such cluster. */
async function clusterName(tx: Store, slug: string): Promise<{ ru: string; en: string } | undefined> {
  return (await tx.clusters.getPublicProfile(slug))?.general.name ?? (await tx.revisions.openRevision(slug))?.profile.general.name;
}

/** What adding a manager by e-mail did. */
export type AddByEmail = { kind: 'added' } | { kind: 'invited'; invitation: Invitation };

/** Adds the account with this (validated, lower-cased) e-mail as a manager, or invites the address when it has none. */
export async function addManagerByEmail(store: Store, actor: Actor, slug: string, email: string): Promise<AddByEmail> {
  const user = await store.accounts.findUserByEmail(email);
  if (user) {
    await addManager(store, actor, slug, user.id);
    return { kind: 'added' };
  }
  return { kind: 'invited', invitation: await inviteManager(store, actor, slug, email) };
}

/**
 * Invites an address with no account to manage a cluster (by one of its managers or a moderator) and mails it a
 * sign-up link; at most RATE_LIMITS.invitePerAccount an hour per inviting account.
 */
export async function inviteManager(store: Store, actor: Actor, slug: string, email: string): Promise<Invitation> {
  await store.transaction((tx) => requireManagerOrModerator(tx, slug, actor), { readOnly: true }); // a stranger's attempt counts nothing
  const limited = await checkRateLimits(store, [['invitePerAccount', `user:${actor.userId}`]]);
  if (!limited.ok) throw new WorkflowError('too-many-invitations', `Account ${actor.userId} sent too many invitations: try again in ${Math.ceil(limited.retryAfterMs / 60_000)} minutes.`, { slug });
  const invitation = await store.transaction(async (tx) => {
    await requireManagerOrModerator(tx, slug, actor);
    const name = await clusterName(tx, slug);
    if (!name) throw new WorkflowError('not-found', `There is no cluster "${slug}".`, { slug });
    if ((await tx.invitations.pendingFor(slug)).some((i) => i.email === email.toLowerCase()))
      throw new WorkflowError('already-invited', `${email} has already been invited to manage "${slug}".`, { slug });
    const created = await tx.invitations.create(slug, email, actor.userId);
    const inviter = await tx.accounts.getUser(actor.userId);
    await tx.mailOutbox.enqueue(invitationMail(created.email, inviter?.name ?? '', { slug, name }));
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'invitation.create', subject: slug, detail: { invitation: created.id, email: created.email } });
    return created;
  });
  getMailWorker(store).wake();
  return invitation;
}

/** The cluster's pending invitations, for its managers and the moderators. */
export async function listInvitations(store: Store, actor: Actor, slug: string): Promise<Invitation[]> {
  return store.transaction(
    async (tx) => {
      await requireManagerOrModerator(tx, slug, actor);
      return tx.invitations.pendingFor(slug);
    },
    { readOnly: true },
  );
}

/** Cancels a pending invitation (by one of the cluster's managers or a moderator). */
export async function cancelInvitation(store: Store, actor: Actor, invitationId: number): Promise<Invitation> {
  return store.transaction(async (tx) => {
    const invitation = await tx.invitations.get(invitationId);
    if (!invitation) throw new WorkflowError('not-found', `There is no invitation ${invitationId}.`);
    await requireManagerOrModerator(tx, invitation.slug, actor);
    if (!(await tx.invitations.close(invitation.id, 'cancelled', actor.userId)))
      throw new WorkflowError('invalid-transition', `Invitation ${invitationId} was already ${invitation.state}.`, { slug: invitation.slug, state: invitation.state });
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'invitation.cancel', subject: invitation.slug, detail: { invitation: invitation.id, email: invitation.email } });
    return (await tx.invitations.get(invitation.id))!;
  });
}

/**
 * Inside the unit of work that confirms an account's address: each pending invitation of that address makes the
 * account a manager of its cluster (audited as the account's own step); one whose cluster is gone is cancelled.
 */
export async function acceptInvitations(tx: Store, user: Pick<UserRecord, 'id' | 'email'>): Promise<string[]> {
  const joined: string[] = [];
  for (const invitation of await tx.invitations.pendingOf(user.email)) {
    if (!(await clusterName(tx, invitation.slug))) {
      await tx.invitations.close(invitation.id, 'cancelled', null);
      continue;
    }
    await tx.invitations.close(invitation.id, 'accepted', user.id);
    await tx.revisions.addManager(invitation.slug, user.id, invitation.invitedBy);
    await tx.revisions.audit({ actorUserId: user.id, action: 'invitation.accept', subject: invitation.slug, detail: { invitation: invitation.id, userId: user.id, invitedBy: invitation.invitedBy } });
    joined.push(invitation.slug);
  }
  return joined;
}
