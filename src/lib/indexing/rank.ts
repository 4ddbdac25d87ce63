import { approximatelyEqual } from './tolerance';

/**
 * Standard competition ranking ("1224"), highest value first; values within the index
 * tolerance (1e-12, relative above 1) share a rank. Ties are measured against the first value
 * of the tied group, so a chain of tiny differences cannot drift into one long tie.
 *
 * @example
 * rankDescending([
 *   { id: 'a', value: 0.9 }, { id: 'b', value: 0.5 }, { id: 'c', value: 0.9 }, { id: 'd', value: 0.1 },
 * ]); // => Map { 'a' => 1, 'c' => 1, 'b' => 3, 'd' => 4 }
 */
export function rankDescending(items: ReadonlyArray<{ id: string; value: number }>): Map<string, number> {
  const seen = new Set<string>();
  for (const item of items) {
    if (!Number.isFinite(item.value)) {
      throw new RangeError(`Cannot rank "${item.id}": its value must be a finite number, got ${String(item.value)}`);
    }
    if (seen.has(item.id)) throw new Error(`Cannot rank: duplicate id "${item.id}"; each must appear once`);
    seen.add(item.id);
  }

  const values = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) values[i] = items[i]!.value;
  const ranksByPosition = competitionRanksDescending(values);
  // Entries in rank order (highest first, ties in input order), as readers of the map expect to iterate it.
  const order = Array.from(items.keys()).sort((a, b) => values[b]! - values[a]!);
  const ranks = new Map<string, number>();
  for (const i of order) ranks.set(items[i]!.id, ranksByPosition[i]!);
  return ranks;
}

/**
 * The ranks of {@link rankDescending} for finite values, by position: `ranks[i]` is the rank of `values[i]`.
 * O(n): the positions are put in ascending order by a radix sort over the values' bits, then the tied groups are
 * walked from the top. Equal values are always in the same group (a value is within the tolerance of itself).
 *
 * @example
 * competitionRanksDescending(Float64Array.of(0.9, 0.5, 0.9, 0.1)); // => Uint32Array [1, 3, 1, 4]
 */
export function competitionRanksDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  const order = ascendingOrder(values);
  const ranks = new Uint32Array(n);
  let groupRank = 0;
  let groupValue = Number.NaN;
  for (let position = 0; position < n; position++) {
    const i = order[n - 1 - position]!;
    const value = values[i]!;
    if (position === 0 || !approximatelyEqual(value, groupValue)) {
      groupRank = position + 1;
      groupValue = value;
    }
    ranks[i] = groupRank;
  }
  return ranks;
}

/** Index of the low and of the high 32-bit word of a float64 seen as two Uint32 (the platform's byte order). */
const [LOW_WORD, HIGH_WORD] = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? [0, 1] : [1, 0];

/**
 * Positions of finite `values` in ascending numeric order (-0 before +0), by a least-significant-digit radix sort
 * over the IEEE-754 bits, a byte per pass: linear in n, where a sort with a comparison callback is not (and a binary
 * search per value to find its place in sorted copy missed the cache on each step: 100,000 values took 40-130 ms).
 */
function ascendingOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  // Keys that sort as unsigned integers the way the numbers do: a negative has every bit flipped, a positive its sign bit.
  const keys = new Uint32Array(Float64Array.from(values).buffer);
  for (let i = 0; i < n; i++) {
    const high = keys[2 * i + HIGH_WORD]!;
    if (high & 0x80000000) {
      keys[2 * i + HIGH_WORD] = ~high >>> 0;
      keys[2 * i + LOW_WORD] = ~keys[2 * i + LOW_WORD]! >>> 0;
    } else keys[2 * i + HIGH_WORD] = (high | 0x80000000) >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? LOW_WORD : HIGH_WORD;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[2 * order[k]! + word]! >>> shift) & 0xff]! += 1;
    if (counts.includes(n)) continue; // every key has the same byte here: the pass would move nothing
    let start = 0;
    for (let digit = 0; digit < 256; digit++) {
      const count = counts[digit]!;
      counts[digit] = start;
      start += count;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(keys[2 * i + word]! >>> shift) & 0xff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}
