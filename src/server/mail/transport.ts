import nodemailer from 'nodemailer';
import type { MailMessage } from '../db/store-interfaces';
import { readPublicUrl } from './public-url';

/** Something that delivers one mail, or throws why it could not. */
export interface MailTransport {
  /** "smtp" or "log", for the start-up line. */
  readonly kind: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

/** The sender address: MAIL_FROM, else no-reply at PUBLIC_URL's host. */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM?.trim() || `Cluster Map <no-reply@${new URL(readPublicUrl(env)).hostname}>`;
}

/** Delivery by SMTP (SMTP_URL, e.g. smtps://user:pass@mail.example.org:465). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, ...(message.replyTo ? { replyTo: message.replyTo } : {}) });
    },
  };
}

/** Without SMTP: each mail (with its link) goes to the server log, so a fresh install can confirm and reset. */
export function logTransport(write: (line: string) => void = (line) => console.log(line)): MailTransport {
  return {
    kind: 'log',
    async send(message) {
      write(`[mail] (SMTP_URL is not set: written here instead of sent)\nTo: ${message.to}\n${message.replyTo ? `Reply-To: ${message.replyTo}\n` : ''}Subject: ${message.subject}\n\n${message.text}\n[mail] end`);
    },
  };
}

/** SMTP when SMTP_URL is set, else the log. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const url = env.SMTP_URL?.trim();
  return url ? smtpTransport(url, mailFrom(env)) : logTransport();
}
