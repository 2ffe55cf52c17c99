import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { eidRequests } from '../../db/schema/auth';

export async function insertRequest(db: DbOrTx, values: typeof eidRequests.$inferInsert) {
  await db.insert(eidRequests).values(values);
}

/** Claims the open request for a callback's state: once only, and not after it expired. */
export async function claimByState(db: DbOrTx, state: string) {
  const [row] = await db
    .update(eidRequests)
    .set({ completedAt: new Date() })
    .where(and(eq(eidRequests.state, state), isNull(eidRequests.completedAt), gt(eidRequests.expiresAt, sql`now()`)))
    .returning();
  return row;
}

export async function recordIdentity(db: DbOrTx, id: string, identity: { identityNumber: string; identityName: string }) {
  await db.update(eidRequests).set(identity).where(eq(eidRequests.id, id));
}

export async function findRequest(db: DbOrTx, id: string, portalUserId: string) {
  const [row] = await db
    .select()
    .from(eidRequests)
    .where(and(eq(eidRequests.id, id), eq(eidRequests.portalUserId, portalUserId), gt(eidRequests.expiresAt, sql`now()`)));
  return row;
}

/** Retention: e-ID round trips past their expiry (they may hold a verified identity number). */
export async function deleteExpiredRequests(db: DbOrTx, now: Date) {
  const rows = await db.delete(eidRequests).where(lt(eidRequests.expiresAt, now)).returning({ id: eidRequests.id });
  return rows.length;
}
