import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../src/lib/profile';
import { isInBox, locationProblem, regionBoxes, type RegionBoundaries } from '../../../src/lib/workflow';
import { submittableProfile } from './fixtures';

const content = join(import.meta.dirname, '../../../content');
const boxes = regionBoxes(JSON.parse(readFileSync(join(content, 'region-boundaries.geojson'), 'utf8')) as RegionBoundaries);

describe('locationProblem', () => {
  it('has a box for each of the 83 regions', () => {
    expect(boxes.size).toBe(83);
  });

  it('accepts the location of every shipped profile (incl. Sarov, Dubna, Zelenograd near borders)', () => {
    const files = readdirSync(join(content, 'clusters'));
    const problems = files.map((f) => profileSchema.parse(JSON.parse(readFileSync(join(content, 'clusters', f), 'utf8')))).map((p) => locationProblem(p, boxes));
    expect(problems.filter(Boolean)).toEqual([]);
    expect(files).toHaveLength(25);
  });

  it.each([
    ['Berlin', 52.52, 13.4, 'RU-KLU'],
    ['Almaty (inside Russia\'s outer box)', 43.24, 76.9, 'RU-KLU'],
    ['Minsk, declared as Smolensk', 53.9, 27.56, 'RU-SMO'],
    ['Moscow, declared as Kamchatka', 55.75, 37.62, 'RU-KAM'],
    ['the null island', 0, 0, 'RU-MOW'],
  ])('refuses %s with the way out', (_name, lat, lon, region) => {
    const problem = locationProblem(submittableProfile((p) => ((p.general.location = { lat, lon }), (p.general.region = region))), boxes);
    expect(problem?.field).toBe('general.location');
    expect(problem?.message).toContain(`outside the region ${region}`);
  });

  it('handles Chukotka across 180°: both sides are inside, Alaska is not', () => {
    const chukotka = boxes.get('RU-CHU')!;
    expect(isInBox({ lat: 64.73, lon: 177.5 }, chukotka)).toBe(true); // Anadyr
    expect(isInBox({ lat: 66.0, lon: -171.0 }, chukotka)).toBe(true); // Uelen area
    expect(isInBox({ lat: 61.2, lon: -149.9 }, chukotka)).toBe(false); // Anchorage
  });
});
