import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/workflow';
import { confirmEmail, resetPassword, resolveSession } from '../../../src/server/auth/accounts';
import { listAccounts, setAccountDisabled } from '../../../src/server/auth/account-admin';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { addManagerByEmail, cancelInvitation, listInvitations } from '../../../src/server/workflow/invitations';
import { addManager, approveRevision, discardRevision, listManagers, returnRevision, saveDraft, submitRevision } from '../../../src/server/workflow/revisions';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore } from '../db/store-helpers';
import { allCounts, auditOf, codeOf, submittableInput } from './helpers';

const SLUG = 'mail-test-cluster';
const NAME = { ru: 'Кластер писем', en: 'Mail cluster' };

/** The mails in the outbox (sent or not), oldest first, read through a separate connection. */
function outbox(dataDir: string): Array<{ recipient: string; subject: string; text: string }> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT recipient, subject, text FROM mail_outbox ORDER BY id').all() as Array<{ recipient: string; subject: string; text: string }>;
  } finally {
    db.close();
  }
}

describe('mail to managers, invitations and disabling accounts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  let ru: Actor;
  let en: Actor;
  let moderator: Actor;

  /** A confirmed account of a role and language, as an actor. */
  async function account(email: string, name: string, lang: 'ru' | 'en', role: 'manager' | 'moderator' = 'manager'): Promise<Actor> {
    const user = await store.accounts.createUser({ email, name, passwordHash: 'x', role, lang, confirmedAt: new Date().toISOString() }, { actor: 'test', action: 'test' });
    return { userId: user.id, role };
  }

  beforeEach(async () => {
    ({ store, temp } = await openTempStore());
    ru = await account('ru-manager@example.org', 'Иван', 'ru');
    en = await account('en-manager@example.org', 'Jane', 'en');
    moderator = await account('moderator@example.org', 'Moderator', 'en', 'moderator');
    await saveDraft(store, ru, submittableInput((p) => ((p.slug = SLUG), (p.general.name = NAME))));
    await addManager(store, ru, SLUG, en.userId);
    await submitRevision(store, ru, SLUG);
  });
  afterEach(() => closeTempStore(store, temp));

  it('a return mails each manager the comment in their language; the approval mails them too', async () => {
    const comment = 'Добавьте <b>участников</b> / add members';
    await returnRevision(store, moderator, SLUG, comment);
    const returned = outbox(temp.dir);
    expect(returned.map((m) => m.recipient)).toEqual(['ru-manager@example.org', 'en-manager@example.org']);
    expect(returned[0]).toMatchObject({ subject: 'Правка кластера «Кластер писем» возвращена на доработку' });
    expect(returned[0]!.text).toContain('Здравствуйте, Иван!');
    expect(returned[1]).toMatchObject({ subject: 'The revision of “Mail cluster” was returned for changes' });
    for (const mail of returned) expect(mail.text).toContain(comment);
    expect(returned[1]!.text).toMatch(/http:\/\/localhost:\d+\/en\/account\/clusters/);

    await submitRevision(store, ru, SLUG);
    await approveRevision(store, moderator, SLUG);
    const approved = outbox(temp.dir).slice(2);
    expect(approved.map((m) => [m.recipient, m.subject])).toEqual([
      ['ru-manager@example.org', 'Правка кластера «Кластер писем» одобрена'],
      ['en-manager@example.org', 'The revision of “Mail cluster” was approved'],
    ]);
    expect(approved[1]!.text).toContain(`/en/clusters/${SLUG}`);
  });

  it('a refused decision mails nothing, and a disabled manager gets no mail', async () => {
    expect(await codeOf(returnRevision(store, en, SLUG, 'not mine to return'))).toBe('moderator-only');
    expect(await codeOf(approveRevision(store, moderator, 'no-such-cluster'))).toBe('invalid-transition');
    expect(outbox(temp.dir)).toEqual([]);
    await setAccountDisabled(store, moderator, en.userId, true);
    await approveRevision(store, moderator, SLUG);
    expect(outbox(temp.dir).map((m) => m.recipient)).toEqual(['ru-manager@example.org']);
  });

  it('an unknown e-mail is invited (mailed in both languages); confirming that address makes the account a manager, audited', async () => {
    expect(await addManagerByEmail(store, ru, SLUG, 'newcomer@example.org')).toMatchObject({ kind: 'invited', invitation: { slug: SLUG, email: 'newcomer@example.org', state: 'pending' } });
    const [mail] = outbox(temp.dir);
    expect(mail).toMatchObject({ recipient: 'newcomer@example.org', subject: 'Приглашение управлять кластером «Кластер писем» / An invitation to manage “Mail cluster”' });
    expect(mail!.text).toContain('Иван приглашает вас');
    expect(mail!.text).toMatch(/localhost:\d+\/register\n/);
    expect(mail!.text).toMatch(/localhost:\d+\/en\/register\n/);
    expect(await codeOf(addManagerByEmail(store, en, SLUG, 'Newcomer@Example.org'))).toBe('already-invited');
    expect((await listInvitations(store, en, SLUG)).map((i) => i.email)).toEqual(['newcomer@example.org']);

    // Signing up does nothing yet; the confirmation (proof of the address) does.
    const newcomer = await store.accounts.createUser({ email: 'newcomer@example.org', name: 'New', passwordHash: 'x', role: 'manager', lang: 'en' }, { actor: 'anonymous', action: 'account.register' });
    expect((await listManagers(store, moderator, SLUG)).map((m) => m.userId)).not.toContain(newcomer.id);
    const token = newToken();
    await store.accounts.createEmailToken({ tokenHash: hashToken(token), purpose: 'confirm', userId: newcomer.id, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(await confirmEmail(store, token)).toBe('done');
    expect((await listManagers(store, moderator, SLUG)).map((m) => [m.userId, m.addedBy])).toContainEqual([newcomer.id, ru.userId]);
    expect(await listInvitations(store, ru, SLUG)).toEqual([]);
    expect(auditOf(temp.dir, SLUG).slice(-2).map((e) => `${e.actor} ${e.action}`)).toEqual([`user:${ru.userId} invitation.create`, `user:${newcomer.id} invitation.accept`]);
  });

  it('an account sends at most 10 invitations an hour: the 11th is refused, stored nowhere and mailed to no one', async () => {
    for (let i = 1; i <= 10; i++) expect((await addManagerByEmail(store, ru, SLUG, `guest-${i}@example.org`)).kind).toBe('invited');
    const before = allCounts(temp.dir);
    const mails = outbox(temp.dir).length;
    expect(await codeOf(addManagerByEmail(store, ru, SLUG, 'guest-11@example.org'))).toBe('too-many-invitations');
    expect(allCounts(temp.dir)).toEqual(before);
    expect(outbox(temp.dir)).toHaveLength(mails);
    expect(await listInvitations(store, ru, SLUG)).toHaveLength(10);
    // Another manager's own allowance is untouched.
    expect((await addManagerByEmail(store, en, SLUG, 'guest-11@example.org')).kind).toBe('invited');
  });

  it('a password reset link also proves the address and accepts the invitation', async () => {
    await addManagerByEmail(store, ru, SLUG, 'resetter@example.org');
    const user = await store.accounts.createUser({ email: 'resetter@example.org', name: 'R', passwordHash: 'x', role: 'manager', lang: 'ru' }, { actor: 'anonymous', action: 'account.register' });
    const token = newToken();
    await store.accounts.createEmailToken({ tokenHash: hashToken(token), purpose: 'reset', userId: user.id, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(await resetPassword(store, { token, password: 'a long enough password' })).toBe('done');
    expect((await listManagers(store, moderator, SLUG)).map((m) => m.userId)).toContain(user.id);
  });

  it('a manager cancels an invitation; the address then joins nothing; strangers may neither invite nor cancel', async () => {
    const stranger = await account('stranger@example.org', 'S', 'en');
    expect(await codeOf(addManagerByEmail(store, stranger, SLUG, 'someone@example.org'))).toBe('not-your-cluster');
    const { invitation } = (await addManagerByEmail(store, en, SLUG, 'someone@example.org')) as { invitation: { id: number } };
    const before = allCounts(temp.dir);
    expect(await codeOf(cancelInvitation(store, stranger, invitation.id))).toBe('not-your-cluster');
    expect(await codeOf(listInvitations(store, stranger, SLUG))).toBe('not-your-cluster');
    expect(allCounts(temp.dir)).toEqual(before);
    expect(await cancelInvitation(store, ru, invitation.id)).toMatchObject({ state: 'cancelled', closedBy: ru.userId });
    expect(await codeOf(cancelInvitation(store, ru, invitation.id))).toBe('invalid-transition');
    expect(await codeOf(cancelInvitation(store, ru, 999))).toBe('not-found');
    expect(auditOf(temp.dir, SLUG).at(-1)).toMatchObject({ action: 'invitation.cancel', detail: { invitation: invitation.id } });
    const user = await store.accounts.createUser({ email: 'someone@example.org', name: 'S', passwordHash: 'x', role: 'manager', lang: 'en' }, { actor: 'anonymous', action: 'account.register' });
    const token = newToken();
    await store.accounts.createEmailToken({ tokenHash: hashToken(token), purpose: 'confirm', userId: user.id, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await confirmEmail(store, token);
    expect((await listManagers(store, moderator, SLUG)).map((m) => m.userId)).not.toContain(user.id);
  });

  it('an invitation to a registration discarded since is dropped at confirmation', async () => {
    await addManagerByEmail(store, ru, SLUG, 'late@example.org');
    await store.transaction(async (tx) => void (await tx.revisions.setState((await tx.revisions.openRevision(SLUG))!.id, 'returned', { userId: moderator.userId })));
    await discardRevision(store, ru, SLUG);
    const user = await store.accounts.createUser({ email: 'late@example.org', name: 'L', passwordHash: 'x', role: 'manager', lang: 'en' }, { actor: 'anonymous', action: 'account.register' });
    const token = newToken();
    await store.accounts.createEmailToken({ tokenHash: hashToken(token), purpose: 'confirm', userId: user.id, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await confirmEmail(store, token);
    expect(await listManagers(store, moderator, SLUG)).toEqual([]);
  });

  it('a moderator lists and filters accounts, disables one (its session stops at once) and enables it; never themself', async () => {
    expect((await listAccounts(store, moderator)).map((a) => a.email)).toEqual(['moderator@example.org', 'en-manager@example.org', 'ru-manager@example.org']);
    expect((await listAccounts(store, moderator, 'EN-man')).map((a) => a.email)).toEqual(['en-manager@example.org']);
    expect(await listAccounts(store, moderator, '100%_')).toEqual([]);
    expect(await codeOf(listAccounts(store, en))).toBe('moderator-only');
    expect(await codeOf(setAccountDisabled(store, en, ru.userId, true))).toBe('moderator-only');
    expect(await codeOf(setAccountDisabled(store, moderator, moderator.userId, true))).toBe('own-account');
    expect(await codeOf(setAccountDisabled(store, moderator, 999, true))).toBe('not-found');

    const session = newToken();
    await store.accounts.createSession({ tokenHash: hashToken(session), userId: en.userId, expiresAt: new Date(Date.now() + 3600_000).toISOString() }, { actor: 'test', action: 'test' });
    expect(await resolveSession(store, session)).toMatchObject({ id: en.userId });
    expect(await setAccountDisabled(store, moderator, en.userId, true)).toMatchObject({ disabledAt: expect.any(String) });
    expect(await resolveSession(store, session)).toBeNull();
    expect(await setAccountDisabled(store, moderator, en.userId, false)).toMatchObject({ disabledAt: null });
    expect(await resolveSession(store, session)).toBeNull(); // its sessions ended with the disabling
    expect(auditOf(temp.dir, `user:${en.userId}`).slice(-2).map((e) => `${e.actor} ${e.action}`)).toEqual([`user:${moderator.userId} account.disable`, `user:${moderator.userId} account.enable`]);
  });
});
