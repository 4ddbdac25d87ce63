import { describe, expect, it } from 'vitest';
import { REGIONS, findRegion } from '../../src/lib/regions';

/** The English type words each Russian type word calls for (issue 13, item 8: "Samara, Samara" read as a city twice). */
const TYPE_WORDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/автономная область$/, / Autonomous Oblast$/],
  [/(?<!автономная )область$/, /^(?!.*Autonomous).* Oblast$/],
  [/край$/, / Krai$/],
  [/автономный округ/, / Autonomous Okrug/],
];

describe('English region names', () => {
  it.each(REGIONS.map((r) => [r.code, r.name.ru, r.name.en] as const))('%s: "%s" is "%s", with its type', (_code, ru, en) => {
    for (const [ruType, enType] of TYPE_WORDS) if (ruType.test(ru)) expect(en).toMatch(enType);
  });

  it('names every republic a republic', () => {
    for (const r of REGIONS.filter((x) => x.type === 'Republic')) expect(r.name.en).toMatch(/Republic/);
  });

  it.each([
    ['RU-SAM', 'Samara Oblast'],
    ['RU-YEV', 'Jewish Autonomous Oblast'],
    ['RU-KYA', 'Krasnoyarsk Krai'],
    ['RU-TA', 'Republic of Tatarstan'],
    ['RU-KHM', 'Khanty-Mansi Autonomous Okrug – Yugra'],
    ['RU-SA', 'Republic of Sakha (Yakutia)'],
    ['RU-MOW', 'Moscow'],
    ['RU-SPE', 'Saint Petersburg'],
  ])('%s is %s', (code, name) => expect(findRegion(code)?.name.en).toBe(name));
});
