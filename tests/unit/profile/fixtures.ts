import type { z } from 'zod';
import { describeZodError, type FieldProblem, type ProfileInput } from '../../../src/lib/profile';

/** A small valid profile; each test copies it and breaks one thing. */
export function validProfile(): ProfileInput {
  return {
    slug: 'test-cluster',
    general: {
      name: { ru: 'Тестовый кластер', en: 'Test cluster' },
      region: 'RU-KLU',
      city: { ru: 'Обнинск', en: 'Obninsk' },
      location: { lat: 55.083, lon: 36.617 },
      industryGroup: 'pharma-bio-medical',
      status: 'cluster-initiative',
      foundedYear: 2012,
      websites: [{ url: 'https://example.org', lang: 'en' }],
    },
    members: { members: [{ name: { en: 'Acme GmbH' }, type: 'sme', country: 'DE', internationalActivity: 3 }] },
    partnersProjects: {
      partners: [{ name: { en: 'Partner cluster' }, country: 'FR', type: 'cluster' }],
      projects: [{ title: { en: 'Joint lab' }, startYear: 2013, endYear: 2015, partnerCountries: ['FR'] }],
    },
    indicators: [
      {
        year: 2012,
        internationalMembers: { value: 4, source: 'test source' },
        exportsBlnRub: { value: 0.1, source: 'test source' },
        publications: { value: 1149, source: 'test source' },
        jointRndBlnRub: { value: 0.01, source: 'test source' },
      },
    ],
  };
}

/** Deep copy of the valid profile with `edit` applied to it. */
export function profileWith(edit: (p: any) => void): unknown {
  const p = structuredClone(validProfile()) as any;
  edit(p);
  return p;
}

/** The problems a schema reports for a value ([] when it is valid). */
export function problemsOf(schema: z.ZodTypeAny, value: unknown): FieldProblem[] {
  const result = schema.safeParse(value);
  return result.success ? [] : describeZodError(result.error);
}

/** Just the dotted field paths of the problems. */
export function fieldsOf(schema: z.ZodTypeAny, value: unknown): string[] {
  return problemsOf(schema, value).map((p) => p.field);
}
