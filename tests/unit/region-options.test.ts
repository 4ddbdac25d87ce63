import { describe, expect, it } from 'vitest';
import { countByRegion, groupRegionOptions } from '../../src/lib/region-options';

describe('groupRegionOptions', () => {
  const regions = [
    { value: 'RU-KYA', label: 'Krasnoyarsk' },
    { value: 'RU-MOS', label: 'Moscow Oblast' },
    { value: 'RU-TOM', label: 'Tomsk' },
    { value: 'RU-TUL', label: 'Tula' },
  ];
  it('keeps regions with clusters in their district, in the given order, districts in their fixed order', () => {
    expect(groupRegionOptions(regions, { 'RU-TOM': 2, 'RU-KYA': 1, 'RU-MOS': 1 }, (d) => d)).toEqual([
      { label: 'central', options: [{ value: 'RU-MOS', label: 'Moscow Oblast (1)' }] },
      { label: 'siberian', options: [{ value: 'RU-KYA', label: 'Krasnoyarsk (1)' }, { value: 'RU-TOM', label: 'Tomsk (2)' }] },
    ]);
  });
  it('keeps the selected region at 0', () => expect(groupRegionOptions(regions, {}, (d) => d, 'RU-TUL')).toEqual([{ label: 'central', options: [{ value: 'RU-TUL', label: 'Tula (0)' }] }]));
});

describe('countByRegion', () => {
  it('counts items per region', () => expect(countByRegion([{ region: 'RU-TOM' }, { region: 'RU-KYA' }, { region: 'RU-TOM' }])).toEqual({ 'RU-TOM': 2, 'RU-KYA': 1 }));
});
