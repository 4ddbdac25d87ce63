import { MEMBER_TYPES, profileSchema, type Profile } from '../../../src/lib/profile';
import { validProfile } from '../profile/fixtures';

/** Members of two types (half SMEs, half universities), enough for the minimum requirements by default. */
export function members(count = 10, types: readonly (typeof MEMBER_TYPES)[number][] = ['sme', 'university']) {
  return Array.from({ length: count }, (_, i) => ({ name: { ru: `Участник ${i + 1}` }, type: types[i % types.length]! }));
}

/** A profile that meets every minimum requirement (slug and names can be changed by `edit`). */
export function submittableInput(edit: (p: any) => void = () => {}): any {
  const p = structuredClone(validProfile()) as any;
  p.management = {
    cmo: { name: { ru: 'АНО «Центр кластерного развития»' } },
    manager: { name: 'Иван Петров', email: 'manager@example.org' },
  };
  p.members = { members: members() };
  edit(p);
  return p;
}

/** The parsed submittable profile. */
export function submittableProfile(edit?: (p: any) => void): Profile {
  return profileSchema.parse(submittableInput(edit));
}
