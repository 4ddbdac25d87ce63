import { localizePath, translator, type Lang } from '../../lib/i18n';
import type { MailMessage, Store } from '../db/store-interfaces';
import { readPublicUrl } from './public-url';

/** A moderator's decision on a revision, as mailed to the cluster's managers. */
export type DecisionMail = { kind: 'returned'; comment: string } | { kind: 'approved' };

/** The cluster a mail is about: its address and its name in both languages. */
export interface MailCluster {
  slug: string;
  name: { ru: string; en: string };
}

/** The portal address of a path in a language. */
function portalLink(path: string, lang: Lang): string {
  return `${readPublicUrl()}${localizePath(path, lang)}`;
}

/** The decision mail to one manager, in the manager's language. */
export function decisionMail(decision: DecisionMail, to: { email: string; name: string; lang: Lang }, cluster: MailCluster): MailMessage {
  const t = translator(to.lang);
  const vars = {
    name: to.name,
    cluster: cluster.name[to.lang],
    comment: decision.kind === 'returned' ? decision.comment : '',
    link: portalLink('/account/clusters', to.lang),
    profile: portalLink(`/clusters/${cluster.slug}`, to.lang),
  };
  return { to: to.email, subject: t(`mail.${decision.kind}.subject`, vars), text: t(`mail.${decision.kind}.text`, vars) };
}

/**
 * Queues the decision mail to every enabled manager of the cluster, inside the caller's unit of work (so nothing is
 * mailed for a decision that did not commit); returns how many were queued.
 */
export async function queueDecisionMails(tx: Store, decision: DecisionMail, cluster: MailCluster): Promise<number> {
  let queued = 0;
  for (const manager of await tx.revisions.managers(cluster.slug)) {
    const user = await tx.accounts.getUser(manager.userId);
    if (!user || user.disabledAt) continue;
    await tx.mailOutbox.enqueue(decisionMail(decision, user, cluster));
    queued += 1;
  }
  return queued;
}

/**
 * The invitation to manage a cluster, for an address with no account: its language is unknown, so the mail says
 * it in Russian and in English, each with the sign-up link of its language.
 */
export function invitationMail(email: string, inviter: string, cluster: MailCluster): MailMessage {
  const part = (lang: Lang) => {
    const t = translator(lang);
    const vars = { inviter, cluster: cluster.name[lang], email, link: portalLink('/register', lang) };
    return { subject: t('mail.invite.subject', vars), text: t('mail.invite.text', vars) };
  };
  const ru = part('ru');
  const en = part('en');
  return { to: email, subject: `${ru.subject} / ${en.subject}`, text: `${ru.text}\n\n— — —\n\n${en.text}` };
}
