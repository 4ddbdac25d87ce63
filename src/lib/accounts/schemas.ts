import { z } from 'zod';
import { LANGS } from '../i18n/locales';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, TOKEN_NAME_MAX } from './limits';

/**
 * Schemas of every account input (forms, Astro Actions and the JSON API share them). Their messages are keys of
 * the account interface strings (src/lib/i18n/ui-accounts.ts), so each caller shows them in its language.
 */

/** Key of the message of a field problem (a key of ACCOUNT_UI). */
export type AccountErrorKey =
  | 'account.error.required'
  | 'account.error.emailInvalid'
  | 'account.error.emailTooLong'
  | 'account.error.nameTooLong'
  | 'account.error.passwordTooShort'
  | 'account.error.passwordTooLong'
  | 'account.error.tokenNameTooLong'
  | 'account.error.tokenInvalid';

const required: AccountErrorKey = 'account.error.required';
/** A required text field: missing, null (an empty form field) or another type all read "required". */
const text = () => z.string({ required_error: required, invalid_type_error: required });

/** An email address, trimmed and lower-cased (accounts are found by it case-insensitively). */
export const emailSchema = text()
  .trim()
  .min(1, required)
  .max(EMAIL_MAX, 'account.error.emailTooLong' satisfies AccountErrorKey)
  // Deliberately loose (one @, a dot in the domain, no spaces): the confirmation mail is the real check.
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'account.error.emailInvalid' satisfies AccountErrorKey)
  .transform((email) => email.toLowerCase());

/** A display name: trimmed, 1 to NAME_MAX characters. */
export const nameSchema = text().trim().min(1, required).max(NAME_MAX, 'account.error.nameTooLong' satisfies AccountErrorKey);

/** A new password: PASSWORD_MIN to PASSWORD_MAX characters, kept exactly as typed (spaces count). */
export const newPasswordSchema = text()
  .min(1, required)
  .min(PASSWORD_MIN, 'account.error.passwordTooShort' satisfies AccountErrorKey)
  .max(PASSWORD_MAX, 'account.error.passwordTooLong' satisfies AccountErrorKey);

/** A password typed to sign in: only present and bounded (its length rules may have changed since it was set). */
export const currentPasswordSchema = text().min(1, required).max(PASSWORD_MAX, 'account.error.passwordTooLong' satisfies AccountErrorKey);

/** A token from a link or a form: base64url of 32 bytes (43 characters). */
export const tokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, 'account.error.tokenInvalid' satisfies AccountErrorKey);

/** The interface language a form was sent from (mails are written in it). */
export const langSchema = z.enum(LANGS).catch('ru');

/** Sign-up: email, name and password. */
export const registerSchema = z.object({ email: emailSchema, name: nameSchema, password: newPasswordSchema });
/** Sign-in: email and password. */
export const signInSchema = z.object({ email: emailSchema, password: currentPasswordSchema });
/** Asking for a password reset link. */
export const forgotPasswordSchema = z.object({ email: emailSchema });
/** Setting a new password with a reset link's token. */
export const resetPasswordSchema = z.object({ token: tokenSchema, password: newPasswordSchema });
/** Creating an API token: what it is for. */
export const apiTokenCreateSchema = z.object({
  name: text().trim().min(1, required).max(TOKEN_NAME_MAX, 'account.error.tokenNameTooLong' satisfies AccountErrorKey),
});
/** POST /api/v1/accounts: sign-up, and the language of the confirmation mail (English unless given). */
export const registerApiSchema = registerSchema.extend({ lang: langSchema.optional() });
/** POST /api/v1/auth/tokens: credentials, and what the token is for (optional). */
export const tokenRequestSchema = signInSchema.extend({ name: apiTokenCreateSchema.shape.name.optional() });
/** Revoking an API token by its id. */
export const apiTokenRevokeSchema = z.object({ id: z.coerce.number({ invalid_type_error: required }).int().positive() });

/** Validated sign-up input. */
export type RegisterInput = z.infer<typeof registerSchema>;
/** Validated sign-in input. */
export type SignInInput = z.infer<typeof signInSchema>;
/** Validated reset input. */
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** One problem of an account input: the field and the key of its message. */
export interface AccountProblem {
  field: string;
  key: AccountErrorKey;
}

/** The first problem of each field of a zod error, in the order of the fields. */
export function accountProblems(error: z.ZodError): AccountProblem[] {
  const byField = new Map<string, AccountErrorKey>();
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '(body)';
    if (!byField.has(field)) byField.set(field, (issue.message.startsWith('account.error.') ? issue.message : required) as AccountErrorKey);
  }
  return [...byField].map(([field, key]) => ({ field, key }));
}

/** The numbers each message names ({max}, {min}), taken from the limits so that a message cannot drift from its rule. */
export const ACCOUNT_ERROR_VARS: Readonly<Record<AccountErrorKey, Record<string, number>>> = {
  'account.error.required': {},
  'account.error.emailInvalid': {},
  'account.error.emailTooLong': { max: EMAIL_MAX },
  'account.error.nameTooLong': { max: NAME_MAX },
  'account.error.passwordTooShort': { min: PASSWORD_MIN },
  'account.error.passwordTooLong': { max: PASSWORD_MAX },
  'account.error.tokenNameTooLong': { max: TOKEN_NAME_MAX },
  'account.error.tokenInvalid': {},
};
