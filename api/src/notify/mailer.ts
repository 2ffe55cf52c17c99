import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { RenderedEmail } from './templates';

export function createMailer(config: Config) {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: (to: string, email: RenderedEmail) => transport.sendMail({ from: config.mailFrom, to, ...email }),
    close: () => transport.close(),
  };
}
export type Mailer = ReturnType<typeof createMailer>;
