import { issueApiToken } from '../../src/server/auth/accounts';
import { hashPassword } from '../../src/server/auth/passwords';
import { nowIso } from '../../src/server/db/connection';
import { openStore } from '../../src/server/store';
import { CONTENT_DIR } from '../integration/db/store-helpers';
import { submittableInput } from '../integration/workflow/helpers';

/**
 * `count` confirmed manager accounts with an API token each, made through the account operations on dataDir before a
 * portal starts there (sign-ups over HTTP are rate-limited per address: 20 an hour).
 */
export async function createManagerTokens(dataDir: string, count: number, prefix = 'manager'): Promise<string[]> {
  const store = await openStore({ dataDir, contentDir: CONTENT_DIR });
  try {
    const passwordHash = await hashPassword('managers passphrase'); // one scrypt for all: they never sign in
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const user = await store.accounts.createUser(
        { email: `${prefix}-${i}@example.org`, name: `${prefix} ${i}`, passwordHash, role: 'manager', lang: 'en', confirmedAt: nowIso() },
        { actor: 'test', action: 'account.register' },
      );
      tokens.push((await issueApiToken(store, user, prefix)).token);
    }
    return tokens;
  } finally {
    await store.close();
  }
}

/** Creates a registration named after its slug through POST /api/v1/me/clusters with a manager's token (the answer as is). */
export function postRegistration(portalUrl: string, token: string, slug: string): Promise<Response> {
  const input = submittableInput((p) => ((p.slug = slug), (p.general.name = { ru: `Кластер ${slug}`, en: `Cluster ${slug}` })));
  return fetch(`${portalUrl}/api/v1/me/clusters`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
}
