import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactRequestSchema } from '../../../src/lib/contact/schema';
import { nowIso } from '../../../src/server/db/connection';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { acceptsMessages, answerContactRequest, confirmContactRequest, listContactRequests, sendContactRequest } from '../../../src/server/contact/requests';
import { getMailWorker } from '../../../src/server/mail/worker';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore, shippedProfile } from './store-helpers';

// The contact service against a real store: what each step writes and mails, in one unit of work, and the paths the
// HTTP tests cannot reach quickly (an expired link, a disabled manager, placeholders typed by the sender).
const SLUG = 'tomsk-pharma-medtech-it';

describe('contact requests', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  let managers: { ru: number; en: number; disabled: number };

  beforeEach(async () => {
    ({ store, temp } = await openTempStore());
    await getMailWorker(store).stop(); // the outbox is read here, not delivered
    await store.clusters.save(shippedProfile(SLUG), { publication: 'approved', origin: 'seed' }, { actor: 'test', action: 'seed' });
    const user = async (email: string, lang: 'ru' | 'en', disabled = false) =>
      (
        await store.accounts.createUser(
          { email, name: email.split('@')[0]!, passwordHash: 'x', role: 'manager', lang, confirmedAt: nowIso() },
          { actor: 'test', action: 'account.register' },
        )
      ).id;
    managers = { ru: await user('ru-manager@example.org', 'ru'), en: await user('en-manager@example.org', 'en'), disabled: await user('gone@example.org', 'en') };
    for (const id of Object.values(managers)) await store.revisions.addManager(SLUG, id, id);
    await store.accounts.updateUser(managers.disabled, { disabledAt: nowIso() }, { actor: 'test', action: 'account.disable' });
  });
  afterEach(() => closeTempStore(store, temp));

  /** Every queued mail, oldest first. */
  const outbox = () => store.db.prepare('SELECT recipient, reply_to AS replyTo, subject, text FROM mail_outbox ORDER BY id').all() as Array<{ recipient: string; replyTo: string | null; subject: string; text: string }>;
  /** The token of the confirmation link mailed to an address. */
  const tokenMailedTo = (email: string) => /contact\/confirmation\?token=([A-Za-z0-9_-]{43})/.exec(outbox().find((m) => m.recipient === email)!.text)![1]!;
  const input = (email: string, message = 'We look for partners for joint clinical trials in 2027.', extra: Record<string, unknown> = {}) =>
    contactRequestSchema.parse({ name: 'Anna', email, message, lang: 'en', ...extra });

  it('mails the sender first, and each enabled manager (in their language, Reply-To the sender) only on confirmation', async () => {
    expect(await acceptsMessages(store, SLUG)).toBe(true);
    expect(await sendContactRequest(store, SLUG, input('anna@example.org', 'Please send {link} and {name} back. Thank you very much!'), { ip: '10.0.0.1' })).toEqual({ ok: true });
    expect(outbox().map((m) => m.recipient)).toEqual(['anna@example.org']);
    // What the sender typed is never read as a placeholder of the mail's template.
    expect(outbox()[0]!.text).toContain('Please send {link} and {name} back.');
    const confirmed = await confirmContactRequest(store, tokenMailedTo('anna@example.org'));
    expect(confirmed.outcome).toBe('done');
    const toManagers = outbox().slice(1);
    expect(toManagers.map((m) => [m.recipient, m.replyTo])).toEqual([
      ['ru-manager@example.org', 'anna@example.org'],
      ['en-manager@example.org', 'anna@example.org'],
    ]);
    expect(toManagers[0]!.subject).toMatch(/^Сообщение кластеру «/);
    expect(toManagers[1]!.subject).toMatch(/^A message to “/);
    expect((await confirmContactRequest(store, tokenMailedTo('anna@example.org'))).outcome).toBe('used');
    expect(outbox()).toHaveLength(3);
  });

  it('delivers nothing for an expired link, and stores nothing for a filled honeypot', async () => {
    await sendContactRequest(store, SLUG, input('late@example.org'), { ip: '10.0.0.2' });
    store.db.prepare('UPDATE contact_requests SET confirm_expires_at = ?').run(new Date(Date.now() - 1000).toISOString());
    expect((await confirmContactRequest(store, tokenMailedTo('late@example.org'))).outcome).toBe('expired');
    expect(outbox()).toHaveLength(1);
    expect((await confirmContactRequest(store, 'x'.repeat(43))).outcome).toBe('invalid');
    expect(await sendContactRequest(store, SLUG, input('bot@example.org', undefined, { homepage: 'buy now' }), { ip: '10.0.0.2' })).toEqual({ ok: true });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM contact_requests WHERE sender_email = 'bot@example.org'").get()).toEqual({ n: 0 });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM rate_limits WHERE key LIKE '%bot@example.org'").get()).toEqual({ n: 0 });
  });

  it('refuses a cluster nobody (enabled) manages, and an unknown one', async () => {
    await store.clusters.save(shippedProfile('sarov-nuclear'), { publication: 'approved', origin: 'seed' }, { actor: 'test', action: 'seed' });
    await store.revisions.addManager('sarov-nuclear', managers.disabled, managers.disabled);
    expect(await acceptsMessages(store, 'sarov-nuclear')).toBe(false);
    expect(await sendContactRequest(store, 'sarov-nuclear', input('a@example.org'), { ip: '10.0.0.3' })).toEqual({ ok: false, reason: 'no-managers' });
    expect(await sendContactRequest(store, 'no-such-cluster', input('a@example.org'), { ip: '10.0.0.3' })).toEqual({ ok: false, reason: 'not-found' });
    expect(outbox()).toEqual([]);
  });

  it('marks messages read when a manager lists them (not a moderator), and lets a manager answer once', async () => {
    await sendContactRequest(store, SLUG, input('reader@example.org'), { ip: '10.0.0.4' });
    await confirmContactRequest(store, tokenMailedTo('reader@example.org'));
    const moderator = { userId: 999, role: 'moderator' as const };
    expect((await listContactRequests(store, moderator, SLUG)).requests[0]!.readAt).toBeNull();
    expect((await listContactRequests(store, moderator, SLUG)).canAnswer).toBe(false);
    expect((await store.contactRequests.unreadCounts([SLUG])).get(SLUG)).toBe(1);
    const manager = { userId: managers.en, role: 'manager' as const };
    expect((await listContactRequests(store, manager, SLUG)).requests[0]!.readAt).toBeNull(); // shown as new this once
    expect((await store.contactRequests.unreadCounts([SLUG])).get(SLUG)).toBeUndefined();
    const [request] = (await listContactRequests(store, manager, SLUG)).requests;
    await expect(answerContactRequest(store, moderator, SLUG, request!.id, 'No.')).rejects.toMatchObject({ code: 'not-your-cluster' });
    const answered = await answerContactRequest(store, manager, SLUG, request!.id, 'Thank you!');
    expect(answered).toMatchObject({ status: 'answered', answer: 'Thank you!', answeredBy: managers.en });
    expect(outbox().at(-1)).toMatchObject({ recipient: 'reader@example.org', replyTo: 'en-manager@example.org' });
    await expect(answerContactRequest(store, manager, SLUG, request!.id, 'Again')).rejects.toMatchObject({ code: 'invalid-transition' });
    await expect(answerContactRequest(store, manager, SLUG, 12345, 'Hm')).rejects.toMatchObject({ code: 'not-found' });
  });
});
