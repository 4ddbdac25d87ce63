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
 * O(n log n) without a comparison callback: the values are sorted as numbers once, the tied groups are walked from
 * the top, and each value finds its group by binary search. Equal values always fall in the same group, so which
 * of them the search lands on does not matter.
 *
 * @example
 * competitionRanksDescending(Float64Array.of(0.9, 0.5, 0.9, 0.1)); // => Uint32Array [1, 3, 1, 4]
 */
export function competitionRanksDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  const ascending = Float64Array.from(values).sort();
  // rankAt[k]: the rank of the value at ascending[k]; position from the top is n - 1 - k.
  const rankAt = new Uint32Array(n);
  let groupRank = 0;
  let groupValue = Number.NaN;
  for (let position = 0; position < n; position++) {
    const value = ascending[n - 1 - position]!;
    if (position === 0 || !approximatelyEqual(value, groupValue)) {
      groupRank = position + 1;
      groupValue = value;
    }
    rankAt[n - 1 - position] = groupRank;
  }
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ascending[middle]! < value) low = middle + 1;
      else high = middle;
    }
    ranks[i] = rankAt[low]!;
  }
  return ranks;
}
