import { describe, expect, it } from 'vitest';
import { MATCH_POINTS, rankPartners, scorePartner } from '../../../src/lib/matching';
import { biotech, nuclear, pharma } from './fixtures';

describe('scorePartner (hand-computed)', () => {
  it('gives an R&D search for clinical trials in pharmaceuticals with partners in Germany 6 + 4 + 3 + 3 = 16 points, with reasons', () => {
    const match = scorePartner(pharma, { industryGroup: 'pharma-bio-medical', area: 'rnd-knowledge-transfer', country: 'DE', q: 'clinical trials' });
    // industry group 4; area 3; country 3 (a sought country); "clinical" and "trials" both find the offer "clinical trials": 3 + 3.
    expect(match).toEqual({
      slug: 'pharma',
      score: 16,
      reasons: [
        { kind: 'offers', value: 'clinical trials', points: 6 },
        { kind: 'industryGroup', value: 'pharma-bio-medical', points: 4 },
        { kind: 'area', value: 'rnd-knowledge-transfer', points: 3 },
        { kind: 'country', value: 'DE', points: 3 },
      ],
    });
  });

  it('finds a word first in offers, then specialisation (sourced facts included), priorities, name', () => {
    expect(scorePartner(nuclear, { q: 'radiation' }).reasons).toEqual([{ kind: 'specialisation', value: 'radiation therapy / nuclear medicine', points: MATCH_POINTS.specialisation }]);
    expect(scorePartner(nuclear, { q: 'medicine' }).reasons).toEqual([{ kind: 'specialisation', value: 'nuclear medicine', points: 2 }]);
    expect(scorePartner(pharma, { q: 'фармкластер' }).reasons).toEqual([{ kind: 'name', value: 'Фармкластер', points: 1 }]);
  });

  it('finds a Russian word in the Russian text of a sourced fact', () => {
    const facts = [{ kind: 'specialisation' as const, value: 'nuclear medicine', valueRu: 'энергетика; ядерная медицина', source: 'https://s.example/' }];
    const withRu = { ...nuclear, priorities: { ...nuclear.priorities, facts } };
    expect(scorePartner(withRu, { q: 'энергетика' }).reasons).toEqual([{ kind: 'specialisation', value: 'энергетика', points: MATCH_POINTS.specialisation }]);
  });

  it('gives half the industry-group points to a word that only names the group', () => {
    expect(scorePartner(pharma, { q: 'pharmaceutical' })).toMatchObject({ score: 2, reasons: [{ kind: 'industryGroup', value: 'pharma-bio-medical', points: 2 }] });
  });

  it('scores the region and ignores what does not match', () => {
    expect(scorePartner(pharma, { region: 'RU-KLU', country: 'US', area: 'institutional' })).toEqual({
      slug: 'pharma',
      score: 2,
      reasons: [{ kind: 'region', value: 'RU-KLU', points: 2 }],
    });
  });
});

describe('rankPartners', () => {
  const all = [nuclear, biotech, pharma];

  it('ranks by score, then slug, and leaves out clusters that match nothing', () => {
    const ranked = rankPartners(all, { industryGroup: 'pharma-bio-medical', area: 'rnd-knowledge-transfer' }, 10);
    // pharma: 4 + 3 = 7; biotech: 4 (no R&D area); nuclear: 0, left out.
    expect(ranked.map((m) => [m.slug, m.score])).toEqual([
      ['pharma', 7],
      ['biotech', 4],
    ]);
  });

  it('breaks ties by slug and is the same whatever the input order', () => {
    const q = { industryGroup: 'pharma-bio-medical' as const };
    expect(rankPartners(all, q, 10).map((m) => m.slug)).toEqual(['biotech', 'pharma']);
    expect(rankPartners([...all].reverse(), q, 10)).toEqual(rankPartners(all, q, 10));
  });

  it('stops at the limit', () => {
    expect(rankPartners(all, { industryGroup: 'pharma-bio-medical' }, 1)).toHaveLength(1);
  });
});
