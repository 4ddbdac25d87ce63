/**
 * Rate limits of the account actions, named once, and the fixed-window arithmetic behind them (pure; the counters
 * live in the store's rate_limits table so that they survive restarts).
 */

/** How many attempts a key may make per window. */
export interface RateLimit {
  attempts: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** Every limit: per client IP and per account (the email or user), for each guarded action. */
export const RATE_LIMITS = {
  signInPerIp: { attempts: 50, windowMs: 15 * MINUTE },
  signInPerAccount: { attempts: 10, windowMs: 15 * MINUTE },
  signUpPerIp: { attempts: 20, windowMs: 60 * MINUTE },
  signUpPerAccount: { attempts: 3, windowMs: 60 * MINUTE },
  resetPerIp: { attempts: 20, windowMs: 60 * MINUTE },
  resetPerAccount: { attempts: 5, windowMs: 60 * MINUTE },
  tokenPerIp: { attempts: 30, windowMs: 60 * MINUTE },
  tokenPerAccount: { attempts: 10, windowMs: 60 * MINUTE },
  // Invitations mail addresses nobody confirmed: a cap keeps the portal from being used to send mail at will.
  invitePerAccount: { attempts: 10, windowMs: 60 * MINUTE },
  // Messages to clusters' managers mail the address typed in the form (its confirmation link): capped per IP and per address.
  contactPerIp: { attempts: 20, windowMs: 60 * MINUTE },
  contactPerSender: { attempts: 5, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

/** Name of one limit. */
export type RateLimitName = keyof typeof RATE_LIMITS;

/** A counter as stored: when its window began (ms since the epoch) and the attempts counted in it. */
export interface RateWindow {
  windowStart: number;
  count: number;
}

/** The outcome of one attempt: the counter to store, and whether the attempt may go ahead (else how long to wait). */
export interface RateDecision {
  window: RateWindow;
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Counts one attempt against a fixed window. A new window starts when there is none or the last one has ended;
 * a refused attempt is not counted (waiting out the window is enough).
 *
 * @example countAttempt({ windowStart: 0, count: 10 }, 60_000, { attempts: 10, windowMs: 900_000 })
 * // => { window: { windowStart: 0, count: 10 }, allowed: false, retryAfterMs: 840_000 }
 */
export function countAttempt(current: RateWindow | undefined, now: number, limit: RateLimit): RateDecision {
  if (!current || now >= current.windowStart + limit.windowMs || now < current.windowStart) {
    return { window: { windowStart: now, count: 1 }, allowed: true, retryAfterMs: 0 };
  }
  if (current.count >= limit.attempts) {
    return { window: current, allowed: false, retryAfterMs: current.windowStart + limit.windowMs - now };
  }
  return { window: { windowStart: current.windowStart, count: current.count + 1 }, allowed: true, retryAfterMs: 0 };
}

/**
 * Whole minutes to tell a user to wait (at least 1), rounding up so that trying again then succeeds.
 *
 * @example minutesToWait(61_000) // => 2
 */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / MINUTE));
}

/** Seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
