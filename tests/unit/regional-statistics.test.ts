import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import {
  classifyScenario,
  computeIndexOverSet,
  computeRegionalIndex,
  computeThreshold,
  unitWeights,
  type ScenarioCode,
} from '../../src/lib/indexing';
import { INDICATOR_KEYS, indicatorValues, profileSchema } from '../../src/lib/profile';
import {
  missingRegionalInputs,
  parseRegionalStatisticsCsv,
  RegionalImportError,
  REGIONAL_INPUTS,
  type RegionalStatisticsRecord,
} from '../../src/lib/regional-statistics';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/regional-statistics-2012-synthetic.csv');

const HEADER =
  'region,year,population,population_source,fdi,fdi_source,exports,exports_source,imports,imports_source,foreign_owned_companies,foreign_owned_companies_source';

/** A small valid file: line 1 comment, line 2 header, data on lines 3–6. */
const GOOD_LINES = [
  '# synthetic test rows',
  HEADER,
  'RU-KLU,2012,1000000,src P,1500,src F,1200,src E,3500,src I,480,src C',
  'RU-TOM,2012,1070000,src P,820,src F,3050,src E,620,src I,360,src C',
  'RU-ALT,2012,2390000,src P,,,500,src E,300,src I,,',
  'RU-KLU,2013,1010000,src P,1600.5,src F,1300,src E,3600,src I,490,src C',
];

/** The good file with line `lineNo` (1-based) replaced. */
function withLine(lineNo: number, text: string): string {
  const lines = [...GOOD_LINES];
  lines[lineNo - 1] = text;
  return lines.join('\n') + '\n';
}

/** Throws the parse error of a file, or fails when it parses. */
function parseError(text: string): RegionalImportError {
  try {
    parseRegionalStatisticsCsv(text);
  } catch (error) {
    if (error instanceof RegionalImportError) return error;
    throw error;
  }
  throw new Error('expected a RegionalImportError');
}

describe('parseRegionalStatisticsCsv: good files', () => {
  it('parses every row into a record, with empty cells as null', () => {
    const records = parseRegionalStatisticsCsv(GOOD_LINES.join('\n'));
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual<RegionalStatisticsRecord>({
      region: 'RU-KLU',
      year: 2012,
      population: 1_000_000,
      populationSource: 'src P',
      fdi: 1500,
      fdiSource: 'src F',
      exports: 1200,
      exportsSource: 'src E',
      imports: 3500,
      importsSource: 'src I',
      foreignOwnedCompanies: 480,
      foreignOwnedCompaniesSource: 'src C',
    });
    expect(records[2]).toMatchObject({ region: 'RU-ALT', fdi: null, fdiSource: null, foreignOwnedCompanies: null, foreignOwnedCompaniesSource: null });
    expect(records[3]?.fdi).toBe(1600.5);
  });

  it('accepts columns in any order, CRLF line ends and quoted cells', () => {
    const text =
      'year,region,population_source,population,fdi_source,fdi,exports,exports_source,imports,imports_source,foreign_owned_companies_source,foreign_owned_companies\r\n' +
      '2012,RU-MOW,"Rosstat, synthetic",11900000,,,61000,e,50000,i,c,9200\r\n';
    const [record] = parseRegionalStatisticsCsv(text);
    expect(record).toMatchObject({ region: 'RU-MOW', year: 2012, populationSource: 'Rosstat, synthetic', fdi: null, foreignOwnedCompanies: 9200 });
  });

  it('skips comment lines anywhere and keeps real line numbers', () => {
    const text = ['# one', '# two', HEADER, '# between', GOOD_LINES[2], '# again', 'RU-XXX,2012,1,p,,,,,,,,'].join('\n');
    const error = parseError(text);
    expect(error.line).toBe(7);
    expect(error.message).toBe('line 7: region "RU-XXX" is not the ISO 3166-2 code of a Russian region, e.g. RU-KLU');
  });

  it('parses the synthetic fixture', () => {
    const records = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8'));
    expect(records.length).toBeGreaterThanOrEqual(21);
    expect(new Set(records.map((r) => r.year))).toEqual(new Set([2012]));
    expect(records.some((r) => r.imports !== null && r.exports !== null && r.imports > r.exports)).toBe(true);
  });
});

describe('parseRegionalStatisticsCsv: bad rows name their line and reason', () => {
  it.each<{ name: string; line: number; text: string; reason: string | RegExp }>([
    { name: 'unknown region code', line: 4, text: 'RU-XXX,2012,1070000,p,1,f,1,e,1,i,1,c', reason: 'region "RU-XXX" is not the ISO 3166-2 code of a Russian region, e.g. RU-KLU' },
    { name: 'empty region', line: 4, text: ',2012,1070000,p,1,f,1,e,1,i,1,c', reason: 'region is required (an ISO 3166-2 code such as RU-KLU)' },
    { name: 'negative exports', line: 5, text: 'RU-ALT,2012,2390000,p,,,-3,e,300,i,,', reason: 'exports must be a number ≥ 0, got "-3"' },
    { name: 'text instead of a number', line: 3, text: 'RU-KLU,2012,1000000,p,n/a,f,1,e,1,i,1,c', reason: 'fdi must be a number ≥ 0, got "n/a"' },
    { name: 'decimal comma', line: 3, text: 'RU-KLU,2012,1000000,p,"1,5",f,1,e,1,i,1,c', reason: 'fdi must use "." as the decimal point, got "1,5" (write 1.5)' },
    { name: 'infinite value', line: 3, text: 'RU-KLU,2012,1000000,p,1,f,1,e,Infinity,i,1,c', reason: 'imports must be a number ≥ 0, got "Infinity"' },
    { name: 'year out of range', line: 4, text: 'RU-TOM,1989,1070000,p,1,f,1,e,1,i,1,c', reason: 'year must be a whole number from 1990 to 2100, got "1989"' },
    { name: 'fractional year', line: 4, text: 'RU-TOM,2012.5,1070000,p,1,f,1,e,1,i,1,c', reason: 'year must be a whole number from 1990 to 2100, got "2012.5"' },
    { name: 'zero population', line: 4, text: 'RU-TOM,2012,0,p,1,f,1,e,1,i,1,c', reason: 'population must be a number > 0, got "0"' },
    { name: 'missing population', line: 4, text: 'RU-TOM,2012,,p,1,f,1,e,1,i,1,c', reason: 'population is required: a number of residents > 0' },
    { name: 'missing population source', line: 4, text: 'RU-TOM,2012,1070000,,1,f,1,e,1,i,1,c', reason: 'population_source is required: where the population figure comes from' },
    { name: 'value without its source', line: 6, text: 'RU-KLU,2013,1010000,p,1600,,1300,e,3600,i,490,c', reason: 'fdi is given but fdi_source is empty: every value needs its source' },
    { name: 'source without a value', line: 5, text: 'RU-ALT,2012,2390000,p,,,500,e,300,i,,c', reason: 'foreign_owned_companies_source is given but foreign_owned_companies is empty: leave both empty when the value is not available' },
    { name: 'duplicate region and year', line: 6, text: 'RU-TOM,2012,1070000,p,1,f,1,e,1,i,1,c', reason: 'RU-TOM 2012 is given twice (lines 4 and 6)' },
    { name: 'wrong number of cells', line: 5, text: 'RU-ALT,2012,2390000,p', reason: 'expected 12 cells, found 4' },
    // Issue 9: rows the importer used to accept that made a per-capita value Infinity (or absurd) and broke every page.
    {
      name: 'the Infinity row of issue 9 (population 5e-324)',
      line: 4,
      text: 'RU-TOM,2012,5e-324,Rosstat,1e308,a,1e308,a,0,a,1e308,a',
      reason: 'population 5e-324 is below 10000 residents, fewer than any Russian region has: give the number of persons, not thousands',
    },
    {
      name: 'exports + imports that overflow',
      line: 4,
      text: 'RU-TOM,2012,1070000,Rosstat,1,a,1e308,a,1e308,a,1,a',
      reason:
        'foreign trade turnover per resident ((exports + imports) / population) is not a finite number (Infinity): the totals are too large for the population; check that money is in million USD and population in persons',
    },
    {
      name: 'a population of 9,999',
      line: 5,
      text: 'RU-ALT,2012,9999,p,,,500,e,300,i,,',
      reason: 'population 9999 is below 10000 residents, fewer than any Russian region has: give the number of persons, not thousands',
    },
    {
      name: 'money in USD instead of million USD',
      line: 3,
      text: 'RU-KLU,2012,1000000,p,1500000000,f,1,e,1,i,1,c',
      reason: 'FDI per resident (fdi / population) is 1500, above 1, more than any region has: check that money is in million USD and population in persons',
    },
  ])('$name', ({ line, text, reason }) => {
    const error = parseError(withLine(line, text));
    expect(error.line).toBe(line);
    if (typeof reason === 'string') {
      expect(error.reason).toBe(reason);
      expect(error.message).toBe(`line ${line}: ${reason}`);
    } else expect(error.reason).toMatch(reason);
  });

  it('rejects a header without a required column, naming it', () => {
    const error = parseError(['# c', HEADER.replace(',imports_source', ''), 'RU-KLU,2012,1,p,,,,,,,'].join('\n'));
    expect(error.line).toBe(2);
    expect(error.reason).toBe('missing column(s): imports_source');
  });

  it('rejects unknown columns and files without data rows', () => {
    expect(parseError(`${HEADER},note\n`).reason).toMatch(/^unknown column\(s\): note; expected: region, year/);
    const empty = parseError(`# only a comment\n${HEADER}\n`);
    expect(empty.line).toBe(2);
    expect(empty.reason).toBe('the file has no data rows after the header');
    expect(parseError('').line).toBe(1);
  });

  it('stops at the first bad row (all-or-nothing)', () => {
    const text = [...GOOD_LINES, 'RU-XXX,2012,1,p,,,,,,,,', 'RU-TOM,2012,-1,p,,,,,,,,'].join('\n');
    expect(parseError(text).line).toBe(7);
  });
});

describe('parseCsv commentPrefix', () => {
  it('skips comment lines only when asked, keeping line numbers', () => {
    const text = '# note\na,b\n# mid\n1,2\n';
    expect(parseCsv(text, [], { commentPrefix: '#' }).rows).toEqual([{ line: 4, cells: { a: '1', b: '2' } }]);
    expect(parseCsv('a,b\n#x,2\n').rows).toEqual([{ line: 2, cells: { a: '#x', b: '2' } }]);
  });

  it('does not treat "#" inside a row or a quoted cell as a comment', () => {
    const text = 'a,b\n1,#2\n"x\n#y",3\n';
    expect(parseCsv(text, [], { commentPrefix: '#' }).rows).toEqual([
      { line: 2, cells: { a: '1', b: '#2' } },
      { line: 3, cells: { a: 'x\n#y', b: '3' } },
    ]);
  });
});

describe('missingRegionalInputs', () => {
  const full: RegionalStatisticsRecord = parseRegionalStatisticsCsv(GOOD_LINES.join('\n'))[0]!;

  it.each<{ name: string; record: RegionalStatisticsRecord | undefined; missing: string[] }>([
    { name: 'no record: all five', record: undefined, missing: [...REGIONAL_INPUTS] },
    { name: 'complete record: none', record: full, missing: [] },
    { name: 'one missing', record: { ...full, fdi: null, fdiSource: null }, missing: ['fdi'] },
    {
      name: 'several missing, in the fixed order',
      record: { ...full, foreignOwnedCompanies: null, exports: null, imports: null },
      missing: ['exports', 'imports', 'foreignOwnedCompanies'],
    },
  ])('$name', ({ record, missing }) => {
    expect(missingRegionalInputs(record)).toEqual(missing);
  });

  it('lists all five in order when there is no record', () => {
    expect(missingRegionalInputs(undefined)).toEqual(['population', 'fdi', 'exports', 'imports', 'foreignOwnedCompanies']);
  });
});

describe('the synthetic fixture yields all four scenarios for the 25 pilot clusters (2012, mean thresholds)', () => {
  const records = parseRegionalStatisticsCsv(readFileSync(FIXTURE, 'utf8'));
  const clusterDir = join(ROOT, 'content/clusters');
  const clusters = readdirSync(clusterDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => profileSchema.parse(JSON.parse(readFileSync(join(clusterDir, f), 'utf8'))));
  const items = clusters.map((p) => {
    const year = p.indicators.find((y) => y.year === 2012);
    if (!year) throw new Error(`${p.slug} has no 2012 indicators`);
    return { id: p.slug, values: indicatorValues(year) };
  });
  const clusterResults = computeIndexOverSet(items, INDICATOR_KEYS, unitWeights(INDICATOR_KEYS));
  const clusterThreshold = computeThreshold(clusterResults.map((r) => r.value), { kind: 'mean' });
  const regional = computeRegionalIndex(records.map((r) => ({ id: r.region, totals: r })));
  const regionThreshold = computeThreshold(regional.map((r) => r.value), { kind: 'mean' });
  const regionIndex = new Map(regional.map((r) => [r.id, r.value]));
  const regionOf = new Map(clusters.map((p) => [p.slug, p.general.region]));
  const scenarios = new Map<string, ScenarioCode>(
    clusterResults.map((r) => [
      r.id,
      classifyScenario({ clusterIndex: r.value, clusterThreshold, regionIndex: regionIndex.get(regionOf.get(r.id)!), regionThreshold }).code,
    ]),
  );

  it('covers the 25 pilot clusters, their 19 host regions and at least 2 others', () => {
    expect(clusters).toHaveLength(25);
    const hosts = new Set(regionOf.values());
    expect(hosts.size).toBe(19);
    for (const host of hosts) expect(regionIndex.has(host), host).toBe(true);
    expect(records.filter((r) => !hosts.has(r.region)).length).toBeGreaterThanOrEqual(2);
  });

  it('gives every pilot cluster a known scenario, and all four occur', () => {
    expect([...scenarios.values()].filter((s) => s === 'unknown')).toEqual([]);
    expect(new Set(scenarios.values())).toEqual(new Set(['potential', 'lonely', 'supported', 'late']));
  });

  it('matches the intended scenario of each pilot cluster', () => {
    expect(Object.fromEntries([...scenarios].sort(([a], [b]) => a.localeCompare(b)))).toEqual({
      'altai-biopharma': 'potential',
      'arkhangelsk-shipbuilding': 'potential',
      'bashkortostan-petrochem': 'potential',
      'dimitrovgrad-nuclear': 'potential',
      'dubna-nuclear-nanotech': 'potential',
      'kamsky-tatarstan': 'lonely',
      'kemerovo-coal-waste-processing': 'potential',
      'khabarovsk-aircraft-shipbuilding': 'potential',
      'mordovia-lighting': 'potential',
      'nizhny-novgorod-auto-petrochem': 'supported',
      'novosibirsk-it-biopharma': 'lonely',
      'obninsk-pharma-biotech': 'supported',
      'perm-rocket-engines': 'lonely',
      'phystech-xxi': 'lonely',
      'pushchino-biotech': 'potential',
      'samara-aerospace': 'lonely',
      'sarov-nuclear': 'supported',
      'spb-it-radioelectronics': 'late',
      'spb-medical-pharma-radiology': 'late',
      'sverdlovsk-titanium': 'potential',
      'tomsk-pharma-medtech-it': 'late',
      'troitsk-new-materials': 'supported',
      'ulyanovsk-avia': 'lonely',
      'zelenograd': 'late',
      'zheleznogorsk-nuclear-space': 'lonely',
    });
  });
});
