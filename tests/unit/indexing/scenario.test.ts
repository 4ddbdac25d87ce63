import { describe, expect, it } from 'vitest';
import { SCENARIO_CODES, classifyScenario } from '../../../src/lib/indexing/scenario';
import type { ScenarioCode, ScenarioInput } from '../../../src/lib/indexing/scenario';
import { computeThreshold } from '../../../src/lib/indexing/threshold';

describe('classifyScenario: the 2×2 matrix', () => {
  it.each<{ name: string; input: ScenarioInput; code: ScenarioCode; clusterHigh: boolean; regionHigh: boolean }>([
    {
      name: 'both low → potential',
      input: { clusterIndex: 0.2, clusterThreshold: 0.5, regionIndex: 0.1, regionThreshold: 0.4 },
      code: 'potential',
      clusterHigh: false,
      regionHigh: false,
    },
    {
      name: 'cluster high, region low → lonely',
      input: { clusterIndex: 0.8, clusterThreshold: 0.5, regionIndex: 0.1, regionThreshold: 0.4 },
      code: 'lonely',
      clusterHigh: true,
      regionHigh: false,
    },
    {
      name: 'both high → supported',
      input: { clusterIndex: 0.8, clusterThreshold: 0.5, regionIndex: 0.9, regionThreshold: 0.4 },
      code: 'supported',
      clusterHigh: true,
      regionHigh: true,
    },
    {
      name: 'cluster low, region high → late',
      input: { clusterIndex: 0.2, clusterThreshold: 0.5, regionIndex: 0.9, regionThreshold: 0.4 },
      code: 'late',
      clusterHigh: false,
      regionHigh: true,
    },
    {
      name: 'both exactly at their thresholds → supported',
      input: { clusterIndex: 0.5, clusterThreshold: 0.5, regionIndex: 0.4, regionThreshold: 0.4 },
      code: 'supported',
      clusterHigh: true,
      regionHigh: true,
    },
    {
      name: 'cluster exactly at, region below → lonely',
      input: { clusterIndex: 0.5, clusterThreshold: 0.5, regionIndex: 0.39, regionThreshold: 0.4 },
      code: 'lonely',
      clusterHigh: true,
      regionHigh: false,
    },
    {
      name: 'cluster below, region exactly at → late',
      input: { clusterIndex: 0.49, clusterThreshold: 0.5, regionIndex: 0.4, regionThreshold: 0.4 },
      code: 'late',
      clusterHigh: false,
      regionHigh: true,
    },
    {
      name: 'both zero with threshold zero → supported (at the threshold)',
      input: { clusterIndex: 0, clusterThreshold: 0, regionIndex: 0, regionThreshold: 0 },
      code: 'supported',
      clusterHigh: true,
      regionHigh: true,
    },
  ])('$name', ({ input, code, clusterHigh, regionHigh }) => {
    expect(classifyScenario(input)).toEqual({
      code,
      clusterIndex: input.clusterIndex,
      regionIndex: input.regionIndex,
      clusterThreshold: input.clusterThreshold,
      regionThreshold: input.regionThreshold,
      clusterHigh,
      regionHigh,
    });
  });

  it('treats a value equal to a computed mean as at the threshold despite rounding', () => {
    const clusterValues = [0.1, 0.2, 0.3];
    const clusterThreshold = computeThreshold(clusterValues, { kind: 'mean' });
    expect(clusterThreshold).toBeGreaterThan(0.2); // 0.20000000000000004
    const result = classifyScenario({ clusterIndex: 0.2, clusterThreshold, regionIndex: 0, regionThreshold: 1 });
    expect(result.clusterHigh).toBe(true);
    expect(result.code).toBe('lonely');
  });
});

describe('classifyScenario: without regional data', () => {
  it.each<{ name: string; input: ScenarioInput; regionIndex: number | null; regionThreshold: number | null }>([
    { name: 'region index null', input: { clusterIndex: 0.8, clusterThreshold: 0.5, regionIndex: null, regionThreshold: 0.4 }, regionIndex: null, regionThreshold: 0.4 },
    { name: 'region index undefined', input: { clusterIndex: 0.8, clusterThreshold: 0.5, regionThreshold: 0.4 }, regionIndex: null, regionThreshold: 0.4 },
    { name: 'region threshold null', input: { clusterIndex: 0.2, clusterThreshold: 0.5, regionIndex: 0.9, regionThreshold: null }, regionIndex: 0.9, regionThreshold: null },
    { name: 'both missing', input: { clusterIndex: 0.2, clusterThreshold: 0.5 }, regionIndex: null, regionThreshold: null },
  ])('$name → unknown, still reporting the cluster side', ({ input, regionIndex, regionThreshold }) => {
    const result = classifyScenario(input);
    expect(result.code).toBe('unknown');
    expect(result.regionHigh).toBeNull();
    expect(result.regionIndex).toBe(regionIndex);
    expect(result.regionThreshold).toBe(regionThreshold);
    expect(result.clusterHigh).toBe(input.clusterIndex >= input.clusterThreshold);
  });
});

describe('classifyScenario: bad input', () => {
  it.each<{ name: string; input: ScenarioInput; error: RegExp }>([
    { name: 'NaN cluster index', input: { clusterIndex: Number.NaN, clusterThreshold: 0.5, regionIndex: 1, regionThreshold: 1 }, error: /clusterIndex must be a finite number, got NaN/ },
    { name: 'infinite region threshold', input: { clusterIndex: 1, clusterThreshold: 0.5, regionIndex: 1, regionThreshold: Number.POSITIVE_INFINITY }, error: /regionThreshold must be a finite number, got Infinity/ },
  ])('rejects $name', ({ input, error }) => {
    expect(() => classifyScenario(input)).toThrow(error);
  });
});

it('SCENARIO_CODES lists the four scenarios and unknown', () => {
  expect(SCENARIO_CODES).toEqual(['potential', 'lonely', 'supported', 'late', 'unknown']);
});
