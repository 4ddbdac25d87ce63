import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../src/lib/profile';
import { customIssueMessage, issueMessage, placeIssues } from '../../../src/lib/wizard';
import { translator } from '../../../src/lib/i18n';

/** A valid minimal profile to break one field at a time. */
const valid = {
  slug: 'test-cluster',
  general: { name: { ru: 'Тест', en: 'Test' }, region: 'RU-KLU', city: { ru: 'Обнинск' }, location: { lat: 55.1, lon: 36.6 }, industryGroup: 'nuclear', status: 'other' },
  indicators: [],
};

/** The messages of parsing a profile changed by `change`. */
function messagesOf(change: (p: Record<string, any>) => void) {
  const p = structuredClone(valid) as Record<string, any>;
  change(p);
  const result = profileSchema.safeParse(p);
  if (result.success) throw new Error('expected the profile to be refused');
  return result.error.issues.map((i) => issueMessage(i));
}

describe('issue messages', () => {
  it('say each kind of mistake in its own words', () => {
    expect(messagesOf((p) => delete p.general.region)).toEqual([{ key: 'wizard.issue.required' }]);
    expect(messagesOf((p) => (p.general.region = 'XX'))).toEqual([{ key: 'wizard.issue.region' }]);
    expect(messagesOf((p) => (p.general.location.lat = 'abc'))).toEqual([{ key: 'wizard.issue.number' }]);
    expect(messagesOf((p) => (p.general.location.lat = 95))).toEqual([{ key: 'wizard.issue.latitude' }]);
    expect(messagesOf((p) => (p.general.industryGroup = 'magic'))).toEqual([{ key: 'wizard.issue.choose' }]);
    expect(messagesOf((p) => (p.general.name.ru = 'x'.repeat(301)))).toEqual([{ key: 'wizard.issue.longText', vars: { limit: 300 } }]);
    expect(messagesOf((p) => (p.general.websites = [{ url: 'ftp://x' }]))).toEqual([{ key: 'wizard.issue.url' }]);
    expect(messagesOf((p) => (p.indicators = [{ year: 2012, exportsBlnRub: { value: -1, source: 's' } }]))).toEqual([{ key: 'wizard.issue.negative' }]);
    expect(messagesOf((p) => (p.indicators = [{ year: 2012 }, { year: 2012 }]))).toEqual([{ key: 'wizard.issue.yearTwice', vars: { year: '2012' } }]);
    expect(messagesOf((p) => (p.general.foundedYear = 1200))[0]!.key).toBe('wizard.issue.yearFrom');
  });

  it('know every custom message the profile schema can give (none falls back to English)', () => {
    const dir = 'src/lib/profile';
    const sources = [...readdirSync(dir).map((f) => `${dir}/${f}`), 'src/lib/regions.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const literals = [...sources.matchAll(/(?:message:\s*|_error:\s*|\.(?:regex|url|email|int|min|max)\([^,'`)]*,?\s*)(['`])((?:(?!\1).)+)\1/g)].map((m) => m[2]!);
    const messages = literals.filter((m) => /\s/.test(m) && !m.includes('${issue') && !m.includes('${p.'));
    expect(messages.length).toBeGreaterThan(15);
    const sample = (m: string) => m.replace('${EARLIEST_YEAR}', '2000').replace('${y.year}', '2012').replace('${REGION_CODE_RULE}', 'the ISO 3166-2 code of a Russian region, e.g. RU-KLU');
    expect(messages.filter((m) => !customIssueMessage(sample(m)))).toEqual([]);
  });

  it('read differently in Russian and English', () => {
    const ru = translator('ru');
    const en = translator('en');
    expect(ru('wizard.issue.required')).not.toBe(en('wizard.issue.required'));
    expect(ru('wizard.issue.yearTwice', { year: 2012 })).toContain('2012');
  });
});

describe('placeIssues', () => {
  it('puts an issue on its field, on the first field under an object, or on the step', () => {
    const result = profileSchema.safeParse({ ...valid, general: { ...valid.general, name: undefined, city: {} } });
    if (result.success) throw new Error('expected refusal');
    const placed = placeIssues(result.error.issues, ['general.name.ru', 'general.name.en', 'general.city.ru', 'general.city.en']);
    expect(placed.map((p) => p.field)).toEqual(['general.name.ru', 'general.city.ru']);
    expect(placeIssues([{ code: 'custom', path: ['elsewhere'], message: 'x' }], ['general.name.ru'])[0]!.field).toBe('');
  });
});
