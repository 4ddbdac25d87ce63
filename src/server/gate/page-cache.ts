import type { BufferedAnswer } from './answer';
import { compressOnce, isCompressibleType, COMPRESS_MIN_BYTES } from './compression';

/**
 * Header a route sets (through src/middleware.ts) on an answer that depends only on its URL and the stored
 * data, so the gate may keep it until the data version changes. The gate removes it before anything is sent.
 */
export const CACHE_SCOPE_HEADER = 'x-cluster-map-cache';

/** The value of {@link CACHE_SCOPE_HEADER} for answers that depend only on the URL and the store's data version. */
export const CACHE_SCOPE_DATA = 'data';

/** A cached answer and the data version it was rendered from. */
interface Entry {
  version: string;
  answer: BufferedAnswer;
  bytes: number;
}

/**
 * Rendered public answers (pages, public API lists) kept per data version: every write bumps the version in the
 * same transaction (src/server/db), so an entry is never served after the data it shows has changed. Least
 * recently used entries go first once `maxEntries` or `maxBytes` is reached (URLs with queries are unbounded).
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** The answer cached for `key` at this data version, or undefined (a stale entry is dropped). */
  get(key: string, version: string): BufferedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.answer;
  }

  /** Keeps an answer for `key` at this data version, compressed once; returns the answer to send. */
  put(key: string, version: string, answer: BufferedAnswer): BufferedAnswer {
    const compressible = isCompressibleType(String(answer.headers['content-type'] ?? '')) && answer.body.length >= COMPRESS_MIN_BYTES && answer.headers['content-encoding'] === undefined;
    const stored: BufferedAnswer = compressible ? { ...answer, compressed: compressOnce(answer.body) } : answer;
    const bytes = stored.body.length + (stored.compressed?.br?.length ?? 0) + (stored.compressed?.gzip?.length ?? 0);
    if (bytes > this.maxBytes / 4) return stored; // one huge answer must not flush everything else
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { version, answer: stored, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return stored;
  }

  /** Number of entries and bytes held (health, tests). */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
