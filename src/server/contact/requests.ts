/**
 * Messages from visitors to a cluster's managers. A message is stored unconfirmed and its sender mailed a single-use
 * link; following it delivers the message to every manager (mail through the outbox, Reply-To the sender) and to the
 * managers' area, where a manager answers it (mail to the sender, audited). Each step writes its rows and the mail it
 * causes in one unit of work, so a step that did not commit mails nothing.
 */
import { CONTACT_CONFIRM_TTL_MS, isHoneypotFilled, type ContactRequestInput } from '../../lib/contact/schema';
import { WorkflowError, type Actor } from '../../lib/workflow';
import { checkRateLimits } from '../auth/rate-limits';
import { hashToken, newToken } from '../auth/tokens';
import type { ContactRequest, Store, UserRecord } from '../db/store-interfaces';
import { contactAnswerMail, contactConfirmMail, contactRequestMail } from '../mail/contact-mail';
import { getMailWorker } from '../mail/worker';
import type { MailCluster } from '../mail/workflow-mail';
import { requireManagerOrModerator } from '../workflow/revisions';

/** Why a message could not be taken: no such public cluster, or nobody manages it on the portal. */
export type ContactRefusal = { ok: false; reason: 'not-found' | 'no-managers' } | { ok: false; reason: 'rateLimited'; retryAfterMs: number };

/** The enabled accounts that manage a cluster, in the order they were added. */
async function enabledManagers(tx: Store, slug: string): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (const manager of await tx.revisions.managers(slug)) {
    const user = await tx.accounts.getUser(manager.userId);
    if (user && !user.disabledAt && user.confirmedAt) users.push(user);
  }
  return users;
}

/** The public cluster as mails name it, or undefined when there is no such public cluster. */
async function publicCluster(tx: Store, slug: string): Promise<MailCluster | undefined> {
  const profile = await tx.clusters.getPublicProfile(slug);
  return profile && { slug, name: profile.general.name };
}

/** Whether a visitor can write to the cluster here: at least one enabled manager (the profile shows the form, else who to write to). */
export async function acceptsMessages(store: Store, slug: string): Promise<boolean> {
  return store.transaction(async (tx) => (await enabledManagers(tx, slug)).length > 0, { readOnly: true });
}

/**
 * Takes a visitor's message to a public cluster's managers: stores it unconfirmed and mails its sender the link that
 * confirms it, at most RATE_LIMITS.contactPerIp and contactPerSender an hour. A filled honeypot is answered as
 * accepted and nothing is stored, counted or mailed.
 */
export async function sendContactRequest(store: Store, slug: string, input: ContactRequestInput, meta: { ip: string }): Promise<{ ok: true } | ContactRefusal> {
  if (isHoneypotFilled(input)) return { ok: true };
  const refusal = await store.transaction(
    async (tx) => ((await publicCluster(tx, slug)) ? ((await enabledManagers(tx, slug)).length > 0 ? null : 'no-managers') : 'not-found'),
    { readOnly: true },
  );
  if (refusal) return { ok: false, reason: refusal };
  const limited = await checkRateLimits(store, [
    ['contactPerIp', meta.ip],
    ['contactPerSender', input.email],
  ]);
  if (!limited.ok) return { ok: false, reason: 'rateLimited', retryAfterMs: limited.retryAfterMs };
  const token = newToken();
  await store.transaction(async (tx) => {
    const cluster = await publicCluster(tx, slug);
    if (!cluster) throw new WorkflowError('not-found', `There is no public cluster "${slug}".`, { slug });
    const request = await tx.contactRequests.create({
      slug,
      senderName: input.name,
      senderEmail: input.email,
      organisation: input.organisation,
      country: input.country,
      message: input.message,
      lang: input.lang,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(Date.now() + CONTACT_CONFIRM_TTL_MS).toISOString(),
    });
    await tx.mailOutbox.enqueue(contactConfirmMail(request, cluster, token));
  });
  getMailWorker(store).wake();
  return { ok: true };
}

/** Outcome of following a confirmation link, with the cluster it was written to when the link is known. */
export interface ContactConfirmOutcome {
  outcome: 'done' | 'used' | 'expired' | 'invalid';
  cluster?: MailCluster;
}

/** Follows a confirmation link (single use): the message goes to every enabled manager of the cluster, each in their language. */
export async function confirmContactRequest(store: Store, token: string): Promise<ContactConfirmOutcome> {
  const result = await store.transaction(async (tx): Promise<ContactConfirmOutcome> => {
    const use = await tx.contactRequests.confirm(hashToken(token));
    const cluster = use.request ? await publicCluster(tx, use.request.slug) : undefined;
    if (!use.ok) return { outcome: use.reason === 'unknown' ? 'invalid' : use.reason, ...(cluster ? { cluster } : {}) };
    const mailCluster = cluster ?? { slug: use.request.slug, name: { ru: use.request.slug, en: use.request.slug } };
    const managers = await enabledManagers(tx, use.request.slug);
    for (const manager of managers) await tx.mailOutbox.enqueue(contactRequestMail(use.request, manager, mailCluster));
    await tx.accounts.audit({ actor: 'anonymous', action: 'contact.confirm' }, `cluster:${use.request.slug}`, { request: use.request.id, mailedManagers: managers.length });
    return { outcome: 'done', cluster: mailCluster };
  });
  if (result.outcome === 'done') getMailWorker(store).wake();
  return result;
}

/** Whether the actor is listed among the cluster's managers. */
async function manages(tx: Store, slug: string, actor: Actor): Promise<boolean> {
  return (await tx.revisions.managers(slug)).some((m) => m.userId === actor.userId);
}

/**
 * The delivered messages of a cluster, newest first, for its managers and the moderators (read-only). A manager's
 * visit marks them read; the list returned still shows which were unread before it.
 */
export async function listContactRequests(store: Store, actor: Actor, slug: string): Promise<{ requests: ContactRequest[]; canAnswer: boolean }> {
  return store.transaction(async (tx) => {
    await requireManagerOrModerator(tx, slug, actor);
    const requests = await tx.contactRequests.listDelivered(slug);
    const canAnswer = await manages(tx, slug, actor);
    if (canAnswer && requests.some((r) => r.readAt === null)) await tx.contactRequests.markRead(slug);
    return { requests, canAnswer };
  });
}

/** Unread messages per cluster among the given ones (for "My clusters"). */
export async function unreadContactCounts(store: Store, slugs: readonly string[]): Promise<Map<string, number>> {
  return store.contactRequests.unreadCounts(slugs);
}

/**
 * A manager of the cluster answers one of its delivered messages: the answer is stored, mailed to the sender (in
 * the sender's language, Reply-To the manager) and audited, in one unit of work. Moderators read but do not answer.
 */
export async function answerContactRequest(store: Store, actor: Actor, slug: string, id: number, answer: string): Promise<ContactRequest> {
  const answered = await store.transaction(async (tx) => {
    if (!(await manages(tx, slug, actor)))
      throw new WorkflowError('not-your-cluster', `Account ${actor.userId} does not manage "${slug}": only its managers answer its messages.`, { slug });
    const request = await tx.contactRequests.get(id);
    if (!request || request.slug !== slug || request.status === 'unconfirmed') throw new WorkflowError('not-found', `"${slug}" has no message ${id}.`, { slug });
    if (!(await tx.contactRequests.answer(id, { text: answer, by: actor.userId })))
      throw new WorkflowError('invalid-transition', `Message ${id} of "${slug}" has been answered already.`, { slug, state: request.status });
    const manager = await tx.accounts.getUser(actor.userId);
    const cluster = (await publicCluster(tx, slug)) ?? { slug, name: { ru: slug, en: slug } };
    await tx.mailOutbox.enqueue(contactAnswerMail(request, answer, { email: manager!.email }, cluster));
    await tx.revisions.audit({ actorUserId: actor.userId, action: 'contact.answer', subject: slug, detail: { request: id } });
    return (await tx.contactRequests.get(id))!;
  });
  getMailWorker(store).wake();
  return answered;
}
