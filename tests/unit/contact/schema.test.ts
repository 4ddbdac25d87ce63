import { describe, expect, it } from 'vitest';
import { contactAlternative } from '../../../src/lib/contact/alternative';
import {
  CONTACT_ERROR_VARS,
  CONTACT_HONEYPOT_FIELD,
  CONTACT_MESSAGE_MAX,
  CONTACT_MESSAGE_MIN,
  contactAnswerSchema,
  contactFormSchema,
  contactProblems,
  contactRequestSchema,
  isHoneypotFilled,
} from '../../../src/lib/contact/schema';
import { translator, UI_KEYS } from '../../../src/lib/i18n';
import { submittableProfile } from '../workflow/fixtures';

const valid = { name: ' Anna Schmidt ', email: 'Anna@Example.ORG', message: 'We look for partners in pharmaceutical R&D.', lang: 'en' };

/** The message key of the first problem with a field, or undefined when the input passes. */
function problemOf(input: unknown, field: string): string | undefined {
  const parsed = contactRequestSchema.safeParse(input);
  return parsed.success ? undefined : contactProblems(parsed.error).find((p) => p.field === field)?.key;
}

describe('the contact request schema', () => {
  it('accepts a request with the optional fields left out, trimmed and with the e-mail lower-cased', () => {
    const parsed = contactRequestSchema.parse(valid);
    expect(parsed).toEqual({ name: 'Anna Schmidt', email: 'anna@example.org', message: valid.message, lang: 'en', [CONTACT_HONEYPOT_FIELD]: '' });
    expect(isHoneypotFilled(parsed)).toBe(false);
  });

  it('reads empty optional fields (null from an empty form field, or "") as not given', () => {
    expect(contactRequestSchema.parse({ ...valid, organisation: null, country: '  ' })).toMatchObject({ organisation: undefined, country: undefined });
    expect(contactRequestSchema.parse({ ...valid, organisation: 'Bayer AG', country: 'Deutschland' })).toMatchObject({ organisation: 'Bayer AG', country: 'Deutschland' });
  });

  it.each([
    ['message', { ...valid, message: 'x'.repeat(CONTACT_MESSAGE_MIN - 1) }, 'contact.error.messageTooShort'],
    ['message', { ...valid, message: `  ${'x'.repeat(CONTACT_MESSAGE_MIN - 1)}   ` }, 'contact.error.messageTooShort'],
    ['message', { ...valid, message: 'x'.repeat(CONTACT_MESSAGE_MAX + 1) }, 'contact.error.messageTooLong'],
    ['message', { ...valid, message: null }, 'account.error.required'],
    ['email', { ...valid, email: 'not an address' }, 'account.error.emailInvalid'],
    ['name', { ...valid, name: '' }, 'account.error.required'],
    ['organisation', { ...valid, organisation: 'o'.repeat(201) }, 'contact.error.organisationTooLong'],
    ['country', { ...valid, country: 'c'.repeat(101) }, 'contact.error.countryTooLong'],
  ])('refuses a bad %s with its message', (field, input, key) => {
    expect(problemOf(input, field)).toBe(key);
  });

  it('takes a message of exactly the limits', () => {
    expect(problemOf({ ...valid, message: 'x'.repeat(CONTACT_MESSAGE_MIN) }, 'message')).toBeUndefined();
    expect(problemOf({ ...valid, message: 'я'.repeat(CONTACT_MESSAGE_MAX) }, 'message')).toBeUndefined();
  });

  it('accepts any honeypot value and tells that it was filled', () => {
    for (const value of ['http://spam.example', ' x ', 42, ['a']]) {
      const parsed = contactRequestSchema.parse({ ...valid, [CONTACT_HONEYPOT_FIELD]: value });
      expect(isHoneypotFilled(parsed), String(value)).toBe(true);
    }
    expect(isHoneypotFilled(contactRequestSchema.parse({ ...valid, [CONTACT_HONEYPOT_FIELD]: null }))).toBe(false);
    expect(isHoneypotFilled(contactRequestSchema.parse({ ...valid, [CONTACT_HONEYPOT_FIELD]: '   ' }))).toBe(false);
  });

  it('needs the cluster on the form, and a bounded answer with a message id', () => {
    expect(contactFormSchema.safeParse(valid).success).toBe(false);
    expect(contactFormSchema.safeParse({ ...valid, slug: 'tomsk' }).success).toBe(true);
    expect(contactAnswerSchema.parse({ lang: 'ru', slug: 'tomsk', id: '7', answer: ' Спасибо! ' })).toEqual({ lang: 'ru', slug: 'tomsk', id: 7, answer: 'Спасибо!' });
    expect(contactAnswerSchema.safeParse({ lang: 'ru', slug: 'tomsk', id: '7', answer: '   ' }).success).toBe(false);
    expect(contactAnswerSchema.safeParse({ lang: 'ru', slug: 'tomsk', id: '0', answer: 'ok' }).success).toBe(false);
  });

  it('has every message in both languages, naming the limits', () => {
    for (const key of Object.keys(CONTACT_ERROR_VARS)) expect(UI_KEYS).toContain(key);
    expect(translator('ru')('contact.error.messageTooShort', CONTACT_ERROR_VARS['contact.error.messageTooShort'])).toContain(String(CONTACT_MESSAGE_MIN));
    expect(translator('en')('contact.error.messageTooLong', CONTACT_ERROR_VARS['contact.error.messageTooLong'])).toContain(String(CONTACT_MESSAGE_MAX));
  });
});

describe('who to write to when nobody manages the cluster here', () => {
  it('names the websites and the management organisation, each once, from the profile and its sources', () => {
    const profile = submittableProfile((p) => {
      p.general.websites = [{ url: 'https://cluster.example/', lang: 'ru' }];
      p.general.facts = [
        { kind: 'website', value: 'https://cluster.example', source: 'https://news.example/a' },
        { kind: 'website', value: 'https://other.example', source: 'https://news.example/b' },
        { kind: 'foundedYear', value: '2012', source: 'https://news.example/c' },
      ];
      p.management.facts = [{ kind: 'organisation', value: 'АНО «Центр»', source: 'https://news.example/d' }];
    });
    const alternative = contactAlternative(profile);
    expect(alternative.websites).toEqual([{ url: 'https://cluster.example/' }, { url: 'https://other.example', source: 'https://news.example/b' }]);
    expect(alternative.organisations).toEqual([{ name: { ru: 'АНО «Центр кластерного развития»' } }, { name: 'АНО «Центр»', source: 'https://news.example/d' }]);
  });

  it('names a sourced organisation in both languages when its fact has a Russian text', () => {
    const profile = submittableProfile((p) => {
      delete p.management.cmo;
      p.management.facts = [{ kind: 'organisation', value: 'Altai Center for Cluster Development', valueRu: 'Алтайский центр кластерного развития', source: 'https://news.example/d' }];
    });
    expect(contactAlternative(profile).organisations).toEqual([
      { name: { ru: 'Алтайский центр кластерного развития', en: 'Altai Center for Cluster Development' }, source: 'https://news.example/d' },
    ]);
  });

  it('names nobody for a profile without websites or organisation', () => {
    const profile = submittableProfile((p) => {
      p.general.websites = [];
      delete p.general.facts;
      p.management = {};
    });
    expect(contactAlternative(profile)).toEqual({ websites: [], organisations: [] });
  });
});
