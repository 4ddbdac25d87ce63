/**
 * Regenerates content/clusters/*.json from the repository's copies of the pilot-cluster CSV and of the facts
 * about the pilot clusters from public sources (pilot-clusters-facts.csv; rows with status "use" only), each fact
 * with its Russian text from pilot-clusters-facts-ru.csv (a fact in words without one, or a stale one, fails).
 * Usage: npm run generate:clusters   (deterministic: running it twice gives the same files)
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/lib/csv';
import { profileSchema, type ProfileInput, INDICATOR_KEYS, type IndicatorKey } from '../src/lib/profile';
import { FACT_COLUMNS, FACT_RU_COLUMNS, factsByCluster, type BlockFacts } from './lib/pilot-facts';
import { PILOT_SOURCES } from '../src/lib/profile/pilot-sources';

const root = join(import.meta.dirname, '..');
const sourceDir = join(root, 'content', 'sources');
const outDir = join(root, 'content', 'clusters');

const INDICATOR_SOURCE = PILOT_SOURCES.indicators.en;
const CSV_COLUMN: Record<IndicatorKey, string> = {
  internationalMembers: 'international_members',
  exportsBlnRub: 'exports_bln_rub',
  publications: 'publications_scopus_wos',
  jointRndBlnRub: 'joint_rnd_bln_rub',
};
const UNCONFIRMED_RU_NAME = new Set(['15']);

interface Extra {
  slug: string;
  cityRu: string;
}

/** Builds one profile from a CSV row; an empty cell stays absent (not reported), never 0. */
function toProfile(cells: Record<string, string>, extra: Extra, facts: BlockFacts | undefined): ProfileInput {
  const year2012: Record<string, unknown> = { year: 2012 };
  for (const key of INDICATOR_KEYS) {
    const raw = cells[CSV_COLUMN[key]]!;
    if (raw !== '') year2012[key] = { value: Number(raw), source: INDICATOR_SOURCE };
  }
  return {
    slug: extra.slug,
    general: {
      name: { ru: cells.name_ru!, en: cells.name_en! },
      region: cells.region_iso!,
      city: { ru: extra.cityRu, en: cells.city! },
      location: { lat: Number(cells.lat), lon: Number(cells.lon) },
      industryGroup: cells.industry_group as ProfileInput['general']['industryGroup'],
      status: 'pilot-innovative-territorial',
      ...withFacts(facts?.general),
    },
    ...(facts?.priorities.length ? { priorities: { facts: facts.priorities } } : {}),
    ...(facts?.management.length ? { management: { facts: facts.management } } : {}),
    ...(facts?.members.length ? { members: { facts: facts.members } } : {}),
    indicators: [year2012 as never],
    provenance: {
      source: PILOT_SOURCES.clusterList.en,
      ...(UNCONFIRMED_RU_NAME.has(cells.no!) ? { note: PILOT_SOURCES.unconfirmedRuName.en } : {}),
    },
  };
}

/** `{ facts }` when there are any, else nothing (profiles without sourced facts keep their earlier shape). */
function withFacts<T>(facts: T[] | undefined): { facts?: T[] } {
  return facts?.length ? { facts } : {};
}

const csv = readFileSync(join(sourceDir, 'pilot-clusters-2012.csv'), 'utf8');
const extras = JSON.parse(readFileSync(join(sourceDir, 'pilot-clusters-extra.json'), 'utf8')) as Record<string, Extra>;
const { rows } = parseCsv(csv, ['no', 'name_en', 'name_ru', 'industry_group', 'region_iso', 'city', 'lat', 'lon', ...Object.values(CSV_COLUMN)]);

const factRows = parseCsv(readFileSync(join(sourceDir, 'pilot-clusters-facts.csv'), 'utf8'), [...FACT_COLUMNS]).rows;
const factRuRows = parseCsv(readFileSync(join(sourceDir, 'pilot-clusters-facts-ru.csv'), 'utf8'), [...FACT_RU_COLUMNS]).rows;
const facts = factsByCluster(factRows, factRuRows);

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
for (const { line, cells } of rows) {
  const extra = extras[cells.no!];
  if (!extra) throw new Error(`pilot-clusters-2012.csv line ${line}: no entry for no=${cells.no} in pilot-clusters-extra.json`);
  const profile = profileSchema.parse(toProfile(cells, extra, facts.get(cells.no!)));
  writeFileSync(join(outDir, `${profile.slug}.json`), JSON.stringify(profile, null, 2) + '\n');
}
console.log(`wrote ${rows.length} profiles to content/clusters/`);
