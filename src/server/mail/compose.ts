import { localizePath, translator, type Lang } from '../../lib/i18n';
import { CONFIRM_TOKEN_TTL_MS, RESET_TOKEN_TTL_MS } from '../../lib/accounts/limits';
import type { MailMessage } from '../db/store-interfaces';
import { readPublicUrl } from './public-url';

/** The mails accounts send. */
export type AccountMailKind = 'confirm' | 'reset' | 'exists';

const HOUR = 3600 * 1000;

/** Where each mail's link leads, with its token when it has one. */
function linkOf(kind: AccountMailKind, lang: Lang, token: string | null): string {
  const path = kind === 'confirm' ? '/confirm' : kind === 'reset' ? '/reset-password' : '/login';
  return `${readPublicUrl()}${localizePath(path, lang)}${token ? `?token=${token}` : ''}`;
}

/** A mail to an account in its language, with its link (token: the secret of a confirm or reset link). */
export function accountMail(kind: AccountMailKind, to: { email: string; name: string; lang: Lang }, token: string | null): MailMessage {
  const t = translator(to.lang);
  const hours = kind === 'reset' ? RESET_TOKEN_TTL_MS / HOUR : CONFIRM_TOKEN_TTL_MS / HOUR;
  return {
    to: to.email,
    subject: t(`mail.${kind}.subject`),
    text: t(`mail.${kind}.text`, { name: to.name, link: linkOf(kind, to.lang, token), hours }),
  };
}
