import { describe, expect, it } from 'vitest';
import { MAX_RESTARTS, RESTART_WINDOW_MS, tooManyRestarts } from '../../../scripts/lib/supervisor';

describe('tooManyRestarts', () => {
  const now = 1_000_000;
  it('allows MAX_RESTARTS restarts within the window', () => {
    expect(tooManyRestarts(Array.from({ length: MAX_RESTARTS }, (_, i) => now - i * 1000), now)).toBe(false);
  });
  it('gives up at one more within the window', () => {
    expect(tooManyRestarts(Array.from({ length: MAX_RESTARTS + 1 }, (_, i) => now - i * 1000), now)).toBe(true);
  });
  it('forgets restarts older than the window', () => {
    const old = Array.from({ length: 10 }, (_, i) => now - RESTART_WINDOW_MS - 1 - i);
    expect(tooManyRestarts([...old, now], now)).toBe(false);
  });
});
