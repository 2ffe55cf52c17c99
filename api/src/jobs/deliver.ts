import { DeliverJobSchema, NotificationSchema } from '@portico/shared/jobs';
import type { Job } from 'bullmq';
import type { Db } from '../db/client';
import { findOutbox, markSent, recordAttemptFailed } from '../modules/outbox/repo';
import type { Mailer } from '../notify/mailer';
import type { SmsSender } from '../notify/sms';
import { renderEmail, renderSms } from '../notify/templates';

/** Sends one outbox e-mail or SMS. Idempotent: a row already sent or failed is left alone. */
export function deliverProcessor(db: Db, mailer: Mailer, sms: SmsSender) {
  return async (job: Job) => {
    const { outboxId } = DeliverJobSchema.parse(job.data);
    const row = await findOutbox(db, outboxId);
    if (row?.status !== 'pending') return;
    const notification = NotificationSchema.parse(row.payload);
    try {
      if (row.channel === 'sms') await sms.send(notification.to, renderSms(notification));
      else await mailer.send(notification.to, renderEmail(notification));
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await recordAttemptFailed(db, outboxId, err instanceof Error ? err.message : String(err), final);
      throw err;
    }
    await markSent(db, outboxId);
  };
}
