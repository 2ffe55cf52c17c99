import { DeliverJobSchema, NotificationSchema } from '@portico/shared/jobs';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { maskRecipient, maskText } from '../log';
import { findOutbox, markSent, recordAttemptFailed } from '../modules/outbox/repo';
import { emailBrandOf, smsSenderOf } from '../modules/settings/service';
import type { MailAttachment, Mailer } from '../notify/mailer';
import { redactSecrets } from '../notify/secrets';
import type { SmsSender } from '../notify/sms';
import { renderEmail, renderSms } from '../notify/templates';
import type { Storage } from '../storage';
import type { QueueSettings } from './queue-config';

/**
 * Retries a database write for up to `totalMs`. Used for recording a send that already
 * happened: giving up at once during a Postgres restart would make the job run again and send a
 * duplicate, while a few seconds of patience records it once.
 */
async function persistently<T>(write: () => Promise<T>, totalMs: number) {
  const until = Date.now() + totalMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await write();
    } catch (err) {
      if (Date.now() + wait > until) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** The Content-ID of the landlord's logo in an e-mail's HTML. */
const LOGO_CID = 'landlord-logo@portico';

/**
 * Sends one outbox e-mail or SMS. Idempotent: a row already sent or failed is left alone, so a
 * job that runs twice (handed over twice, taken back from a killed worker) sends once unless the
 * crash fell between the send and its record. The row's attempt count, not the job's, decides
 * when it is `failed`.
 */
export function deliverProcessor(
  db: Db,
  mailer: Mailer,
  sms: SmsSender,
  settings: Pick<QueueSettings, 'attempts'> & { persistMs?: number },
  /** Where attachments named by storage key are read at send time (notice PDFs). */
  files?: Pick<Storage, 'read'>,
  /** One line per send and per failed try: job, outbox row, channel, landlord, template, masked recipient; never the body. */
  log?: Pick<Logger, 'info' | 'warn' | 'error'>,
) {
  return async (job: Job) => {
    const { outboxId } = DeliverJobSchema.parse(job.data);
    const row = await findOutbox(db, outboxId);
    if (row?.status !== 'pending') {
      log?.info({ jobId: job.id, outboxId, status: row?.status ?? 'missing' }, 'delivery skipped: not pending');
      return;
    }
    const notification = NotificationSchema.parse(row.payload);
    const fields = {
      jobId: job.id,
      outboxId,
      channel: row.channel,
      landlordId: row.landlordId,
      template: notification.template,
      to: maskRecipient(row.channel, notification.to),
      attempt: row.attempts + 1,
    };
    try {
      if (row.channel === 'sms') {
        // The landlord's sender as set when the SMS goes out (decision 9T4); the service default otherwise.
        const sender = row.landlordId ? await smsSenderOf(db, row.landlordId) : null;
        await sms.send(notification.to, renderSms(notification), sender);
      } else {
        const stored = 'attachments' in notification ? (notification.attachments ?? []) : [];
        if (stored.length && !files) throw new Error('deliver: attachments need storage');
        const attachments: MailAttachment[] = stored.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: files!.read(a.storageKey),
        }));
        // The landlord's name, colour and logo (inline, by CID) as set when the e-mail goes out (issue 12 SHELL).
        const brand = row.landlordId ? await emailBrandOf(db, row.landlordId) : null;
        const logo = brand?.logo && files ? brand.logo : null;
        if (logo) attachments.push({ filename: 'logo', contentType: logo.contentType, content: files!.read(logo.key), cid: LOGO_CID });
        const rendered = renderEmail(
          notification,
          brand && { displayName: brand.displayName, colour: brand.colour, logoCid: logo ? LOGO_CID : null },
        );
        await mailer.send(notification.to, { ...rendered, ...(attachments.length ? { attachments } : {}) }, row.id);
      }
    } catch (err) {
      const final = row.attempts + 1 >= settings.attempts;
      const reason = maskText(err instanceof Error ? err.message : String(err));
      if (final) log?.error({ ...fields, reason }, 'delivery failed for good');
      else log?.warn({ ...fields, reason }, 'delivery attempt failed; retrying');
      await recordAttemptFailed(db, outboxId, err instanceof Error ? err.message : String(err), final);
      // A final failure is settled in the row; the job is done and must not be retried.
      if (final) return;
      throw err;
    }
    await persistently(() => markSent(db, outboxId, redactSecrets(notification)), settings.persistMs ?? 30_000);
    log?.info(fields, 'delivery sent');
  };
}
