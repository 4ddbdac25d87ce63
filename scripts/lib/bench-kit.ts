// Small pieces the benchmark scripts share: flag parsing, a seeded random source, quantiles.

/** Parses a whole-number flag of at least 1, or stops with the flag's name and value. */
export function positiveIntFlag(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, got "${text}"`);
    process.exit(2);
  }
  return n;
}

/** Deterministic PRNG (mulberry32), so runs with the same --seed generate the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Value at quantile q of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
