import { describe, expect, it } from 'vitest';
import { clusterSummarySchema } from '../../../src/lib/profile';

const obninsk = {
  slug: 'obninsk-pharma-biotech',
  name: { ru: 'Кластер фармацевтики', en: 'Pharmaceutical cluster (Obninsk)' },
  region: 'RU-KLU',
  industryGroup: 'pharma-bio-medical',
  status: 'pilot-innovative-territorial',
  foundedYear: null,
  location: { lat: 55.083, lon: 36.617 },
  city: { ru: 'Обнинск', en: 'Obninsk' },
  selfAssessment: null,
};

// The summary is picked from the profile schema, so it carries the profile's rules rather than copies of them.
describe('clusterSummarySchema', () => {
  it('accepts a summary as the store returns it', () => {
    expect(clusterSummarySchema.parse(obninsk)).toEqual(obninsk);
  });

  it.each([
    ['region', { region: 'RU-XXX' }],
    ['industryGroup', { industryGroup: 'mining' }],
    ['foundedYear', { foundedYear: 1900 }],
    ['selfAssessment', { selfAssessment: 9 }],
    ['location', { location: { lat: 91, lon: 0 } }],
  ])('rejects a bad %s with the profile schema\'s rule', (field, change) => {
    const result = clusterSummarySchema.safeParse({ ...obninsk, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});
