import { describe, expect, it } from 'vitest';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MIN } from '../../../src/lib/accounts/limits';
import { ACCOUNT_ERROR_VARS, accountProblems, registerSchema, resetPasswordSchema, signInSchema, type AccountErrorKey } from '../../../src/lib/accounts/schemas';
import { translator, UI_MESSAGES } from '../../../src/lib/i18n';

const problemsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: any } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : accountProblems(result.error);
};

describe('registerSchema', () => {
  it('accepts a valid sign-up, trimming the email and name and lower-casing the email', () => {
    expect(registerSchema.parse({ email: '  Ann.Lee@Example.ORG ', name: ' Ann Lee ', password: 'twelve chars' })).toEqual({
      email: 'ann.lee@example.org',
      name: 'Ann Lee',
      password: 'twelve chars',
    });
  });

  it.each([
    ['password of 11 characters', { password: 'x'.repeat(PASSWORD_MIN - 1) }, 'password', 'account.error.passwordTooShort'],
    ['email without @', { email: 'ann.example.org' }, 'email', 'account.error.emailInvalid'],
    ['email too long', { email: `${'a'.repeat(EMAIL_MAX)}@example.org` }, 'email', 'account.error.emailTooLong'],
    ['name too long', { name: 'n'.repeat(NAME_MAX + 1) }, 'name', 'account.error.nameTooLong'],
    ['blank name', { name: '   ' }, 'name', 'account.error.required'],
    ['name of another type', { name: 42 }, 'name', 'account.error.required'],
    ['missing email (an empty form field arrives as null)', { email: null }, 'email', 'account.error.required'],
  ])('refuses a %s with the field and its message key', (_label, change, field, key) => {
    const input = { email: 'ann@example.org', name: 'Ann', password: 'a long password', ...change };
    expect(problemsOf(registerSchema, input)).toEqual([{ field, key }]);
  });

  it('accepts a password of exactly 12 characters, spaces included', () => {
    expect(problemsOf(registerSchema, { email: 'a@b.co', name: 'A', password: ' '.repeat(6) + 'x'.repeat(6) })).toEqual([]);
  });

  it('names every bad field once', () => {
    expect(problemsOf(registerSchema, {}).map((p) => p.field)).toEqual(['email', 'name', 'password']);
  });
});

describe('signInSchema and resetPasswordSchema', () => {
  it('lets any non-empty password be tried at sign-in (length rules apply when it is set)', () => {
    expect(problemsOf(signInSchema, { email: 'a@b.co', password: 'short' })).toEqual([]);
  });

  it('refuses a reset token that is not 43 base64url characters', () => {
    expect(problemsOf(resetPasswordSchema, { token: 'abc', password: 'a long password' })).toEqual([{ field: 'token', key: 'account.error.tokenInvalid' }]);
    expect(problemsOf(resetPasswordSchema, { token: 'A'.repeat(43), password: 'a long password' })).toEqual([]);
  });
});

describe('account error messages', () => {
  it('exist in both languages and name the limit of their rule', () => {
    for (const lang of ['ru', 'en'] as const) {
      const t = translator(lang);
      for (const [key, vars] of Object.entries(ACCOUNT_ERROR_VARS) as [AccountErrorKey, Record<string, number>][]) {
        expect(UI_MESSAGES[lang][key], `${lang} ${key}`).toBeTruthy();
        const text = t(key, vars);
        expect(text).not.toMatch(/\{\w+\}/);
        for (const value of Object.values(vars)) expect(text).toContain(String(value));
      }
    }
  });
});
