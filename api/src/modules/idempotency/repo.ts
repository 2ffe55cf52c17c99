import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema/idempotency';

export type KeyRef = { landlordId: string; actor: string; key: string };
export type StoredKey = typeof idempotencyKeys.$inferSelect;

const byRef = (ref: KeyRef) =>
  and(eq(idempotencyKeys.landlordId, ref.landlordId), eq(idempotencyKeys.actor, ref.actor), eq(idempotencyKeys.key, ref.key));

/**
 * Claims the key for one request, in one statement of its own (autocommit, outside any write's
 * transaction): a new key is inserted; an existing row is taken over only when it has expired
 * (`retentionSeconds`) or is an abandoned claim (in progress for longer than `abandonSeconds`) of
 * the same request. Answers true when `owner` now holds the claim.
 */
export async function claim(
  db: DbOrTx,
  params: KeyRef & { owner: string; fingerprint: string; request: string; retentionSeconds: number; abandonSeconds: number },
): Promise<boolean> {
  const { landlordId, actor, key, owner, fingerprint, request, retentionSeconds, abandonSeconds } = params;
  const rows = await db
    .insert(idempotencyKeys)
    .values({ landlordId, actor, key, owner, fingerprint, request })
    .onConflictDoUpdate({
      target: [idempotencyKeys.landlordId, idempotencyKeys.actor, idempotencyKeys.key],
      set: {
        owner,
        fingerprint,
        request,
        state: 'in_progress',
        claimedAt: sql`now()`,
        createdAt: sql`case when ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${retentionSeconds}) then now() else ${idempotencyKeys.createdAt} end`,
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
      },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(secs => ${retentionSeconds})
        or (${idempotencyKeys.state} = 'in_progress' and ${idempotencyKeys.fingerprint} = excluded.fingerprint
            and ${idempotencyKeys.claimedAt} < now() - make_interval(secs => ${abandonSeconds}))`,
    })
    .returning({ owner: idempotencyKeys.owner });
  return rows[0]?.owner === owner;
}

export async function find(db: DbOrTx, ref: KeyRef): Promise<StoredKey | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(byRef(ref));
  return row;
}

/** Stores the answer of the request that holds the claim (a claim taken over since is left alone). */
export async function complete(
  db: DbOrTx,
  ref: KeyRef & { owner: string },
  response: { status: number; headers: Record<string, string>; body: string },
) {
  await db
    .update(idempotencyKeys)
    .set({ state: 'completed', responseStatus: response.status, responseHeaders: response.headers, responseBody: response.body })
    .where(and(byRef(ref), eq(idempotencyKeys.owner, ref.owner), eq(idempotencyKeys.state, 'in_progress')));
}

/** Gives the key back (a 5xx, or no answer stored), so a retry runs the request again. */
export async function release(db: DbOrTx, ref: KeyRef & { owner: string }) {
  await db.delete(idempotencyKeys).where(and(byRef(ref), eq(idempotencyKeys.owner, ref.owner), eq(idempotencyKeys.state, 'in_progress')));
}

/** Retention: keys older than `before` (served by idempotency_keys_created_idx). */
export async function purgeBefore(db: DbOrTx, before: Date): Promise<number> {
  const result = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
  return result.rowCount ?? 0;
}
