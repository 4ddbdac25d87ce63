import { describe, expect, it } from 'vitest';
import { analyticsQuerySchema } from '../../../src/lib/analytics/ranking';
import { directoryQuerySchema, parseQueryLenient } from '../../../src/lib/directory/query';
import { queryProblemText } from '../../../src/lib/i18n/query-problem';
import { partnerQuerySchema } from '../../../src/lib/matching/request';
import { searchQuerySchema } from '../../../src/lib/search/query';
import type { z } from 'zod';

/** The page's sentences for a query string. */
const explain = (schema: z.AnyZodObject, qs: string, lang: 'ru' | 'en') => parseQueryLenient(schema, new URLSearchParams(qs)).problems.map((p) => queryProblemText(p, lang));

// zod's English ("must be", "one of", "Invalid", "Expected") must not reach a Russian page (issue 13, item 8).
const ZOD_ENGLISH = /must|one of|invalid|expected|received|number|parameter/i;

describe('queryProblemText: a bad URL parameter explained in the page language', () => {
  it.each([
    [directoryQuerySchema, 'industryGroup=bogus', 'Значение «bogus» параметра industryGroup не подходит и не применено. Допустимые значения: Ядерные технологии', 'The value “bogus” of the parameter industryGroup is not valid and is not applied. Allowed values: Nuclear'],
    [directoryQuerySchema, 'status=x', 'Допустимые значения: ', 'Allowed values: '],
    [directoryQuerySchema, 'sort=z', 'Выберите значение в форме на этой странице.', 'Choose a value with the form on this page.'],
    [directoryQuerySchema, 'region=RU-XX', 'Нужен код региона по ISO 3166-2, например RU-KLU', 'ISO 3166-2 code of a Russian region'],
    [directoryQuerySchema, 'year=abc', 'Нужен год, например 2012.', 'It takes a year, e.g. 2012.'],
    [directoryQuerySchema, 'year=1800', 'Наименьшее допустимое значение — 1950.', 'The smallest allowed value is 1950.'],
    [directoryQuerySchema, 'perPage=500', 'Наибольшее допустимое значение — 100.', 'The largest allowed value is 100.'],
    [directoryQuerySchema, 'page=1.5', 'Нужно целое число.', 'It takes a whole number.'],
    [directoryQuerySchema, 'status=industrial&status=pilot', 'Параметр status указан больше одного раза; применено первое значение.', 'The parameter status is given more than once; the first value is applied.'],
    [searchQuerySchema, 'scenario=nope', 'Допустимые значения: ', 'Allowed values: '],
    [searchQuerySchema, 'federalDistrict=moon', 'Сибирский федеральный округ', 'Siberian Federal District'],
    [searchQuerySchema, 'sort=bad', 'По релевантности', 'Relevance'],
    [searchQuerySchema, 'bbox=1,2', 'Нужна область «запад,юг,восток,север» в градусах', 'It takes an area “west,south,east,north” in degrees'],
    [searchQuerySchema, `q=${'я'.repeat(201)}`, 'Допускается не больше 200 символов.', 'It takes at most 200 characters.'],
    [analyticsQuerySchema, 'set=some', 'Допустимые значения: Все кластеры, Внутри отраслевой группы.', 'Allowed values: All clusters'],
    [partnerQuerySchema, 'country=Germany', 'Нужен двухбуквенный код страны по ISO 3166-1, например DE.', 'It takes a two-letter ISO 3166-1 country code, e.g. DE.'],
    [partnerQuerySchema, 'area=bogus', 'НИОКР и трансфер знаний', 'R&D and knowledge transfer'],
  ] as const)('%#: %s', (schema, qs, ru, en) => {
    const [ruText] = explain(schema, qs, 'ru');
    const [enText] = explain(schema, qs, 'en');
    expect(ruText).toContain(ru);
    expect(enText).toContain(en);
    expect(ruText!.replace(/«[^»]*»/g, '')).not.toMatch(ZOD_ENGLISH);
  });

  it('quotes a long bad value shortened', () => {
    const [text] = explain(directoryQuerySchema, `industryGroup=${'x'.repeat(100)}`, 'en');
    expect(text).toContain(`“${'x'.repeat(40)}…”`);
  });
});
