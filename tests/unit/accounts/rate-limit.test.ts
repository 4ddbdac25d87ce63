import { describe, expect, it } from 'vitest';
import { countAttempt, minutesToWait, RATE_LIMITS, retryAfterSeconds } from '../../../src/lib/accounts/rate-limit';

const limit = { attempts: 3, windowMs: 600_000 };

describe('countAttempt (fixed window)', () => {
  it('starts a window at the first attempt', () => {
    expect(countAttempt(undefined, 1000, limit)).toEqual({ window: { windowStart: 1000, count: 1 }, allowed: true, retryAfterMs: 0 });
  });

  it('counts attempts up to the limit, then refuses until the window ends, without counting refusals', () => {
    let window = countAttempt(undefined, 0, limit).window;
    window = countAttempt(window, 1000, limit).window;
    const third = countAttempt(window, 2000, limit);
    expect(third).toEqual({ window: { windowStart: 0, count: 3 }, allowed: true, retryAfterMs: 0 });
    const fourth = countAttempt(third.window, 60_000, limit);
    expect(fourth).toEqual({ window: { windowStart: 0, count: 3 }, allowed: false, retryAfterMs: 540_000 });
  });

  it('opens a new window once the old one has ended', () => {
    expect(countAttempt({ windowStart: 0, count: 3 }, 600_000, limit)).toEqual({ window: { windowStart: 600_000, count: 1 }, allowed: true, retryAfterMs: 0 });
  });

  it('treats a window that starts in the future (a clock set back) as over', () => {
    expect(countAttempt({ windowStart: 5000, count: 3 }, 1000, limit).allowed).toBe(true);
  });
});

describe('waits in words', () => {
  it.each([
    [1, 1],
    [60_000, 1],
    [60_001, 2],
    [840_000, 14],
  ])('%i ms is %i minute(s) to wait', (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1500)).toBe(2);
  });

  it('uses windows of an hour at most (the store drops counters a day old)', () => {
    for (const limit of Object.values(RATE_LIMITS)) expect(limit.windowMs).toBeLessThanOrEqual(3600_000);
  });

  it('limits each account more tightly than each address (many people may share one IP)', () => {
    expect(RATE_LIMITS.signInPerAccount.attempts).toBeLessThan(RATE_LIMITS.signInPerIp.attempts);
    expect(RATE_LIMITS.resetPerAccount.attempts).toBeLessThan(RATE_LIMITS.resetPerIp.attempts);
  });
});
