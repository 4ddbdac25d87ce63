import { describe, expect, it } from 'vitest';
import { keyValue } from '../../../src/lib/compare/key-facts';
import { profileSchema } from '../../../src/lib/profile';
import { validProfile } from '../profile/fixtures';

const profile = profileSchema.parse({
  ...validProfile(),
  general: {
    ...validProfile().general,
    facts: [{ kind: 'membersCount', value: 'more than 60 (2016)', valueRu: 'более 60 (2016)', asOf: 2016, source: 'https://s.example/' }],
  },
});

describe('keyValue', () => {
  it('takes a sourced fact in the page’s language: Russian on Russian pages, the value on English ones', () => {
    expect(keyValue(profile, undefined, 'membersCount', 'ru')).toEqual({ text: 'более 60 (2016)', asOf: 2016, source: 'https://s.example/' });
    expect(keyValue(profile, undefined, 'membersCount', 'en')).toEqual({ text: 'more than 60 (2016)', asOf: 2016, source: 'https://s.example/' });
  });

  it('prefers the manager’s value', () => {
    expect(keyValue(profile, 42, 'membersCount', 'ru')).toEqual({ text: '42' });
  });
});
