/**
 * Colour classes for the regional choropleth. Few distinct values (cluster counts) get one class each;
 * more get five equal intervals between the minimum and the maximum, so legends stay readable.
 */

/** Five sequential blues (ColorBrewer "Blues" without its palest step, which is hard to tell from no data), light = low. */
export const CHOROPLETH_PALETTE = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** Fill of a region without a value. */
export const NO_DATA_COLOUR = '#f7f7f4';

/** One legend entry: values from min to max (inclusive) get the colour. */
export interface ColourClass {
  min: number;
  max: number;
  colour: string;
}

/** Classes of one set of values. */
export interface ColourScale {
  classes: ColourClass[];
}

/** Picks k colours spread evenly over the palette (k ≤ palette length). */
function spread(palette: readonly string[], k: number): string[] {
  if (k === 1) return [palette[palette.length - 1]!];
  return Array.from({ length: k }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (k - 1))]!);
}

/**
 * The colour classes of the values (non-finite values are ignored).
 * @example buildColourScale([1, 3, 1]).classes.map((c) => c.max) // => [1, 3]
 * @example buildColourScale([0, 1, 2, 3, 4, 5]).classes.map((c) => c.max) // => [1, 2, 3, 4, 5]
 */
export function buildColourScale(values: readonly number[], palette: readonly string[] = CHOROPLETH_PALETTE): ColourScale {
  const distinct = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  if (distinct.length === 0) return { classes: [] };
  if (distinct.length <= palette.length) {
    const colours = spread(palette, distinct.length);
    return { classes: distinct.map((v, i) => ({ min: v, max: v, colour: colours[i]! })) };
  }
  const min = distinct[0]!;
  const step = (distinct[distinct.length - 1]! - min) / palette.length;
  return { classes: palette.map((colour, i) => ({ min: min + i * step, max: min + (i + 1) * step, colour })) };
}

/** The colour of a value: the first class whose max is at least the value; NO_DATA_COLOUR without a value or outside the scale. */
export function colourOf(scale: ColourScale, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
  const first = scale.classes[0];
  if (!first || value < first.min) return NO_DATA_COLOUR;
  return scale.classes.find((c) => value <= c.max + 1e-12)?.colour ?? NO_DATA_COLOUR;
}
