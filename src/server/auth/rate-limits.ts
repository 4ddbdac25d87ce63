import { RATE_LIMITS, type RateLimitName } from '../../lib/accounts/rate-limit';
import type { Store } from '../db/store-interfaces';

/** Whether an attempt may go ahead, else how long to wait. */
export type RateCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Counts one attempt against each named limit for its subject (an IP or an account) and refuses when any is
 * spent, with the longest wait among them.
 *
 * @example checkRateLimits(store, [['signInPerIp', '127.0.0.1'], ['signInPerAccount', 'a@b.org']])
 */
export async function checkRateLimits(store: Store, checks: ReadonlyArray<readonly [RateLimitName, string]>): Promise<RateCheck> {
  let wait = 0;
  for (const [name, subject] of checks) {
    const decision = await store.rateLimits.hit(`${name}:${subject}`, RATE_LIMITS[name]);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterMs);
  }
  return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
}
