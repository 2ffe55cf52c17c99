import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { landlords } from './landlords';

/**
 * Events for webhooks and the changes feed (issue 10). Written by `emitEvent` in the same
 * transaction as the change. `seq` is null until the worker's sequencer numbers committed rows in
 * one transaction under an advisory lock (decision 10H1): the feed and the webhook fan-out read
 * only numbered rows, so a reader that has seen `seq` n never later finds a row below n.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    /** clock_timestamp(), not now(): events of one transaction keep their order. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    seq: bigint('seq', { mode: 'number' }),
  },
  (t) => [
    // The feed: one landlord's numbered events in order.
    index('events_landlord_seq_idx').on(t.landlordId, t.seq).where(sql`seq is not null`),
    // The sequencer: committed rows not yet numbered, oldest first.
    index('events_unsequenced_idx').on(t.createdAt).where(sql`seq is null`),
    // The sequencer's next number (max(seq)) and retention's scan by age.
    index('events_seq_idx').on(t.seq),
    index('events_created_idx').on(t.createdAt),
  ],
);

/** A landlord's webhook endpoint. The secret signs (Standard Webhooks), so it is kept as is. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason', { enum: ['manual', 'failing'] }),
    /** The first failed try since the last success; null while the endpoint answers 2xx. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('webhook_endpoints_landlord_id_key').on(t.landlordId, t.id),
    // The console's list (created_at, id) per landlord.
    index('webhook_endpoints_landlord_created_idx').on(t.landlordId, t.createdAt, t.id),
  ],
);

/**
 * One event sent (and re-sent) to one endpoint. The worker claims due rows by `next_attempt_at`
 * with FOR UPDATE SKIP LOCKED and moves `next_attempt_at` a lease ahead before it sends, so a
 * crashed worker's delivery is tried again when the lease runs out (decision 10H3).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlordId: uuid('landlord_id')
      .notNull()
      .references(() => landlords.id),
    endpointId: uuid('endpoint_id').notNull(),
    /** The event's id, also the `webhook-id` header (the same on every try and redelivery). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The JSON body, fixed when the delivery is made, so every try signs the same bytes. */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastResponse: text('last_response'),
    lastRequestHeaders: jsonb('last_request_headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'webhook_deliveries_endpoint_fk',
      columns: [t.landlordId, t.endpointId],
      foreignColumns: [webhookEndpoints.landlordId, webhookEndpoints.id],
    }).onDelete('cascade'),
    // The worker's poll: due pending rows.
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    // The delivery log per endpoint, newest first.
    index('webhook_deliveries_endpoint_idx').on(t.landlordId, t.endpointId, t.createdAt, t.id),
    // The log filtered by status.
    index('webhook_deliveries_endpoint_status_idx').on(t.landlordId, t.endpointId, t.status, t.createdAt, t.id),
    // Retention's scan of settled rows by age.
    index('webhook_deliveries_settled_idx').on(t.createdAt).where(sql`status <> 'pending'`),
    // Metrics (plugins/metrics.ts): deliveries that failed for good, all and of the last 24 h.
    index('webhook_deliveries_failed_idx').on(t.createdAt).where(sql`status = 'failed'`),
  ],
);
