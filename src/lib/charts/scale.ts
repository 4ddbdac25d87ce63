/** A linear scale from a data domain [0, max] onto a pixel range. */
export interface LinearScale {
  (value: number): number;
  max: number;
  ticks: number[];
}

/**
 * A "nice" upper bound at or above the value: 1, 2, 2.5, 4, 5, 8 or 10 times a power of ten (quarter ticks stay short).
 * @example niceCeiling(1.37) // => 2
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 4, 5, 8, 10].find((m) => m * power >= value - 1e-12)!;
  return step * power;
}

/** Maps [0, niceCeiling(max)] onto [from, to] (to may be smaller than from, for SVG's downward y), with 5 evenly spaced ticks. */
export function linearScale(max: number, from: number, to: number): LinearScale {
  const top = niceCeiling(max);
  const scale = ((v: number) => from + (v / top) * (to - from)) as LinearScale;
  scale.max = top;
  scale.ticks = [0, 1, 2, 3, 4].map((i) => (top * i) / 4);
  return scale;
}
