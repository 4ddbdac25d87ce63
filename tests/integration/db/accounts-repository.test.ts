import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, CONTENT_DIR, openTempStore } from './store-helpers';

// The account repositories on a real SQLite file: uniqueness, single-use links, audit entries, the mail outbox's
// at-most-once claim and rate-limit counters that survive a restart.
describe('accounts store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  const change = { actor: 'test', action: 'account.test' };
  const newUser = (email: string) => ({ email, name: 'Ann', passwordHash: 'scrypt$1$1$1$x$y', role: 'manager' as const, lang: 'en' as const });
  const auditCount = () => (store.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

  beforeEach(async () => ({ store, temp } = await openTempStore()));
  afterEach(() => closeTempStore(store, temp));

  it('keeps emails unique case-insensitively and finds them in any case', async () => {
    const user = await store.accounts.createUser(newUser('Ann@Example.org'), change);
    expect(user.email).toBe('ann@example.org');
    expect((await store.accounts.findUserByEmail('ANN@example.ORG'))?.id).toBe(user.id);
    await expect(store.accounts.createUser(newUser('ann@EXAMPLE.org'), change)).rejects.toThrow(/UNIQUE/);
  });

  it('audits every account change in its transaction, never a secret value', async () => {
    const before = auditCount();
    const user = await store.accounts.createUser(newUser('bob@example.org'), { actor: 'anonymous', action: 'account.register' });
    await store.accounts.updateUser(user.id, { passwordHash: 'scrypt$new', name: 'Bob' }, { actor: `user:${user.id}`, action: 'account.update' });
    const rows = store.db.prepare('SELECT actor, action, subject, detail_json FROM audit_log ORDER BY id DESC LIMIT 2').all() as Array<Record<string, string>>;
    expect(auditCount()).toBe(before + 2);
    expect(rows[0]).toMatchObject({ actor: `user:${user.id}`, action: 'account.update', subject: `user:${user.id}` });
    expect(JSON.parse(rows[0]!.detail_json!)).toEqual({ passwordHash: '(changed)', name: 'Bob' });
    expect(rows[1]).toMatchObject({ actor: 'anonymous', action: 'account.register' });
  });

  it('rolls back an account, its link and its mail together when the unit of work fails', async () => {
    const before = auditCount();
    await expect(
      store.transaction(async (tx) => {
        const user = await tx.accounts.createUser(newUser('carl@example.org'), change);
        await tx.accounts.createEmailToken({ tokenHash: 'h1', purpose: 'confirm', userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' });
        await tx.mailOutbox.enqueue({ to: user.email, subject: 's', text: 't' });
        throw new Error('fails after the writes');
      }),
    ).rejects.toThrow('fails after the writes');
    expect(await store.accounts.findUserByEmail('carl@example.org')).toBeUndefined();
    expect(await store.mailOutbox.pendingCount()).toBe(0);
    expect(auditCount()).toBe(before);
  });

  it('lets a mailed link be used once, and not after it expired', async () => {
    const user = await store.accounts.createUser(newUser('dora@example.org'), change);
    await store.accounts.createEmailToken({ tokenHash: 'live', purpose: 'reset', userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    expect(await store.accounts.checkEmailToken('live', 'reset')).toEqual({ ok: true, userId: user.id });
    expect(await store.accounts.useEmailToken('live', 'confirm')).toEqual({ ok: false, reason: 'unknown' });
    expect(await store.accounts.useEmailToken('live', 'reset')).toEqual({ ok: true, userId: user.id });
    expect(await store.accounts.useEmailToken('live', 'reset')).toEqual({ ok: false, reason: 'used' });
    await store.accounts.createEmailToken({ tokenHash: 'old', purpose: 'reset', userId: user.id, expiresAt: '2000-01-01T00:00:00.000Z' });
    expect(await store.accounts.useEmailToken('old', 'reset')).toEqual({ ok: false, reason: 'expired' });
  });

  it('voids the earlier unused link of the same purpose when a new one is mailed', async () => {
    const user = await store.accounts.createUser(newUser('emil@example.org'), change);
    await store.accounts.createEmailToken({ tokenHash: 'first', purpose: 'confirm', userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    await store.accounts.createEmailToken({ tokenHash: 'second', purpose: 'confirm', userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    expect((await store.accounts.useEmailToken('first', 'confirm')).ok).toBe(false);
    expect((await store.accounts.useEmailToken('second', 'confirm')).ok).toBe(true);
  });

  it('finds live sessions only, and API tokens until they are revoked (by their owner only)', async () => {
    const user = await store.accounts.createUser(newUser('fay@example.org'), change);
    const other = await store.accounts.createUser(newUser('gus@example.org'), change);
    await store.accounts.createSession({ tokenHash: 's-live', userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' }, change);
    await store.accounts.createSession({ tokenHash: 's-old', userId: user.id, expiresAt: '2000-01-01T00:00:00.000Z' }, change);
    expect((await store.accounts.findSession('s-live'))?.user.email).toBe('fay@example.org');
    expect(await store.accounts.findSession('s-old')).toBeUndefined();
    const id = await store.accounts.createApiToken({ tokenHash: 't1', userId: user.id, name: 'sync' }, change);
    expect((await store.accounts.useApiToken('t1'))?.id).toBe(user.id);
    expect(await store.accounts.revokeApiToken(other.id, id, change)).toBe(false);
    expect(await store.accounts.revokeApiToken(user.id, id, change)).toBe(true);
    expect(await store.accounts.useApiToken('t1')).toBeUndefined();
    expect((await store.accounts.listApiTokens(user.id))[0]).toMatchObject({ id, name: 'sync', revokedAt: expect.any(String) });
  });

  it('hands each mail over once, even to two processes claiming at the same moment', async () => {
    await store.mailOutbox.enqueue({ to: 'a@example.org', subject: 'one', text: 'x' });
    const second = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    try {
      const [a, b] = await Promise.all([store.mailOutbox.claimDue(10), second.mailOutbox.claimDue(10)]);
      expect(a.length + b.length).toBe(1);
      expect(await store.mailOutbox.claimDue(10)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('puts a failed mail back for a later attempt', async () => {
    const id = await store.mailOutbox.enqueue({ to: 'a@example.org', subject: 'one', text: 'x' });
    const [claimed] = await store.mailOutbox.claimDue(10);
    expect(claimed).toMatchObject({ id, attempts: 1 });
    const later = new Date(Date.now() + 60_000).toISOString();
    await store.mailOutbox.markFailed(id, 'connection refused', later);
    expect(await store.mailOutbox.pendingCount()).toBe(1);
    expect(await store.mailOutbox.claimDue(10)).toEqual([]);
    expect(await store.mailOutbox.claimDue(10, later)).toMatchObject([{ id, attempts: 2 }]);
  });

  it('keeps rate-limit counters across a restart', async () => {
    const limit = { attempts: 2, windowMs: 60_000 };
    expect((await store.rateLimits.hit('signIn:test', limit, 1000)).allowed).toBe(true);
    expect((await store.rateLimits.hit('signIn:test', limit, 2000)).allowed).toBe(true);
    await store.close();
    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    expect(await store.rateLimits.hit('signIn:test', limit, 3000)).toEqual({ window: { windowStart: 1000, count: 2 }, allowed: false, retryAfterMs: 58_000 });
  });

  it('drops counters whose window ended over a day ago', async () => {
    const limit = { attempts: 2, windowMs: 60_000 };
    await store.rateLimits.hit('old', limit, 0);
    await store.rateLimits.hit('new', limit, 2 * 24 * 3600 * 1000);
    expect(store.db.prepare('SELECT key FROM rate_limits ORDER BY key').all()).toEqual([{ key: 'new' }]);
  });

  it('stores no secret in the clear', async () => {
    const user = await store.accounts.createUser(newUser('hal@example.org'), change);
    await store.accounts.createSession({ tokenHash: 'a'.repeat(64), userId: user.id, expiresAt: '2999-01-01T00:00:00.000Z' }, change);
    const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
    try {
      const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      for (const table of ['sessions', 'email_tokens', 'api_tokens']) expect(columns(table)).toContain('token_hash');
      for (const table of ['users', 'sessions', 'email_tokens', 'api_tokens']) expect(columns(table).filter((c) => /^(token|password)$/.test(c))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
