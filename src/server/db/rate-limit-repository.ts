import { countAttempt, type RateDecision, type RateLimit, type RateWindow } from '../../lib/accounts/rate-limit';
import { SqliteRepository } from './sqlite-repository';
import type { RateLimitStore } from './store-interfaces';

/** Age after which a counter is deleted: longer than any window in RATE_LIMITS. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/** SQLite repository of rate_limits: one fixed-window counter per key (e.g. "signIn:ip:127.0.0.1"). */
export class RateLimitRepository extends SqliteRepository implements RateLimitStore {
  /** Reads, counts (src/lib/accounts/rate-limit.ts) and stores in one transaction, so concurrent attempts all count. */
  async hit(key: string, limit: RateLimit, now = Date.now()): Promise<RateDecision> {
    return this.write(() => {
      const row = this.sql('SELECT window_start AS windowStart, count FROM rate_limits WHERE key = ?').get(key) as RateWindow | undefined;
      const decision = countAttempt(row, now, limit);
      if (decision.allowed) {
        this.sql('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = excluded.count').run(
          key,
          decision.window.windowStart,
          decision.window.count,
        );
      }
      // Counters whose window ended long ago only take space (every limit's window is at most an hour).
      this.sql('DELETE FROM rate_limits WHERE window_start < ?').run(now - STALE_AFTER_MS);
      return decision;
    });
  }
}
