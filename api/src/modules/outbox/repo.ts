import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { outbox } from '../../db/schema/outbox';

export async function insertOutbox(
  db: DbOrTx,
  values: {
    landlordId: string | null;
    channel: 'email' | 'sms';
    payload: unknown;
    messageId?: string | null;
    caseId?: string;
    customerId?: string;
  },
) {
  const [row] = await db.insert(outbox).values(values).returning({ id: outbox.id });
  return row!.id;
}

/** Issue 12, OPS: many notifications in one statement per 1,000 (an urgent notice's fan-out). */
export async function insertOutboxMany(db: DbOrTx, rows: (typeof outbox.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(outbox).values(rows.slice(i, i + 1000));
}

/**
 * Claims up to `limit` rows not yet handed to the queue. SKIP LOCKED lets several relays run
 * without double work; the caller enqueues inside the same transaction before it commits.
 */
export async function claimUnqueued(db: DbOrTx, limit: number) {
  return db
    .select({ id: outbox.id, retryCount: outbox.retryCount })
    .from(outbox)
    .where(isNull(outbox.enqueuedAt))
    .orderBy(outbox.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEnqueued(db: DbOrTx, ids: string[]) {
  if (ids.length) await db.update(outbox).set({ enqueuedAt: new Date() }).where(inArray(outbox.id, ids));
}

export async function findOutbox(db: DbOrTx, id: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/**
 * Records the delivery: sent, the attempt counted and the payload replaced by its redacted
 * form, all in one statement, so a delivered row is never left pending and never keeps a token.
 */
export async function markSent(db: DbOrTx, id: string, redactedPayload: unknown) {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null, payload: redactedPayload })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

export async function recordAttemptFailed(db: DbOrTx, id: string, error: string, final: boolean) {
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 1000), ...(final ? { status: 'failed' as const } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/**
 * Claims rows handed to the queue whose lease ran out while still pending (the reconciler's
 * input). SKIP LOCKED keeps two workers' reconcilers off the same rows.
 */
export async function claimExpiredLeases(db: DbOrTx, leasedBefore: Date, limit: number) {
  return db
    .select({ id: outbox.id, retryCount: outbox.retryCount })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), isNotNull(outbox.enqueuedAt), lt(outbox.enqueuedAt, leasedBefore)))
    .orderBy(outbox.enqueuedAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Starts a new lease for rows the reconciler checked or handed over again. */
export async function renewLeases(db: DbOrTx, ids: string[]) {
  if (ids.length)
    await db
      .update(outbox)
      .set({ enqueuedAt: new Date() })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
}

/** Retention: settled rows (sent or failed) created before the cut-off. Pending rows are never deleted. */
export async function deleteSettledBefore(db: DbOrTx, before: Date) {
  const rows = await db
    .delete(outbox)
    .where(and(ne(outbox.status, 'pending'), lt(outbox.createdAt, before)))
    .returning({ id: outbox.id });
  return rows.length;
}

const deliveryColumns = {
  id: outbox.id,
  channel: outbox.channel,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  messageId: outbox.messageId,
  caseId: outbox.caseId,
  customerId: outbox.customerId,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

/** One landlord's notifications about a message or a related case, oldest first, after a keyset cursor. */
export async function listDeliveries(
  db: DbOrTx,
  params: {
    landlordId: string;
    messageId?: string;
    caseId?: string;
    customerId?: string;
    status?: 'pending' | 'sent' | 'failed';
    after?: { createdAt: Date; id: string };
    limit: number;
  },
) {
  const { landlordId, after } = params;
  return db
    .select(deliveryColumns)
    .from(outbox)
    .where(
      and(
        eq(outbox.landlordId, landlordId),
        params.messageId ? eq(outbox.messageId, params.messageId) : undefined,
        params.caseId ? eq(outbox.caseId, params.caseId) : undefined,
        params.customerId ? eq(outbox.customerId, params.customerId) : undefined,
        params.status ? eq(outbox.status, params.status) : undefined,
        // Compared at millisecond precision, the precision of the cursor (a JS date).
        after
          ? sql`(date_trunc('milliseconds', ${outbox.createdAt}), ${outbox.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`date_trunc('milliseconds', ${outbox.createdAt})`, asc(outbox.id))
    .limit(params.limit);
}

export async function findDelivery(db: DbOrTx, params: { landlordId: string; id: string }) {
  const [row] = await db
    .select(deliveryColumns)
    .from(outbox)
    .where(and(eq(outbox.landlordId, params.landlordId), eq(outbox.id, params.id)));
  return row;
}

/**
 * Puts a failed row back in line: pending, a fresh set of tries, and not yet handed over, so the
 * relay picks it up as a new job (the retry count is part of the job id). Only a failed row
 * changes; the caller tells "not failed" from "not found" by the returned row.
 */
export async function requeueFailed(db: DbOrTx, params: { landlordId: string; id: string }) {
  const [row] = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, lastError: null, enqueuedAt: null, retryCount: sql`${outbox.retryCount} + 1` })
    .where(and(eq(outbox.landlordId, params.landlordId), eq(outbox.id, params.id), eq(outbox.status, 'failed')))
    .returning(deliveryColumns);
  return row;
}

/** Delivery state per message: failed if any e-mail failed, sent if all were sent, else queued. */
export async function deliveryStates(db: DbOrTx, landlordId: string, messageIds: string[]) {
  if (!messageIds.length) return new Map<string, 'queued' | 'sent' | 'failed'>();
  const rows = await db
    .select({
      messageId: outbox.messageId,
      failed: sql<number>`count(*) filter (where ${outbox.status} = 'failed')::int`,
      pending: sql<number>`count(*) filter (where ${outbox.status} = 'pending')::int`,
    })
    .from(outbox)
    .where(and(eq(outbox.landlordId, landlordId), inArray(outbox.messageId, messageIds)))
    .groupBy(outbox.messageId);
  return new Map(rows.map((r) => [r.messageId!, r.failed > 0 ? 'failed' : r.pending > 0 ? 'queued' : 'sent'] as const));
}

/** Related cases: delivery per recipient customer and channel. */
export async function caseDeliveryStates(db: DbOrTx, landlordId: string, caseId: string) {
  return db
    .select({
      customerId: outbox.customerId,
      channel: outbox.channel,
      failed: sql<number>`count(*) filter (where ${outbox.status} = 'failed')::int`,
      pending: sql<number>`count(*) filter (where ${outbox.status} = 'pending')::int`,
    })
    .from(outbox)
    .where(and(eq(outbox.landlordId, landlordId), eq(outbox.caseId, caseId)))
    .groupBy(outbox.customerId, outbox.channel);
}

// --- Issue 12, OPS: an operational notice's deliveries (outbox_notice_idx) --------------------------

/** An urgent notice's deliveries counted per channel and status. */
export async function noticeDeliveryCounts(db: DbOrTx, landlordId: string, noticeId: string) {
  return db
    .select({ channel: outbox.channel, status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.landlordId, landlordId), eq(outbox.noticeId, noticeId)))
    .groupBy(outbox.channel, outbox.status);
}
