import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateBearer } from '../../../src/server/auth/bearer';
import { issueApiToken } from '../../../src/server/auth/accounts';
import { closeStore, getStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';

// authenticateBearer against the process-wide store (a real SQLite file in a temporary DATA_DIR).
describe('authenticateBearer', () => {
  const temp = makeTempDir();
  const previous = process.env.DATA_DIR;
  let token = '';
  let userId = 0;

  beforeAll(async () => {
    process.env.DATA_DIR = temp.dir;
    const store = await getStore();
    const user = await store.accounts.createUser(
      { email: 'bearer@example.org', name: 'Bea', passwordHash: 'scrypt$1$1$1$x$y', role: 'manager', lang: 'en', confirmedAt: new Date().toISOString() },
      { actor: 'test', action: 'account.test' },
    );
    userId = user.id;
    token = (await issueApiToken(store, user, 'test')).token;
  });
  afterAll(async () => {
    await closeStore();
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    temp.remove();
  });

  const request = (headers: Record<string, string>) => new Request('http://localhost/api/v1/me/clusters', { headers });

  it('accepts Authorization: Bearer <token> and gives the account', async () => {
    const auth = await authenticateBearer(request({ authorization: `Bearer ${token}` }));
    expect(auth).toEqual({ ok: true, user: { id: userId, email: 'bearer@example.org', name: 'Bea', role: 'manager' } });
  });

  it.each([
    ['no header', {}],
    ['another scheme', { authorization: `Basic ${token}` }],
    ['an unknown token', { authorization: `Bearer ${'A'.repeat(43)}` }],
    ['the token in a cookie', { cookie: `cm_session=${token}` }],
  ])('answers 401 with WWW-Authenticate for %s', async (_label, headers) => {
    const auth = await authenticateBearer(request(headers));
    expect(auth.ok).toBe(false);
    if (auth.ok) return;
    expect(auth.response.status).toBe(401);
    expect(auth.response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await auth.response.json()).error).toMatch(/token/);
  });

  it('answers 403 for a disabled account, 401 once the token is revoked', async () => {
    const store = await getStore();
    const other = await issueApiToken(store, { id: userId }, 'second');
    const statusOf = async () => {
      const auth = await authenticateBearer(request({ authorization: `Bearer ${other.token}` }));
      return auth.ok ? 200 : auth.response.status;
    };
    expect(await statusOf()).toBe(200);
    await store.accounts.updateUser(userId, { disabledAt: new Date().toISOString() }, { actor: 'test', action: 'account.disable' });
    expect(await statusOf()).toBe(403);
    await store.accounts.revokeApiToken(userId, other.id, { actor: 'test', action: 'apiToken.revoke' });
    expect(await statusOf()).toBe(401);
  });
});
