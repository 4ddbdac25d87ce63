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

  const sorted = [...items].sort((a, b) => b.value - a.value);
  const ranks = new Map<string, number>();
  let groupRank = 0;
  let groupValue = Number.NaN;
  sorted.forEach((item, position) => {
    if (position === 0 || !approximatelyEqual(item.value, groupValue)) {
      groupRank = position + 1;
      groupValue = item.value;
    }
    ranks.set(item.id, groupRank);
  });
  return ranks;
}
