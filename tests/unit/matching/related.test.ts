import { describe, expect, it } from 'vitest';
import { isGenericWord, offerMeetsSeek, relate, relatedClusters, sharedSpecialisation } from '../../../src/lib/matching';
import { biotech, matchProfile, nuclear, pharma } from './fixtures';

describe('offerMeetsSeek', () => {
  it('meets on the same area first, else on a shared keyword, else not', () => {
    expect(offerMeetsSeek({ area: 'trade-marketing', markets: ['x'] }, { area: 'trade-marketing' })).toBe('trade-marketing');
    expect(offerMeetsSeek({ technologies: ['clinical trials'] }, { technologies: ['clinical studies'] })).toBe('clinical trials');
    expect(offerMeetsSeek({ technologies: ['lasers'] }, { technologies: ['clinical studies'] })).toBeNull();
  });
});

describe('relate (hand-computed)', () => {
  it('finds pharma similar to biotech (same group: 2) and complementary both ways (3 + 3)', () => {
    const { similar, complementary } = relate(biotech, pharma);
    // pharma has no specialisation phrases, so only the group counts towards similarity.
    expect(similar).toEqual({ slug: 'pharma', score: 2, reasons: [{ kind: 'sameIndustryGroup', value: 'pharma-bio-medical', points: 2 }] });
    expect(complementary).toEqual({
      slug: 'pharma',
      score: 6,
      reasons: [
        { kind: 'offersWhatSeeks', value: 'clinical trials', points: 3 },
        { kind: 'seeksWhatOffers', value: 'trade-marketing', points: 3 },
      ],
    });
  });

  it('counts shared specialisation phrases of the other cluster (1 each) and nothing across unrelated fields', () => {
    const isotopes = matchProfile({ slug: 'isotopes', general: { industryGroup: 'nuclear', specialization: { ru: [], en: ['isotopes for nuclear medicine', 'lasers'] } } });
    expect(relate(nuclear, isotopes).similar).toEqual({
      slug: 'isotopes',
      score: 3,
      reasons: [
        { kind: 'sameIndustryGroup', value: 'nuclear', points: 2 },
        { kind: 'sharedSpecialisation', value: 'isotopes for nuclear medicine', points: 1 },
      ],
    });
    expect(relate(biotech, nuclear).similar).toEqual({ slug: 'nuclear', score: 0, reasons: [] });
  });

  it('does not count generic words ("technologies", "industry") as shared specialisation', () => {
    const oil = matchProfile({ slug: 'oil', general: { specialization: { ru: [], en: ['technologies for the oil industry'] } } });
    const space = matchProfile({ slug: 'space', general: { specialization: { ru: [], en: ['space technologies', 'aircraft industry'] } } });
    expect(sharedSpecialisation(oil, space)).toEqual([]);
    expect(isGenericWord('technologies')).toBe(true);
    expect(isGenericWord('radiation')).toBe(false);
  });
});

describe('relatedClusters', () => {
  it('never lists the profile itself and orders by score, then slug', () => {
    const related = relatedClusters(pharma, [pharma, nuclear, biotech]);
    expect(related.similar.map((r) => r.slug)).toEqual(['biotech']);
    expect(related.complementary.map((r) => r.slug)).toEqual(['biotech']);
    expect([...related.similar, ...related.complementary].some((r) => r.slug === 'pharma')).toBe(false);
  });
});
