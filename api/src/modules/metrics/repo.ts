import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The operator's view across every landlord (issue 13 §4): these are the only queries that do not
 * filter by landlord, on purpose, and they return counts only. Each is a range scan of a small
 * index (checked by metrics.test.ts with EXPLAIN), so a scrape every 15 s per API instance is cheap:
 * - outbox_status_channel_created_idx (status, channel, created_at): pending and failed rows, and
 *   rows of the last 24 h by state (six ranges, one per state and channel);
 * - webhook_deliveries_due_idx (pending) and webhook_deliveries_failed_idx (failed).
 */

const CHANNELS = ['email', 'sms'] as const;
const STATES = ['pending', 'sent', 'failed'] as const;
export type Channel = (typeof CHANNELS)[number];
export type OutboxState = (typeof STATES)[number];

export type OutboxFigures = {
  /** Per channel: rows not yet sent or failed, and the creation time of the oldest of them. */
  pending: { channel: Channel; count: number; oldest: Date | null }[];
  /** Per channel: rows that failed for good and are still kept (the retention window). */
  failed: { channel: Channel; count: number }[];
  /** Rows created in the last 24 h, by channel and current state. */
  lastDay: { channel: Channel; state: OutboxState; count: number }[];
};

/** A `timestamptz` from a raw query (node-postgres gives a Date, or a string through some paths). */
const toDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date));

/** The outbox figures' statement (exported for the EXPLAIN check in metrics.test.ts). */
export function outboxFiguresQuery(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  // One statement, one round trip; every scalar subquery is a range of the same index. Column
  // aliases come from the constants above, never from input.
  const combos = CHANNELS.flatMap((channel) => STATES.map((state) => ({ channel, state })));
  const columns = [
    ...CHANNELS.flatMap((channel) => [
      sql`(select count(*) from outbox where status = 'pending' and channel = ${channel})::int as ${sql.raw(`pending_${channel}`)}`,
      sql`(select min(created_at) from outbox where status = 'pending' and channel = ${channel}) as ${sql.raw(`oldest_${channel}`)}`,
      sql`(select count(*) from outbox where status = 'failed' and channel = ${channel})::int as ${sql.raw(`failed_${channel}`)}`,
    ]),
    ...combos.map(
      ({ channel, state }) =>
        sql`(select count(*) from outbox where status = ${state} and channel = ${channel} and created_at >= ${since}::timestamptz)::int as ${sql.raw(`day_${state}_${channel}`)}`,
    ),
  ];
  return sql`select ${sql.join(columns, sql`, `)}`;
}

export async function outboxFigures(db: Db, now = new Date()): Promise<OutboxFigures> {
  const combos = CHANNELS.flatMap((channel) => STATES.map((state) => ({ channel, state })));
  const result = await db.execute<Record<string, unknown>>(outboxFiguresQuery(now));
  const row = result.rows[0] ?? {};
  return {
    pending: CHANNELS.map((channel) => ({ channel, count: Number(row[`pending_${channel}`]), oldest: toDate(row[`oldest_${channel}`]) })),
    failed: CHANNELS.map((channel) => ({ channel, count: Number(row[`failed_${channel}`]) })),
    lastDay: combos.map((c) => ({ ...c, count: Number(row[`day_${c.state}_${c.channel}`]) })),
  };
}

export type WebhookFigures = {
  pending: number;
  /** How late the most overdue pending delivery is (0 when none is due). */
  oldestDueAgeSeconds: number;
  failed: number;
  failedLastDay: number;
};

/** The webhook figures' statement (exported for the EXPLAIN check in metrics.test.ts). */
export function webhookFiguresQuery(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  return sql`
    select
      (select count(*) from webhook_deliveries where status = 'pending')::int as pending,
      (select min(next_attempt_at) from webhook_deliveries where status = 'pending') as oldest_due,
      (select count(*) from webhook_deliveries where status = 'failed')::int as failed,
      (select count(*) from webhook_deliveries where status = 'failed' and created_at >= ${since}::timestamptz)::int as failed_last_day`;
}

export async function webhookFigures(db: Db, now = new Date()): Promise<WebhookFigures> {
  const result = await db.execute<{ pending: number; oldest_due: unknown; failed: number; failed_last_day: number }>(
    webhookFiguresQuery(now),
  );
  const row = result.rows[0]!;
  const oldestDue = toDate(row.oldest_due);
  return {
    pending: Number(row.pending),
    oldestDueAgeSeconds: oldestDue ? Math.max(0, (now.getTime() - oldestDue.getTime()) / 1000) : 0,
    failed: Number(row.failed),
    failedLastDay: Number(row.failed_last_day),
  };
}
