import { and, asc, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { events } from '../../db/schema/webhooks';

export async function insertEvent(db: DbOrTx, values: { landlordId: string; type: string; data: unknown }) {
  const [row] = await db.insert(events).values(values).returning({ id: events.id });
  return row!.id;
}

/** Many events in few statements (a billing run's notices), in the given order. */
export async function insertEvents(db: DbOrTx, landlordId: string, type: string, data: unknown[]) {
  for (let i = 0; i < data.length; i += 5000) {
    const batch = data.slice(i, i + 5000).map((d) => JSON.stringify(d));
    await db.execute(
      sql`insert into ${events} (landlord_id, type, data) select ${landlordId}, ${type}, d from unnest(${sql.param(batch)}::jsonb[]) as d`,
    );
  }
}

/** Any key will do as long as nothing else takes it: the first 8 bytes of "events:sequencer". */
const SEQUENCER_LOCK = sql`hashtextextended('portico:events:sequencer', 0)`;

/**
 * Numbers committed, unnumbered events (oldest first) after the highest number given so far, in
 * one statement under a transaction-scoped advisory lock. Returns the numbered rows, or null when
 * another worker holds the lock (it is doing the same work). Call inside a transaction.
 */
export async function sequencePending(tx: DbOrTx, limit: number) {
  const lock = await tx.execute<{ got: boolean }>(sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as got`);
  if (!lock.rows[0]?.got) return null;
  const result = await tx.execute<{ id: string; landlord_id: string; type: string; data: unknown; created_at: string; seq: string }>(sql`
    with base as (select coalesce(max(seq), 0) as m from ${events} where seq is not null),
    pending as (
      select id, row_number() over (order by created_at, id) as rn
      from ${events} where seq is null order by created_at, id limit ${limit}
    )
    update ${events} e set seq = base.m + pending.rn
    from base, pending where e.id = pending.id
    returning e.id, e.landlord_id, e.type, e.data, e.created_at, e.seq`);
  return result.rows
    .map((r) => ({
      id: r.id,
      landlordId: r.landlord_id,
      type: r.type,
      data: r.data,
      createdAt: new Date(r.created_at),
      seq: Number(r.seq),
    }))
    .sort((a, b) => a.seq - b.seq);
}

/** One landlord's numbered events after `afterSeq`, in order. */
export async function listFeed(db: DbOrTx, params: { landlordId: string; afterSeq: number; types?: string[]; limit: number }) {
  return db
    .select({ id: events.id, type: events.type, data: events.data, createdAt: events.createdAt, seq: events.seq })
    .from(events)
    .where(
      and(
        eq(events.landlordId, params.landlordId),
        isNotNull(events.seq),
        gt(events.seq, params.afterSeq),
        params.types ? inArray(events.type, params.types) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(params.limit);
}

export async function findEvent(db: DbOrTx, params: { landlordId: string; id: string }) {
  const [row] = await db
    .select({ id: events.id, type: events.type, data: events.data, createdAt: events.createdAt, seq: events.seq })
    .from(events)
    .where(and(eq(events.landlordId, params.landlordId), eq(events.id, params.id), isNotNull(events.seq)));
  return row;
}

/**
 * Retention: numbered events created before the cut-off (an unnumbered one waits for the
 * sequencer). The highest-numbered event always stays: the next number is counted from it, so a
 * feed reader's cursor never points past numbers given out again.
 */
export async function deleteEventsBefore(db: DbOrTx, before: Date) {
  const rows = await db
    .delete(events)
    .where(and(lt(events.createdAt, before), isNotNull(events.seq), sql`${events.seq} < (select max(seq) from ${events})`))
    .returning({ id: events.id });
  return rows.length;
}
