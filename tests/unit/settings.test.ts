import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, indexSettingsSchema, settingsSchema } from '../../src/lib/settings';
import { loadSettings, SettingsError } from '../../src/server/settings';
import { makeTempDir } from '../helpers/temp';

const CONTENT_DIR = join(import.meta.dirname, '..', '..', 'content');

const DEFAULT_INDEX = {
  weights: { internationalMembers: 1, exportsBlnRub: 1, publications: 1, jointRndBlnRub: 1 },
  regionalWeights: { fdiPerCapita: 1, tradeTurnoverPerCapita: 1, tradeSurplusPerCapita: 1, foreignCompaniesPer10k: 1 },
  threshold: { kind: 'mean' },
  defaultYear: null,
};

/** Paths of the issues of a rejected settings object. */
function problems(input: unknown): string[] {
  const result = settingsSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

describe('settings schema', () => {
  it('defaults to unit weights, mean thresholds and the latest year with data', () => {
    expect(DEFAULT_SETTINGS).toEqual({ index: DEFAULT_INDEX });
    expect(settingsSchema.parse({ index: {} })).toEqual({ index: DEFAULT_INDEX });
  });

  it('fills the weights that are not given with 1', () => {
    expect(indexSettingsSchema.parse({ weights: { publications: 2 }, regionalWeights: { tradeSurplusPerCapita: 0 } })).toMatchObject({
      weights: { internationalMembers: 1, exportsBlnRub: 1, publications: 2, jointRndBlnRub: 1 },
      regionalWeights: { fdiPerCapita: 1, tradeTurnoverPerCapita: 1, tradeSurplusPerCapita: 0, foreignCompaniesPer10k: 1 },
    });
  });

  it.each([
    [{ kind: 'mean' }],
    [{ kind: 'median' }],
    [{ kind: 'fixed', cluster: 0.5, region: 0.75 }],
    [{ kind: 'fixed', cluster: 0, region: 0 }],
  ])('accepts the threshold rule %o', (threshold) => {
    expect(settingsSchema.parse({ index: { threshold } }).index.threshold).toEqual(threshold);
  });

  it.each([
    ['a negative cluster weight', { index: { weights: { publications: -1 } } }, 'index.weights.publications'],
    ['a negative regional weight', { index: { regionalWeights: { fdiPerCapita: -0.5 } } }, 'index.regionalWeights.fdiPerCapita'],
    ['a weight given as text', { index: { weights: { publications: '1' } } }, 'index.weights.publications'],
    ['an unknown indicator weight', { index: { weights: { patents: 1 } } }, 'index.weights'],
    ['an unknown index key', { index: { thresholds: { kind: 'mean' } } }, 'index'],
    ['an unknown top-level key', { index: {}, colour: 'red' }, ''],
    ['a fixed threshold without region', { index: { threshold: { kind: 'fixed', cluster: 0.5 } } }, 'index.threshold.region'],
    ['a fixed threshold without cluster', { index: { threshold: { kind: 'fixed', region: 0.5 } } }, 'index.threshold.cluster'],
    ['a fixed threshold below 0', { index: { threshold: { kind: 'fixed', cluster: -1, region: 0.5 } } }, 'index.threshold.cluster'],
    ['an unknown threshold rule', { index: { threshold: { kind: 'mode' } } }, 'index.threshold.kind'],
    ['a mean threshold with a value', { index: { threshold: { kind: 'mean', cluster: 0.5 } } }, 'index.threshold'],
    ['a default year that is not whole', { index: { defaultYear: 2012.5 } }, 'index.defaultYear'],
  ])('rejects %s', (_name, input, path) => {
    expect(problems(input).map((p) => p.split(':')[0])).toContain(path);
  });

  it('names the problem of a negative weight', () => {
    const result = settingsSchema.safeParse({ index: { weights: { exportsBlnRub: -2 } } });
    expect(result.error!.issues[0]!.message).toBe('a weight must not be negative');
  });
});

describe('loadSettings (content/settings.json)', () => {
  const temps: Array<{ remove: () => void }> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));
  function contentWith(text: string): string {
    const temp = makeTempDir('cluster-map-settings-');
    temps.push(temp);
    mkdirSync(temp.dir, { recursive: true });
    writeFileSync(join(temp.dir, 'settings.json'), text);
    return temp.dir;
  }

  it('reads the shipped settings: the documented defaults', () => {
    const shipped = JSON.parse(readFileSync(join(CONTENT_DIR, 'settings.json'), 'utf8'));
    expect(typeof shipped._about).toBe('string');
    expect(loadSettings(CONTENT_DIR).index).toEqual(DEFAULT_INDEX);
  });

  it('reads a moderator edit', () => {
    const dir = contentWith(JSON.stringify({ index: { threshold: { kind: 'median' }, defaultYear: 2012 } }));
    expect(loadSettings(dir).index).toMatchObject({ threshold: { kind: 'median' }, defaultYear: 2012, weights: DEFAULT_INDEX.weights });
  });

  it.each([
    ['a negative weight', JSON.stringify({ index: { weights: { publications: -1 } } }), /index\.weights\.publications: a weight must not be negative/],
    ['an unknown key', JSON.stringify({ index: { treshold: { kind: 'mean' } } }), /index: unknown field\(s\): treshold/],
    ['a fixed threshold without region', JSON.stringify({ index: { threshold: { kind: 'fixed', cluster: 1 } } }), /index\.threshold\.region/],
    ['broken JSON', '{ "index": ', /cannot be read as JSON/],
  ])('refuses %s with a SettingsError naming the field', (_name, text, message) => {
    const dir = contentWith(text);
    expect(() => loadSettings(dir)).toThrow(SettingsError);
    expect(() => loadSettings(dir)).toThrow(message);
  });
});
