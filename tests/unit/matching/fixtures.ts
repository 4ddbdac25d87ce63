import { profileSchema, type Profile, type ProfileInput } from '../../../src/lib/profile';

type Overrides = { slug: string; general?: Partial<ProfileInput['general']>; priorities?: ProfileInput['priorities'] };

/** A small hand-built profile for matching tests: only the fields given differ from a neutral base. */
export function matchProfile({ slug, general = {}, priorities = {} }: Overrides): Profile {
  return profileSchema.parse({
    slug,
    general: {
      name: { ru: 'Кластер', en: 'Cluster' },
      region: 'RU-MOW',
      city: { en: 'Moscow' },
      location: { lat: 55.75, lon: 37.62 },
      industryGroup: 'other',
      status: 'cluster-initiative',
      ...general,
    },
    priorities,
    indicators: [],
  });
}

/** Kaluga-like pharma cluster offering clinical trials and seeking partners in Germany. */
export const pharma = matchProfile({
  slug: 'pharma',
  general: { industryGroup: 'pharma-bio-medical', region: 'RU-KLU', name: { ru: 'Фармкластер', en: 'Pharma cluster' } },
  priorities: {
    cooperationAreas: ['rnd-knowledge-transfer'],
    offerItems: [{ area: 'rnd-knowledge-transfer', technologies: ['clinical trials', 'доклинические исследования'] }],
    seekItems: [{ area: 'trade-marketing', markets: ['generic drugs'], countries: ['DE'] }],
  },
});

/** A nuclear cluster with a sourced specialisation and nothing structured. */
export const nuclear = matchProfile({
  slug: 'nuclear',
  general: { industryGroup: 'nuclear', region: 'RU-ULY', specialization: { ru: [], en: ['nuclear medicine'] } },
  priorities: { facts: [{ kind: 'specialisation', value: 'power industry; radiation therapy / nuclear medicine', source: 'https://s.example/' }] },
});

/** A second pharma cluster that seeks R&D partners for generic drugs and offers distribution. */
export const biotech = matchProfile({
  slug: 'biotech',
  general: { industryGroup: 'pharma-bio-medical', region: 'RU-TOM', specialization: { ru: ['фармацевтика'], en: ['pharmaceutical substances'] } },
  priorities: {
    offerItems: [{ area: 'trade-marketing', markets: ['generic drugs distribution'] }],
    seekItems: [{ technologies: ['clinical studies'], countries: ['DE', 'FR'] }],
  },
});
