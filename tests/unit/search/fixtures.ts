import { profileSchema, type Profile, type ProfileInput } from '../../../src/lib/profile';

/** A profile with every searchable block filled and private contacts that must never be indexed. */
export function richProfileInput(overrides: { slug?: string; region?: string; city?: { ru?: string; en?: string }; name?: { ru: string; en: string } } = {}): ProfileInput {
  return {
    slug: overrides.slug ?? 'kaluga-pharma-test',
    general: {
      name: overrides.name ?? { ru: 'Фармацевтический кластер Калужской области', en: 'Kaluga pharmaceutical cluster' },
      shortName: { en: 'KPC' },
      region: overrides.region ?? 'RU-KLU',
      city: overrides.city ?? { ru: 'Обнинск', en: 'Obninsk' },
      location: { lat: 55.083, lon: 36.617 },
      industryGroup: 'pharma-bio-medical',
      specialization: { ru: ['генерики'], en: ['generics'] },
      status: 'cluster-initiative',
      foundedYear: 2012,
      description: { en: 'Contract R&D and <b>bold</b> \uE000forged\uE001 markers.' },
      selfAssessment: 4,
    },
    priorities: {
      technologyPriorities: { ru: ['биоаналоги'], en: ['biosimilars'] },
      offers: { en: 'Clinical trials capacity' },
      seeks: { ru: 'Партнёры в Германии' },
      cooperationAreas: ['rnd-knowledge-transfer'],
    },
    management: {
      manager: { name: 'Ignatius Quarkwell', position: 'Director', email: 'secret.manager@example.org', phone: '+7 999 123-45-67' },
      cmo: { name: { en: 'Cluster development agency' } },
    },
    members: { members: [{ name: { en: 'Acme GmbH', ru: 'Акме' }, type: 'sme', country: 'DE' }] },
    partnersProjects: {
      partners: [{ name: { en: 'Medicon Valley Alliance' }, country: 'DK', type: 'cluster' }],
      projects: [{ title: { en: 'Joint biosimilar lab' }, partnerCountries: ['FR'] }],
    },
    indicators: [],
  };
}

/** The rich profile, validated (defaults applied). */
export function richProfile(overrides: Parameters<typeof richProfileInput>[0] = {}): Profile {
  return profileSchema.parse(richProfileInput(overrides));
}
