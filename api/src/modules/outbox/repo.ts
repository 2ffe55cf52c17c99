import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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

/**
 * Claims up to `limit` rows not yet handed to the queue. SKIP LOCKED lets several relays run
 * without double work; the caller enqueues inside the same transaction before it commits.
 */
export async function claimUnqueued(db: DbOrTx, limit: number) {
  return db
    .select({ id: outbox.id })
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

export async function markSent(db: DbOrTx, id: string) {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

export async function recordAttemptFailed(db: DbOrTx, id: string, error: string, final: boolean) {
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 1000), ...(final ? { status: 'failed' as const } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
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
