/**
 * The multivariate comparative index (HSE 2015, formula 1) over a comparison set:
 *
 *     I_i = sqrt( Σ_j α_j · ( x_ij / max_k x_kj )² )
 *
 * The weight sits outside the ratio on purpose. The paper writes (α_j·x_ij / max_k α_j·x_kj)²,
 * where α_j cancels out; the product uses the classic form so that weights change the result.
 * With unit weights both forms give the same value.
 */

/** Raw indicator values of one item; `null`/`undefined` (or an absent key) means "n/a". */
export type IndicatorValues<K extends string> = Partial<Record<K, number | null | undefined>>;

/** One member of a comparison set: a cluster or a region, identified by `id`. */
export type IndexItem<K extends string> = { id: string; values: IndicatorValues<K> };

/** Options of {@link computeIndexOverSet}. */
export type IndexOptions = {
  /** Let negative values count as reported but contribute 0 and stay out of the maximum (trade surplus). */
  negativeAsZero?: boolean;
};

/** How to read the id and values of an item of another shape than {@link IndexItem} (no copy of the set is made). */
export interface IndexItemReader<T, K extends string> {
  id(item: T): string;
  values(item: T): IndicatorValues<K>;
}

/** Options of {@link computeExplainableIndexOverSet}. */
export type ExplainableIndexOptions<T, K extends string> = IndexOptions & {
  /** Reads items that are not {@link IndexItem}s. */
  reader?: IndexItemReader<T, K>;
  /** The caller has checked that the ids are distinct (hashing 100,000 ids twice is a third of the computation). */
  idsChecked?: boolean;
};

/** Reads an {@link IndexItem}. */
const INDEX_ITEM_READER: IndexItemReader<IndexItem<string>, string> = { id: (item) => item.id, values: (item) => item.values };

/** How one indicator adds to an item's index: `contribution = weight · ratio²`. */
export type IndicatorContribution<K extends string> = {
  indicator: K;
  /** The reported value as given (possibly negative under `negativeAsZero`), `null` when n/a. */
  value: number | null;
  /** Largest reported value of this indicator in the comparison set (0 when none is positive). */
  max: number;
  weight: number;
  /** `value / max`; 0 for n/a, for a negative value under `negativeAsZero`, or when `max` is 0. */
  ratio: number;
  contribution: number;
};

/** Index of one item: `value = sqrt(Σ contributions)`, with `reported` of `of` indicators given. */
export type IndexResult<K extends string> = {
  id: string;
  value: number;
  reported: number;
  of: number;
  contributions: Array<IndicatorContribution<K>>;
};

/** Results together with the set-wide maxima and the weights used, for explaining an index. */
export type IndexOverSetExplanation<K extends string> = {
  results: Array<IndexResult<K>>;
  maxima: Record<K, number>;
  weights: Record<K, number>;
};

/**
 * Weight 1 for every indicator: the default, as in the paper.
 *
 * @example
 * unitWeights(['a', 'b'] as const); // => { a: 1, b: 1 }
 */
export function unitWeights<K extends string>(indicators: readonly K[]): Record<K, number> {
  const weights = {} as Record<K, number>;
  for (const indicator of indicators) weights[indicator] = 1;
  return weights;
}

/**
 * Index values of a set whose explanation (each item's contributions) is built only when asked for: the index of
 * 100,000 clusters is computed on every data change, but only the few shown are explained.
 */
export interface ExplainableIndexSet<K extends string> {
  /** Index value of each item, in input order. */
  values: Float64Array;
  maxima: Record<K, number>;
  weights: Record<K, number>;
  /** How each indicator adds to the index of the item at `position` (a new array on each call). */
  contributionsOf(position: number): Array<IndicatorContribution<K>>;
  /** Index values of the items at `positions` as a comparison set of their own (their maxima, not the set's). */
  valuesOfSubset(positions: ArrayLike<number>): Float64Array;
}

/**
 * Index values of every item over the set, with the explanation of any item on demand (same arithmetic, same bits
 * as {@link computeIndexOverSetWithExplanation}).
 *
 * @example
 * const set = computeExplainableIndexOverSet([{ id: 'a', values: { x: 2 } }, { id: 'b', values: { x: 4 } }], ['x'], { x: 1 });
 * set.values; // => Float64Array [0.5, 1]
 * set.contributionsOf(0)[0].ratio; // => 0.5
 */
export function computeExplainableIndexOverSet<K extends string, T = IndexItem<K>>(
  items: ReadonlyArray<T>,
  indicators: readonly K[],
  weights: Record<K, number>,
  options: ExplainableIndexOptions<T, K> = {},
): ExplainableIndexSet<K> {
  const reader = options.reader ?? (INDEX_ITEM_READER as unknown as IndexItemReader<T, K>);
  const set = readComparisonSet(items, reader, indicators, weights, options, options.idsChecked !== true);
  const { table, maximaList, weightList } = set;
  const m = indicators.length;
  const rows = Array.from({ length: items.length }, (_, i) => i);
  return {
    values: indexValues(table, m, rows, maximaList, weightList),
    maxima: set.maxima,
    weights: set.weights,
    contributionsOf(position) {
      const contributions = new Array<IndicatorContribution<K>>(m);
      for (let j = 0; j < m; j++) {
        const raw = table[position * m + j]!;
        const max = maximaList[j]!;
        const weight = weightList[j]!;
        const ratio = ratioOf(raw, max);
        contributions[j] = { indicator: indicators[j]!, value: Number.isNaN(raw) ? null : raw, max, weight, ratio, contribution: weight * ratio * ratio };
      }
      return contributions;
    },
    valuesOfSubset(positions) {
      const maxima = new Float64Array(m);
      for (let p = 0; p < positions.length; p++) {
        const row = positions[p]! * m;
        for (let j = 0; j < m; j++) if (table[row + j]! > maxima[j]!) maxima[j] = table[row + j]!; // NaN (n/a) is never greater
      }
      return indexValues(table, m, positions, maxima, weightList);
    },
  };
}

/** `sqrt(Σ_j weight_j · ratio_j²)` of each row of the flat table named by `rows`, in the order of `rows`. */
function indexValues(table: Float64Array, m: number, rows: ArrayLike<number>, maximaList: Float64Array, weightList: Float64Array): Float64Array {
  const values = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]! * m;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const ratio = ratioOf(table[row + j]!, maximaList[j]!);
      sum += weightList[j]! * ratio * ratio;
    }
    values[r] = Math.sqrt(sum);
  }
  return values;
}

/**
 * Index of every item over the set, plus the maxima and weights that explain it.
 *
 * @example
 * const { results, maxima } = computeIndexOverSetWithExplanation(
 *   [{ id: 'a', values: { x: 2 } }, { id: 'b', values: { x: 4 } }],
 *   ['x'], { x: 1 },
 * );
 * maxima.x; // => 4
 * results.map((r) => r.value); // => [0.5, 1]
 */
export function computeIndexOverSetWithExplanation<K extends string>(
  items: ReadonlyArray<IndexItem<K>>,
  indicators: readonly K[],
  weights: Record<K, number>,
  options: IndexOptions = {},
): IndexOverSetExplanation<K> {
  const set = computeExplainableIndexOverSet(items, indicators, weights, options);
  const results = items.map((item, i): IndexResult<K> => {
    const contributions = set.contributionsOf(i);
    let reported = 0;
    for (const c of contributions) if (c.value !== null) reported += 1;
    return { id: item.id, value: set.values[i]!, reported, of: indicators.length, contributions };
  });
  return { results, maxima: set.maxima, weights: set.weights };
}

/**
 * `value / max`, 0 for n/a (NaN in the table), when the maximum is 0, or for a value <= 0 (negative values only
 * get here under negativeAsZero: they count as reported but add 0).
 */
function ratioOf(value: number, max: number): number {
  return Number.isNaN(value) || max === 0 || value <= 0 ? 0 : value / max;
}

/** A validated comparison set: values row by row in one flat array (NaN = n/a), maxima and weights per indicator. */
interface ComparisonSet<K extends string> {
  table: Float64Array;
  maxima: Record<K, number>;
  maximaList: Float64Array;
  weights: Record<K, number>;
  weightList: Float64Array;
}

/** Checks the set (non-empty, distinct indicators and, with `checkIds`, ids; valid values and weights) and reads it in one pass. */
function readComparisonSet<K extends string, T>(
  items: ReadonlyArray<T>,
  reader: IndexItemReader<T, K>,
  indicators: readonly K[],
  weights: Record<K, number>,
  options: IndexOptions,
  checkIds: boolean,
): ComparisonSet<K> {
  if (items.length === 0) {
    throw new Error('cannot compute an index over an empty comparison set: pass at least one item');
  }
  if (indicators.length === 0) {
    throw new Error('cannot compute an index without indicators: pass at least one indicator');
  }
  assertDistinct(indicators, 'indicator');
  if (checkIds) assertDistinct(items.map((item) => reader.id(item)), 'item id');
  const negativeAsZero = options.negativeAsZero === true;
  const usedWeights = validateWeights(indicators, weights);
  const m = indicators.length;
  const weightList = new Float64Array(m);
  for (let j = 0; j < m; j++) weightList[j] = usedWeights[indicators[j]!];

  const table = new Float64Array(items.length * m);
  const maximaList = new Float64Array(m);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const values = reader.values(item);
    for (let j = 0; j < m; j++) {
      const indicator = indicators[j]!;
      const value = readValue(values[indicator], indicator, item, reader, negativeAsZero);
      if (value === null) table[i * m + j] = Number.NaN;
      else {
        table[i * m + j] = value;
        if (value > maximaList[j]!) maximaList[j] = value;
      }
    }
  }
  const maxima = {} as Record<K, number>;
  for (let j = 0; j < m; j++) maxima[indicators[j]!] = maximaList[j]!;
  return { table, maxima, maximaList, weights: usedWeights, weightList };
}

/**
 * Index of every item relative to the maxima of the set, in input order.
 *
 * @example
 * computeIndexOverSet(
 *   [{ id: 'a', values: { x: 2, y: 3 } }, { id: 'b', values: { x: 4, y: null } }],
 *   ['x', 'y'], { x: 1, y: 1 },
 * ).map((r) => r.value); // => [1.118…, 1]  (a: sqrt((2/4)² + (3/3)²), b: sqrt((4/4)² + n/a))
 */
export function computeIndexOverSet<K extends string>(
  items: ReadonlyArray<IndexItem<K>>,
  indicators: readonly K[],
  weights: Record<K, number>,
  options: IndexOptions = {},
): Array<IndexResult<K>> {
  return computeIndexOverSetWithExplanation(items, indicators, weights, options).results;
}

/** A value of an item as a number, or null for n/a; throws naming the item (read with `reader`) and indicator when it is invalid. */
function readValue<K extends string, T>(given: number | null | undefined, indicator: K, item: T, reader: IndexItemReader<T, K>, negativeAsZero: boolean): number | null {
  const value: unknown = given;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `Indicator "${indicator}" of "${reader.id(item)}" must be a finite number or null (n/a), got ${describe(value)}`,
    );
  }
  if (value < 0 && !negativeAsZero) {
    throw new RangeError(
      `Indicator "${indicator}" of "${reader.id(item)}" is negative (${value}); indicator values must be >= 0. ` +
        'Correct the input, or leave it empty if it is not reported.',
    );
  }
  return value;
}

function validateWeights<K extends string>(indicators: readonly K[], weights: Record<K, number>): Record<K, number> {
  const used = {} as Record<K, number>;
  for (const indicator of indicators) {
    const weight: unknown = weights[indicator];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new RangeError(
        `Weight of indicator "${indicator}" must be a finite number >= 0, got ${describe(weight)}`,
      );
    }
    used[indicator] = weight;
  }
  return used;
}

/** Throws naming the first value (an indicator, an item id: `what`) that appears twice in a comparison set. */
export function assertDistinct(values: Iterable<string>, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`Duplicate ${what} "${value}" in the comparison set; each must appear once`);
    seen.add(value);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
