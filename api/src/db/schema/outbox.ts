import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';

/**
 * Written in the same transaction as the change it announces; the relay moves rows to
 * BullMQ, the worker sends and records the outcome here. `message_id` ties an e-mail to the
 * message it announces so the console can show its delivery state.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id').references(() => landlords.id),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    payload: jsonb('payload').notNull(),
    messageId: uuid('message_id'),
    /** For related cases: which case and customer a notification went to, for the delivery view. */
    caseId: uuid('case_id'),
    customerId: uuid('customer_id'),
    /** For an urgent operational notice (issue 12): which notice a notification announces, for its delivery view. */
    noticeId: uuid('notice_id'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * Times staff retried a failed row. Part of the BullMQ job id (`<id>` first, `<id>-r<n>` after),
     * so a retry is a new job while a re-handed live job is still the same one.
     */
    retryCount: integer('retry_count').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_unqueued_idx').on(t.createdAt).where(sql`enqueued_at is null`),
    index('outbox_message_idx').on(t.messageId),
    // A related case's deliveries (the recipient view, the deliveries list by case).
    index('outbox_case_idx').on(t.landlordId, t.caseId).where(sql`case_id is not null`),
    // A notice's deliveries in the list's order (created_at, id): a landlord-wide notice has one row per
    // tenant and channel (tens of thousands), which must not be sorted per page (docs/content-plans.md).
    index('outbox_notice_idx').on(t.landlordId, t.noticeId, t.createdAt, t.id).where(sql`notice_id is not null`),
    // The reconciler's scan: handed over, not yet settled, oldest lease first.
    index('outbox_leased_idx').on(t.enqueuedAt).where(sql`status = 'pending' and enqueued_at is not null`),
    // Retention's scan of settled rows by age.
    index('outbox_settled_idx').on(t.createdAt).where(sql`status <> 'pending'`),
    // Metrics at scrape time (plugins/metrics.ts): pending rows and the oldest per channel, failed
    // rows, and rows of the last 24 h per state and channel, each an index-only range scan.
    index('outbox_status_channel_created_idx').on(t.status, t.channel, t.createdAt),
  ],
);
