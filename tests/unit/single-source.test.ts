import { describe, expect, it } from 'vitest';
import type { ZodTypeAny } from 'zod';
import { popupHtml } from '../../src/components/map/popup';
import type { MapIslandConfig } from '../../src/components/map/config';
import { analyticsQuerySchema } from '../../src/lib/analytics/ranking';
import { directoryQuerySchema } from '../../src/lib/directory/query';
import { escapeHtml } from '../../src/lib/html';
import { formatNumber } from '../../src/lib/i18n';
import { whatIfQuerySchema } from '../../src/lib/indexing/what-if';
import { mapQuerySchema } from '../../src/lib/map/query';
import { generalSchema } from '../../src/lib/profile/general';
import { REGION_CODE_RULE } from '../../src/lib/regions';
import { searchQuerySchema } from '../../src/lib/search/query';
import { indexSettingsSchema } from '../../src/lib/settings';
import { EARLIEST_YEAR, LATEST_YEAR_BOUND } from '../../src/lib/years';

/** The message of the first problem with `field`, or undefined when the input passes. */
function problem(schema: ZodTypeAny, input: unknown, field: string): string | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === field)?.message;
}

// Limits written once (src/lib/years.ts, src/lib/regions.ts) must mean the same on every form, API and setting.
describe.each([
  ['directory query', directoryQuerySchema, (year: unknown) => ({ year: String(year) })],
  ['analytics query', analyticsQuerySchema, (year: unknown) => ({ year: String(year) })],
  ['what-if query', whatIfQuerySchema, (year: unknown) => ({ year: String(year) })],
  ['index settings', indexSettingsSchema, (defaultYear: unknown) => ({ defaultYear })],
])('the %s', (_name, schema, input) => {
  const field = Object.keys(input(0))[0]!;
  it(`accepts ${EARLIEST_YEAR} and ${LATEST_YEAR_BOUND}`, () => {
    expect(problem(schema, input(EARLIEST_YEAR), field)).toBeUndefined();
    expect(problem(schema, input(LATEST_YEAR_BOUND), field)).toBeUndefined();
  });
  it('rejects the years just outside with the same messages', () => {
    expect(problem(schema, input(EARLIEST_YEAR - 1), field)).toBe(`must be ${EARLIEST_YEAR} or later`);
    expect(problem(schema, input(LATEST_YEAR_BOUND + 1), field)).toBe(`must be ${LATEST_YEAR_BOUND} or earlier`);
  });
});

describe.each([
  ['a profile', generalSchema, 'region'],
  ['the directory query', directoryQuerySchema, 'region'],
  ['the search query', searchQuerySchema, 'region'],
  ['the map query', mapQuerySchema, 'region'],
])('a region code in %s', (_name, schema, field) => {
  it('is rejected with the one region-code message', () => {
    expect(problem(schema as ZodTypeAny, { region: 'RU-XXX' }, field)).toBe(`must be ${REGION_CODE_RULE}`);
  });
});

const mapConfig = {
  lang: 'ru',
  profileUrl: '/clusters/{slug}',
  compareUrl: '/compare',
  regionNames: { 'RU-TOM': 'Томская область' },
  groupLabels: {},
  scenarioLabels: {},
  strings: { popupIndex: 'Индекс {year}:', notRanked: '—', profile: 'Профиль', compare: 'Добавить к сравнению' },
} as unknown as MapIslandConfig;

describe('client scripts share the server’s helpers', () => {
  it('the map popup escapes like the server (named entities, not numeric ones)', () => {
    const html = popupHtml(
      { slug: 'x', name: { ru: `<b>"A&B's"</b>`, en: 'x' }, city: {}, region: 'RU-TOM', industryGroup: 'other', index: null, scenario: 'unknown' },
      mapConfig,
      2012,
    );
    expect(html).toContain(`>${escapeHtml(`<b>"A&B's"</b>`)}</a>`);
    expect(html).toContain('&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;');
  });

  it('the map popup formats the index like the pages (Russian decimal comma) and fills placeholders like the translator', () => {
    const html = popupHtml({ slug: 'x', name: { ru: 'Кластер', en: 'x' }, city: {}, region: 'RU-TOM', industryGroup: 'other', index: 0.1234, scenario: 'unknown' }, mapConfig, 2012);
    expect(html).toContain(`Индекс 2012: <strong>${formatNumber(0.1234, 'ru', 3)}</strong>`);
    expect(formatNumber(0.1234, 'ru', 3)).toBe('0,123');
  });
});
