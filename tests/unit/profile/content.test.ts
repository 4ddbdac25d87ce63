import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeZodError, formatProblems, profileSchema } from '../../../src/lib/profile';

// The shipped profiles of the 25 pilot clusters.
const dir = join(import.meta.dirname, '..', '..', '..', 'content', 'clusters');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
const parse = (file: string) => profileSchema.parse(load(file));

describe('content/clusters', () => {
  it('ships 25 profiles', () => {
    expect(files).toHaveLength(25);
  });

  it.each(files)('%s is a valid profile whose slug matches the file name', (file) => {
    const result = profileSchema.safeParse(load(file));
    // Show the field paths on failure rather than a zod dump.
    expect(result.success ? '' : formatProblems(describeZodError(result.error))).toBe('');
    expect(`${result.data!.slug}.json`).toBe(file);
  });

  it('covers 5 pharma/bio/medical clusters', () => {
    const pharma = files.filter((f) => parse(f).general.industryGroup === 'pharma-bio-medical').map((f) => basename(f, '.json'));
    expect(pharma.sort()).toEqual(['altai-biopharma', 'obninsk-pharma-biotech', 'pushchino-biotech', 'spb-medical-pharma-radiology', 'tomsk-pharma-medtech-it']);
  });

  it('keeps Pushchino’s unreported indicators absent (not 0)', () => {
    const [y2012, ...rest] = parse('pushchino-biotech.json').indicators;
    expect(rest).toEqual([]);
    expect(y2012!.year).toBe(2012);
    expect(y2012).not.toHaveProperty('internationalMembers');
    expect(y2012).not.toHaveProperty('exportsBlnRub');
    expect(y2012!.publications?.value).toBe(694);
    expect(y2012!.jointRndBlnRub?.value).toBe(0.39);
  });

  it('has Obninsk’s 2012 indicators in Kaluga region', () => {
    const p = parse('obninsk-pharma-biotech.json');
    expect(p.general.region).toBe('RU-KLU');
    const y = p.indicators.find((i) => i.year === 2012)!;
    expect([y.internationalMembers?.value, y.exportsBlnRub?.value, y.publications?.value, y.jointRndBlnRub?.value]).toEqual([4, 0.1, 1149, 0.01]);
  });
});
