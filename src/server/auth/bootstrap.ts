import { PASSWORD_MIN } from '../../lib/accounts/limits';
import { emailSchema, newPasswordSchema } from '../../lib/accounts/schemas';
import type { Store } from '../db/store-interfaces';
import { hashPassword, verifyPassword } from './passwords';

/** ADMIN_EMAIL or ADMIN_PASSWORD is unusable: npm start stops with this message. */
export class AdminBootstrapError extends Error {
  override name = 'AdminBootstrapError';
}

/**
 * Creates or updates the first moderator from ADMIN_EMAIL and ADMIN_PASSWORD (both or neither): confirmed,
 * enabled, role moderator, with this password. Returns what it did, or null when the variables are not set.
 */
export async function bootstrapAdmin(store: Store, env: NodeJS.ProcessEnv = process.env): Promise<'created' | 'updated' | 'unchanged' | null> {
  const rawEmail = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!rawEmail && !password) return null;
  if (!rawEmail || !password) throw new AdminBootstrapError('set both ADMIN_EMAIL and ADMIN_PASSWORD (or neither) to create the first moderator');
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new AdminBootstrapError(`ADMIN_EMAIL "${rawEmail}" is not an email address`);
  if (!newPasswordSchema.safeParse(password).success) {
    throw new AdminBootstrapError(`ADMIN_PASSWORD has ${password.length} characters: it needs at least ${PASSWORD_MIN} (and at most 256)`);
  }
  const existing = await store.accounts.findUserByEmail(email.data);
  const change = { actor: 'ADMIN_EMAIL', action: existing ? 'account.bootstrapUpdate' : 'account.bootstrapCreate' };
  if (!existing) {
    await store.accounts.createUser(
      { email: email.data, name: email.data.split('@')[0]!, passwordHash: await hashPassword(password), role: 'moderator', lang: 'ru', confirmedAt: new Date().toISOString() },
      change,
    );
    return 'created';
  }
  const samePassword = await verifyPassword(password, existing.passwordHash);
  if (samePassword && existing.role === 'moderator' && existing.confirmedAt && !existing.disabledAt) return 'unchanged';
  await store.accounts.updateUser(
    existing.id,
    {
      role: 'moderator',
      confirmedAt: existing.confirmedAt ?? new Date().toISOString(),
      disabledAt: null,
      ...(samePassword ? {} : { passwordHash: await hashPassword(password) }),
    },
    change,
  );
  return 'updated';
}
