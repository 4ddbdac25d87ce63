/**
 * The moderators' view of accounts: list and find them, disable and enable one. A disabled account's sessions and
 * API tokens are refused from the next request on (resolveSession and authenticateBearer read disabled_at); its
 * sessions are also deleted, so enabling it again does not revive them. Every change is in the audit log.
 */
import { WorkflowError, type Actor } from '../../lib/workflow';
import type { Store, UserRecord } from '../db/store-interfaces';
import { requireModerator } from '../workflow/revisions';

/** How many accounts one page of the list shows at most. */
export const ACCOUNTS_PAGE_LIMIT = 200;

/** An account as the moderators' list shows it (never its secrets). */
export type AccountListItem = Pick<UserRecord, 'id' | 'email' | 'name' | 'role' | 'confirmedAt' | 'disabledAt' | 'createdAt'>;

/** Accounts whose e-mail or name contains the text, newest first; moderators only. */
export async function listAccounts(store: Store, actor: Actor, text = ''): Promise<AccountListItem[]> {
  requireModerator(actor, 'list the accounts');
  const users = await store.accounts.listUsers({ text: text.slice(0, 320), limit: ACCOUNTS_PAGE_LIMIT });
  return users.map(({ id, email, name, role, confirmedAt, disabledAt, createdAt }) => ({ id, email, name, role, confirmedAt, disabledAt, createdAt }));
}

/** Disables (ending its sessions) or enables an account; moderators only, never their own account. */
export async function setAccountDisabled(store: Store, actor: Actor, userId: number, disabled: boolean): Promise<AccountListItem> {
  requireModerator(actor, `${disabled ? 'disable' : 'enable'} an account`);
  if (disabled && userId === actor.userId) throw new WorkflowError('own-account', `Account ${userId} is the moderator's own: another moderator may disable it.`);
  return store.transaction(async (tx) => {
    const user = await tx.accounts.getUser(userId);
    if (!user) throw new WorkflowError('not-found', `There is no account ${userId}.`);
    if (Boolean(user.disabledAt) !== disabled) {
      const change = { actor: `user:${actor.userId}`, action: disabled ? 'account.disable' : 'account.enable' };
      await tx.accounts.updateUser(userId, { disabledAt: disabled ? new Date().toISOString() : null }, change);
      if (disabled) await tx.accounts.deleteSessionsOf(userId);
    }
    const { id, email, name, role, confirmedAt, disabledAt, createdAt } = (await tx.accounts.getUser(userId))!;
    return { id, email, name, role, confirmedAt, disabledAt, createdAt };
  });
}
