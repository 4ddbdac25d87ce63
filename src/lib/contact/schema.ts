import { z } from 'zod';
import { emailSchema, langSchema, nameSchema } from '../accounts/schemas';
import { EMAIL_MAX, NAME_MAX } from '../accounts/limits';

/**
 * The contact form of a cluster profile, one schema for the form (Astro Action), the JSON API and the stored row.
 * Messages are keys of the interface strings (src/lib/i18n/ui-contact.ts and the account ones it reuses), so each
 * caller says them in its language.
 */

/** Shortest message: a greeting alone tells the managers nothing to answer. */
export const CONTACT_MESSAGE_MIN = 20;
/** Longest message (a page of text; longer proposals go as a link or an attachment after the first answer). */
export const CONTACT_MESSAGE_MAX = 4000;
/** Longest organisation name. */
export const CONTACT_ORGANISATION_MAX = 200;
/** Longest country (free text: the sender's own words, e.g. "Deutschland"). */
export const CONTACT_COUNTRY_MAX = 100;
/** Longest answer of a manager. */
export const CONTACT_ANSWER_MAX = 4000;
/** How long the link that confirms the sender's address works. */
export const CONTACT_CONFIRM_TTL_MS = 48 * 3600 * 1000;
/**
 * The honeypot: a field hidden from people (visually hidden, labelled "leave empty", tabindex -1, autocomplete off)
 * that form-filling bots fill in. A request with it filled is answered as accepted and dropped.
 */
export const CONTACT_HONEYPOT_FIELD = 'homepage';

/** Key of the message of a contact field problem (a key of the interface strings). */
export type ContactErrorKey =
  | 'account.error.required'
  | 'account.error.emailInvalid'
  | 'account.error.emailTooLong'
  | 'account.error.nameTooLong'
  | 'contact.error.organisationTooLong'
  | 'contact.error.countryTooLong'
  | 'contact.error.messageTooShort'
  | 'contact.error.messageTooLong'
  | 'contact.error.answerTooLong';

const required: ContactErrorKey = 'account.error.required';

/** An optional one-line text: empty (or null, as an empty form field arrives) means not given. */
const optionalLine = (max: number, tooLong: ContactErrorKey) =>
  z
    .string({ invalid_type_error: required })
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((value) => value || undefined);

/** A required text of min..max characters after trimming (line breaks kept). */
const boundedText = (min: number, max: number, tooShort: ContactErrorKey, tooLong: ContactErrorKey) =>
  z
    .string({ required_error: required, invalid_type_error: required })
    .trim()
    .min(1, required)
    .min(min, tooShort)
    .max(max, tooLong);

/** The message a visitor writes to a cluster's managers. */
export const contactMessageSchema = boundedText(CONTACT_MESSAGE_MIN, CONTACT_MESSAGE_MAX, 'contact.error.messageTooShort', 'contact.error.messageTooLong');

/** What a visitor sends: who they are, what they write, in which language to answer them; and the honeypot. */
export const contactRequestSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  organisation: optionalLine(CONTACT_ORGANISATION_MAX, 'contact.error.organisationTooLong'),
  country: optionalLine(CONTACT_COUNTRY_MAX, 'contact.error.countryTooLong'),
  message: contactMessageSchema,
  lang: langSchema,
  // Any text is accepted here: a filled honeypot must look accepted, never refused.
  [CONTACT_HONEYPOT_FIELD]: z.unknown().transform((value) => (typeof value === 'string' ? value.trim() : value == null ? '' : 'filled')),
});

/** A validated contact request (the honeypot included, to be checked with isHoneypotFilled). */
export type ContactRequestInput = z.infer<typeof contactRequestSchema>;

/** The JSON API's request (POST /api/v1/clusters/{slug}/contact): the form's fields, the language optional (English when left out). */
export const contactApiSchema = contactRequestSchema.extend({ lang: langSchema.optional() });

/** The form of the profile page: the request and the cluster it goes to. */
export const contactFormSchema = contactRequestSchema.extend({ slug: z.string().min(1).max(200) });

/** A manager's answer to a request. */
export const contactAnswerSchema = z.object({
  lang: langSchema,
  slug: z.string().min(1).max(200),
  id: z.coerce.number({ invalid_type_error: required }).int().positive(),
  answer: boundedText(1, CONTACT_ANSWER_MAX, required, 'contact.error.answerTooLong'),
});

/** Whether a bot filled the honeypot (then the request is answered as accepted and dropped). */
export function isHoneypotFilled(input: Pick<ContactRequestInput, typeof CONTACT_HONEYPOT_FIELD>): boolean {
  return input[CONTACT_HONEYPOT_FIELD] !== '';
}

/** States of a stored request: waiting for the sender's confirmation, delivered to the managers, answered. */
export const CONTACT_STATUSES = ['unconfirmed', 'delivered', 'answered'] as const;
/** One of CONTACT_STATUSES. */
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** The numbers each message names ({min}, {max}), taken from the limits so a message cannot drift from its rule. */
export const CONTACT_ERROR_VARS: Readonly<Record<ContactErrorKey, Record<string, number>>> = {
  'account.error.required': {},
  'account.error.emailInvalid': {},
  'account.error.emailTooLong': { max: EMAIL_MAX },
  'account.error.nameTooLong': { max: NAME_MAX },
  'contact.error.organisationTooLong': { max: CONTACT_ORGANISATION_MAX },
  'contact.error.countryTooLong': { max: CONTACT_COUNTRY_MAX },
  'contact.error.messageTooShort': { min: CONTACT_MESSAGE_MIN },
  'contact.error.messageTooLong': { max: CONTACT_MESSAGE_MAX },
  'contact.error.answerTooLong': { max: CONTACT_ANSWER_MAX },
};

/** One problem of a contact input: the field and the key of its message. */
export interface ContactProblem {
  field: string;
  key: ContactErrorKey;
}

/** The first problem of each field of a zod error, in the order the fields were checked. */
export function contactProblems(error: z.ZodError): ContactProblem[] {
  const byField = new Map<string, ContactErrorKey>();
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '(body)';
    if (!byField.has(field)) byField.set(field, (issue.message in CONTACT_ERROR_VARS ? issue.message : required) as ContactErrorKey);
  }
  return [...byField].map(([field, key]) => ({ field, key }));
}
