import { type Notification, NotificationSchema } from '@portico/shared/jobs';
import type { DbOrTx } from '../../db/client';
import { deleteSettledBefore, insertOutbox, insertOutboxMany } from './repo';

/**
 * Records a notification to send once the surrounding transaction commits. Call it with the
 * transaction that writes the change itself: a rolled-back write then sends nothing.
 */
export async function queueEmail(tx: DbOrTx, landlordId: string | null, notification: Notification, messageId?: string) {
  const payload = NotificationSchema.parse(notification);
  return insertOutbox(tx, { landlordId, channel: 'email', payload, messageId: messageId ?? null });
}

/** An SMS to send once the surrounding transaction commits (only templates with an SMS form). */
export async function queueSms(
  tx: DbOrTx,
  landlordId: string | null,
  notification: Notification,
  about: { caseId?: string; customerId?: string } = {},
) {
  const payload = NotificationSchema.parse(notification);
  return insertOutbox(tx, { landlordId, channel: 'sms', payload, ...about });
}

/** A related case's e-mail to one recipient customer, tracked per customer for the delivery view. */
export async function queueCaseEmail(
  tx: DbOrTx,
  landlordId: string,
  notification: Notification,
  about: { caseId: string; customerId: string },
) {
  const payload = NotificationSchema.parse(notification);
  return insertOutbox(tx, { landlordId, channel: 'email', payload, ...about });
}

/**
 * Issue 12, OPS: an operational notice's fan-out, one row per channel per person, written in few
 * statements (a property can have hundreds of tenants). Each payload is checked as queueEmail does.
 */
export async function queueNoticeNotifications(
  tx: DbOrTx,
  landlordId: string,
  noticeId: string,
  rows: { channel: 'email' | 'sms'; customerId: string; notification: Notification }[],
) {
  await insertOutboxMany(
    tx,
    rows.map((r) => ({
      landlordId,
      noticeId,
      channel: r.channel,
      customerId: r.customerId,
      payload: NotificationSchema.parse(r.notification),
    })),
  );
}

/**
 * Delivery states for the console's views of messages and related cases, and single deliveries
 * for the deliveries module (listing and staff retry), landlord-scoped.
 */
export { caseDeliveryStates, deliveryStates, findDelivery, listDeliveries, noticeDeliveryCounts, requeueFailed } from './repo';

/** Retention: deletes sent and failed rows older than `days`; pending rows stay whatever their age. */
export async function purgeSettledOutbox(db: DbOrTx, days: number, now = new Date()) {
  return deleteSettledBefore(db, new Date(now.getTime() - days * 24 * 3600 * 1000));
}
