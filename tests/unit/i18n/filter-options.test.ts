import { describe, expect, it } from 'vitest';
import { regionOptionGroups } from '../../../src/lib/i18n/filter-options';

describe('regionOptionGroups', () => {
  const counts = { 'RU-KYA': 1, 'RU-TOM': 2, 'RU-MOS': 3 };

  it('lists only regions with clusters, with counts, grouped by federal district in district order', () => {
    expect(regionOptionGroups(counts, 'ru')).toEqual([
      { label: 'Центральный федеральный округ', options: [{ value: 'RU-MOS', label: 'Московская область (3)' }] },
      {
        label: 'Сибирский федеральный округ',
        options: [
          { value: 'RU-KYA', label: 'Красноярский край (1)' },
          { value: 'RU-TOM', label: 'Томская область (2)' },
        ],
      },
    ]);
  });

  it('keeps the selected region even without clusters, so the choice stays visible', () => {
    const groups = regionOptionGroups(counts, 'en', 'RU-CHU');
    expect(groups.at(-1)).toEqual({ label: 'Far Eastern Federal District', options: [{ value: 'RU-CHU', label: expect.stringMatching(/\(0\)$/) }] });
  });

  it('is empty when no region has clusters', () => expect(regionOptionGroups({}, 'en')).toEqual([]));
});
