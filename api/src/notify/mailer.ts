import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { RenderedEmail } from './templates';

/** A file sent with an e-mail; `content` is read when the mail is sent (a storage stream). */
/** `cid`: an inline image the HTML shows as `<img src="cid:…">` (the landlord's logo, issue 12 SHELL). */
export type MailAttachment = { filename: string; contentType: string; content: Readable | Buffer; cid?: string };

/** The domain of MAIL_FROM (`Portico <no-reply@example.se>` → `example.se`), for Message-IDs. */
export function mailDomain(mailFrom: string) {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'portico';
}

/**
 * A stable Message-ID per outbox row: a resend after a crash carries the same id, so a
 * receiving system that drops repeats (most do) shows the e-mail once.
 */
export function outboxMessageId(outboxId: string, domain: string) {
  return `<outbox-${outboxId}@${domain}>`;
}

export function createMailer(config: Config) {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    // Nodemailer waits up to 2 min to connect and 10 min on a silent socket by default; a hung
    // SMTP server would then hold a worker slot that long. Fail fast and let the backoff retry.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = mailDomain(config.mailFrom);
  return {
    send: (to: string, email: RenderedEmail & { attachments?: MailAttachment[] }, outboxId?: string) =>
      transport.sendMail({ from: config.mailFrom, to, ...email, ...(outboxId ? { messageId: outboxMessageId(outboxId, domain) } : {}) }),
    close: () => transport.close(),
  };
}
export type Mailer = ReturnType<typeof createMailer>;
