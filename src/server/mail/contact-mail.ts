import { CONTACT_CONFIRM_TTL_MS } from '../../lib/contact/schema';
import { localizePath, translator, type Lang } from '../../lib/i18n';
import type { ContactRequest, MailMessage } from '../db/store-interfaces';
import { readPublicUrl } from './public-url';
import type { MailCluster } from './workflow-mail';

const HOUR = 3600 * 1000;

/** The portal address of a path in a language. */
function portalLink(path: string, lang: Lang): string {
  return `${readPublicUrl()}${localizePath(path, lang)}`;
}

/** The mail to a sender with the single-use link that confirms the address (and so sends the message), in the sender's language. */
export function contactConfirmMail(request: Pick<ContactRequest, 'senderEmail' | 'senderName' | 'message' | 'lang'>, cluster: MailCluster, token: string): MailMessage {
  const t = translator(request.lang);
  const vars = {
    name: request.senderName,
    cluster: cluster.name[request.lang],
    link: `${portalLink('/contact/confirmation', request.lang)}?token=${token}`,
    hours: CONTACT_CONFIRM_TTL_MS / HOUR,
    message: request.message,
  };
  return { to: request.senderEmail, subject: t('mail.contactConfirm.subject', vars), text: t('mail.contactConfirm.text', vars) };
}

/** The confirmed message as mailed to one manager, in the manager's language; a reply goes to the sender. */
export function contactRequestMail(request: ContactRequest, to: { email: string; name: string; lang: Lang }, cluster: MailCluster): MailMessage {
  const t = translator(to.lang);
  const vars = {
    name: to.name,
    cluster: cluster.name[to.lang],
    sender: request.senderName,
    email: request.senderEmail,
    organisation: request.organisation ?? t('mail.contact.notGiven'),
    country: request.country ?? t('mail.contact.notGiven'),
    message: request.message,
    link: portalLink(`/account/clusters/${cluster.slug}/messages`, to.lang),
  };
  return { to: to.email, replyTo: request.senderEmail, subject: t('mail.contactRequest.subject', vars), text: t('mail.contactRequest.text', vars) };
}

/** A manager's answer as mailed to the sender, in the sender's language; a reply goes to the manager. */
export function contactAnswerMail(request: ContactRequest, answer: string, manager: { email: string }, cluster: MailCluster): MailMessage {
  const t = translator(request.lang);
  const vars = { name: request.senderName, cluster: cluster.name[request.lang], answer, message: request.message };
  return { to: request.senderEmail, replyTo: manager.email, subject: t('mail.contactAnswer.subject', vars), text: t('mail.contactAnswer.text', vars) };
}
