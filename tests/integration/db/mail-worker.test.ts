import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import type { MailMessage } from '../../../src/server/db/store-interfaces';
import { MailWorker } from '../../../src/server/mail/worker';
import { logTransport, type MailTransport } from '../../../src/server/mail/transport';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore } from './store-helpers';

// The mail worker against a real store; the only stand-in is an SMTP server that fails (the transport below).
describe('MailWorker', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;

  beforeEach(async () => ({ store, temp } = await openTempStore()));
  afterEach(() => closeTempStore(store, temp));

  it('writes each mail with its link to the log when there is no SMTP, once', async () => {
    const lines: string[] = [];
    const worker = new MailWorker(store, logTransport((line) => lines.push(line)));
    await store.mailOutbox.enqueue({ to: 'ann@example.org', subject: 'Confirm', text: 'open http://localhost:4321/confirm?token=abc' });
    expect(await worker.deliverDue()).toBe(1);
    expect(await worker.deliverDue()).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('To: ann@example.org');
    expect(lines[0]).toContain('http://localhost:4321/confirm?token=abc');
  });

  it('keeps a mail’s Reply-To through the outbox (and writes it to the log)', async () => {
    const sent: MailMessage[] = [];
    const worker = new MailWorker(store, { kind: 'smtp', send: async (message) => void sent.push(message) });
    await store.mailOutbox.enqueue({ to: 'manager@example.org', replyTo: 'visitor@example.org', subject: 'A message', text: 'Hello' });
    await store.mailOutbox.enqueue({ to: 'ann@example.org', subject: 'Confirm', text: 'link' });
    expect(await worker.deliverDue()).toBe(2);
    expect(sent.map((m) => m.replyTo)).toEqual(['visitor@example.org', undefined]);
    const lines: string[] = [];
    await logTransport((line) => lines.push(line)).send(sent[0]!);
    expect(lines[0]).toContain('To: manager@example.org\nReply-To: visitor@example.org\nSubject: A message');
  });

  it('retries with backoff when SMTP fails, then delivers', async () => {
    const sent: MailMessage[] = [];
    let failures = 1;
    const flaky: MailTransport = {
      kind: 'smtp',
      async send(message) {
        if (failures-- > 0) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        sent.push(message);
      },
    };
    const worker = new MailWorker(store, flaky);
    await store.mailOutbox.enqueue({ to: 'ann@example.org', subject: 'Reset', text: 'link' });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await worker.deliverDue();
    } finally {
      console.error = original;
    }
    expect(sent).toEqual([]);
    expect(String(errors[0])).toMatch(/attempt 1/);
    const row = store.db.prepare('SELECT sent_at, attempts, last_error, next_attempt_at FROM mail_outbox').get() as Record<string, unknown>;
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: 'connect ECONNREFUSED 127.0.0.1:25' });
    // Not due again at once (backoff), then delivered when it is.
    expect(await worker.deliverDue()).toBe(0);
    store.db.prepare('UPDATE mail_outbox SET next_attempt_at = ?').run(new Date(0).toISOString());
    expect(await worker.deliverDue()).toBe(1);
    expect(sent.map((m) => m.subject)).toEqual(['Reset']);
  });
});
