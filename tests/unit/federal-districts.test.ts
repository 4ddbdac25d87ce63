import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../src/lib/regions';
import { districtsCoverRegions, federalDistrictOf, regionsOfDistrict } from '../../src/lib/federal-districts';

describe('federal districts (2012 composition)', () => {
  it('puts each of the 83 regions in exactly one district', () => expect(districtsCoverRegions(REGION_CODES)).toBe(true));

  it.each([
    ['RU-KYA', 'siberian'],
    ['RU-ZAB', 'siberian'],
    ['RU-KHA', 'far-eastern'],
    ['RU-SVE', 'ural'],
    ['RU-NIZ', 'volga'],
    ['RU-SPE', 'northwestern'],
    ['RU-MOW', 'central'],
    ['RU-STA', 'north-caucasian'],
    ['RU-ROS', 'southern'],
  ] as const)('%s is in the %s district', (code, district) => expect(federalDistrictOf(code)).toBe(district));

  it('names the bad code and the way out', () => expect(() => federalDistrictOf('RU-XX')).toThrow(/"RU-XX".*content\/regions.json/));

  it('lists the regions of a district', () => expect(regionsOfDistrict('ural')).toHaveLength(6));
});
