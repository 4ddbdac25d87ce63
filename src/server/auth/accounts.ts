import { CONFIRM_TOKEN_TTL_MS, RESET_TOKEN_TTL_MS, SESSION_TTL_MS, type Role } from '../../lib/accounts/limits';
import type { RegisterInput, ResetPasswordInput, SignInInput } from '../../lib/accounts/schemas';
import type { Lang } from '../../lib/i18n/locales';
import type { ApiTokenInfo, EmailTokenPurpose, Store, UserRecord } from '../db/store-interfaces';
import { accountMail, type AccountMailKind } from '../mail/compose';
import { getMailWorker } from '../mail/worker';
import { acceptInvitations } from '../workflow/invitations';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { checkRateLimits } from './rate-limits';
import { hashToken, newToken } from './tokens';

/**
 * The account operations behind the forms (Astro Actions) and the JSON API: one implementation for both. Inputs
 * are already validated by the schemas of src/lib/accounts/schemas.ts. Every change and the mail it causes commit
 * in one unit of work.
 */

/** Who is signed in, as pages and routes see it (Astro.locals.user). */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** Where a request came from: for rate limits, the session row and the language of mails. */
export interface RequestMeta {
  ip: string;
  userAgent?: string | null;
  lang: Lang;
}

/** A refusal for too many attempts, with the wait. */
export interface RateLimited {
  ok: false;
  reason: 'rateLimited';
  retryAfterMs: number;
}

/** The public face of an account. */
export function toAuthUser(user: UserRecord): AuthUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const actorOf = (user: Pick<UserRecord, 'id'>) => `user:${user.id}`;
const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Queues a mailed link (its token hash stored, the previous unused one of that purpose voided) inside the caller's unit of work. */
async function queueLinkMail(tx: Store, kind: Extract<AccountMailKind, 'confirm' | 'reset'>, user: UserRecord): Promise<void> {
  const token = newToken();
  const purpose: EmailTokenPurpose = kind;
  await tx.accounts.createEmailToken({
    tokenHash: hashToken(token),
    purpose,
    userId: user.id,
    expiresAt: inFuture(kind === 'confirm' ? CONFIRM_TOKEN_TTL_MS : RESET_TOKEN_TTL_MS),
  });
  await tx.mailOutbox.enqueue(accountMail(kind, user, token));
}

/** Wakes the mail worker after a unit of work that queued mail has committed. */
function deliverSoon(store: Store): void {
  getMailWorker(store).wake();
}

/**
 * Signs up. The answer is the same whether or not the email is taken (no enumeration): a new account gets a
 * confirmation link, an unconfirmed one a fresh link, a confirmed one a note that it already has an account.
 */
export async function register(store: Store, input: RegisterInput, meta: RequestMeta): Promise<{ ok: true } | RateLimited> {
  const limited = await checkRateLimits(store, [
    ['signUpPerIp', meta.ip],
    ['signUpPerAccount', input.email],
  ]);
  if (!limited.ok) return { ok: false, reason: 'rateLimited', retryAfterMs: limited.retryAfterMs };
  const passwordHash = await hashPassword(input.password);
  await store.transaction(async (tx) => {
    const existing = await tx.accounts.findUserByEmail(input.email);
    if (existing?.confirmedAt) return void (await tx.mailOutbox.enqueue(accountMail('exists', existing, null)));
    if (existing) return queueLinkMail(tx, 'confirm', existing);
    const user = await tx.accounts.createUser(
      { email: input.email, name: input.name, passwordHash, role: 'manager', lang: meta.lang },
      { actor: 'anonymous', action: 'account.register' },
    );
    await queueLinkMail(tx, 'confirm', user);
  });
  deliverSoon(store);
  return { ok: true };
}

/** Outcome of following a mailed link. */
export type LinkOutcome = 'done' | 'expired' | 'invalid';

/** Confirms an address with a confirmation link's token (single use); invitations to that address take effect. */
export async function confirmEmail(store: Store, token: string): Promise<LinkOutcome> {
  return store.transaction(async (tx) => {
    const use = await tx.accounts.useEmailToken(hashToken(token), 'confirm');
    if (!use.ok) return use.reason === 'unknown' ? 'invalid' : 'expired';
    const user = await tx.accounts.getUser(use.userId);
    if (user && !user.confirmedAt) {
      await tx.accounts.updateUser(user.id, { confirmedAt: new Date().toISOString() }, { actor: actorOf(user), action: 'account.confirm' });
      await acceptInvitations(tx, user); // the address is proven now: invitations to manage clusters take effect
    }
    return 'done';
  });
}

/** Why a sign-in was refused (disabled and unconfirmed are told only to whoever knows the password). */
export type SignInRefusal = { ok: false; reason: 'badCredentials' | 'unconfirmed' | 'disabled' } | RateLimited;

/** Checks an email and password (rate-limited per IP and account); an unconfirmed account gets a fresh link. */
export async function checkCredentials(
  store: Store,
  input: SignInInput,
  meta: RequestMeta,
  limits: 'signIn' | 'token' = 'signIn',
): Promise<{ ok: true; user: UserRecord } | SignInRefusal> {
  const limited = await checkRateLimits(store, [
    [`${limits}PerIp`, meta.ip],
    [`${limits}PerAccount`, input.email],
  ]);
  if (!limited.ok) return { ok: false, reason: 'rateLimited', retryAfterMs: limited.retryAfterMs };
  const user = await store.accounts.findUserByEmail(input.email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches) return { ok: false, reason: 'badCredentials' };
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  if (!user.confirmedAt) {
    await store.transaction((tx) => queueLinkMail(tx, 'confirm', user));
    deliverSoon(store);
    return { ok: false, reason: 'unconfirmed' };
  }
  return { ok: true, user };
}

/**
 * Signs in: checks the credentials and starts a new session (the old one, if any, ends: the session id rotates
 * on every sign-in). Returns the new session's token for the cookie.
 */
export async function signIn(
  store: Store,
  input: SignInInput,
  meta: RequestMeta,
  previousToken?: string,
): Promise<{ ok: true; token: string; user: AuthUser } | SignInRefusal> {
  const checked = await checkCredentials(store, input, meta);
  if (!checked.ok) return checked;
  const token = newToken();
  await store.transaction(async (tx) => {
    if (previousToken) await tx.accounts.deleteSession(hashToken(previousToken), { actor: actorOf(checked.user), action: 'session.rotate' });
    await tx.accounts.createSession(
      { tokenHash: hashToken(token), userId: checked.user.id, expiresAt: inFuture(SESSION_TTL_MS), ip: meta.ip, userAgent: meta.userAgent },
      { actor: actorOf(checked.user), action: 'session.signIn' },
    );
  });
  return { ok: true, token, user: toAuthUser(checked.user) };
}

/** Ends the session of a cookie's token (nothing happens for an unknown one). */
export async function signOut(store: Store, token: string): Promise<void> {
  const session = await store.accounts.findSession(hashToken(token));
  await store.accounts.deleteSession(hashToken(token), { actor: session ? actorOf(session.user) : 'anonymous', action: 'session.signOut' });
}

/** How stale last_seen_at may get before a request records it (a write per page view would be wasteful). */
const TOUCH_AFTER_MS = 3600 * 1000;

/** The signed-in account of a session cookie's token, or null (unknown, expired, or the account is disabled). */
export async function resolveSession(store: Store, token: string): Promise<AuthUser | null> {
  const session = await store.accounts.findSession(hashToken(token));
  if (!session || session.user.disabledAt) return null;
  if (Date.now() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) await store.accounts.touchSession(session.id);
  return toAuthUser(session.user);
}

/** Mails a password reset link when the email has an enabled account; the answer is the same either way. */
export async function requestPasswordReset(store: Store, email: string, meta: RequestMeta): Promise<{ ok: true } | RateLimited> {
  const limited = await checkRateLimits(store, [
    ['resetPerIp', meta.ip],
    ['resetPerAccount', email],
  ]);
  if (!limited.ok) return { ok: false, reason: 'rateLimited', retryAfterMs: limited.retryAfterMs };
  await store.transaction(async (tx) => {
    const user = await tx.accounts.findUserByEmail(email);
    if (!user || user.disabledAt) return;
    await queueLinkMail(tx, 'reset', user);
    await tx.accounts.audit({ actor: 'anonymous', action: 'account.resetRequested' }, `user:${user.id}`);
  });
  deliverSoon(store);
  return { ok: true };
}

/** Whether a reset link still works (to show its form or say that it expired). */
export async function checkResetLink(store: Store, token: string): Promise<LinkOutcome> {
  const check = await store.accounts.checkEmailToken(hashToken(token), 'reset');
  return check.ok ? 'done' : check.reason === 'unknown' ? 'invalid' : 'expired';
}

/** Sets a new password with a reset link (single use); every session of the account ends. The link also proves the address. */
export async function resetPassword(store: Store, input: ResetPasswordInput): Promise<LinkOutcome> {
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const use = await tx.accounts.useEmailToken(hashToken(input.token), 'reset');
    if (!use.ok) return use.reason === 'unknown' ? 'invalid' : 'expired';
    const user = await tx.accounts.getUser(use.userId);
    if (!user || user.disabledAt) return 'invalid';
    await tx.accounts.updateUser(
      user.id,
      { passwordHash, confirmedAt: user.confirmedAt ?? new Date().toISOString() },
      { actor: actorOf(user), action: 'account.passwordReset' },
    );
    if (!user.confirmedAt) await acceptInvitations(tx, user); // the reset link proved the address, as a confirmation does
    await tx.accounts.deleteSessionsOf(user.id);
    return 'done';
  });
}

/** Creates an API token for an account (rate-limited per IP and account); the token is returned once and only its hash is kept. */
export async function createApiToken(
  store: Store,
  user: Pick<UserRecord, 'id' | 'email'>,
  name: string,
  meta: RequestMeta,
): Promise<{ ok: true; token: string; id: number } | RateLimited> {
  const limited = await checkRateLimits(store, [
    ['tokenPerIp', meta.ip],
    ['tokenPerAccount', user.email],
  ]);
  if (!limited.ok) return { ok: false, reason: 'rateLimited', retryAfterMs: limited.retryAfterMs };
  return { ok: true, ...(await issueApiToken(store, user, name)) };
}

/** Makes an API token without counting it (the caller has counted the attempt, e.g. checkCredentials with the token limits). */
export async function issueApiToken(store: Store, user: Pick<UserRecord, 'id'>, name: string): Promise<{ token: string; id: number }> {
  const token = newToken();
  const id = await store.accounts.createApiToken({ tokenHash: hashToken(token), userId: user.id, name }, { actor: actorOf(user), action: 'apiToken.create' });
  return { token, id };
}

/** The API tokens of an account (names and dates only). */
export function listApiTokens(store: Store, userId: number): Promise<ApiTokenInfo[]> {
  return store.accounts.listApiTokens(userId);
}

/** Revokes one of the account's API tokens; false when it has no such live token. */
export function revokeApiToken(store: Store, user: Pick<UserRecord, 'id'>, tokenId: number): Promise<boolean> {
  return store.accounts.revokeApiToken(user.id, tokenId, { actor: actorOf(user), action: 'apiToken.revoke' });
}
