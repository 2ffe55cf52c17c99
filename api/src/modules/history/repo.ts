import type { RecordType } from '@portico/shared/contracts/records';
import { and, eq, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { recordChanges } from '../../db/schema/history';

export type RecordChangeInsert = typeof recordChanges.$inferInsert;

export async function insertChanges(db: DbOrTx, rows: RecordChangeInsert[]) {
  if (rows.length) await db.insert(recordChanges).values(rows);
}

const historyKeys = keyset(
  [
    { expr: recordChanges.at, type: 'timestamptz' },
    { expr: recordChanges.id, type: 'uuid' },
  ],
  'desc',
);

/** Served by record_changes_record_idx (list and capped count alike). */
export async function listChanges(
  db: DbOrTx,
  p: { landlordId: string; recordType: RecordType; recordId: string; cursor?: string | undefined; limit: number },
) {
  const pos = historyKeys.decode(p.cursor);
  const where = and(
    eq(recordChanges.landlordId, p.landlordId),
    eq(recordChanges.recordType, p.recordType),
    eq(recordChanges.recordId, p.recordId),
  );
  const [rows, count] = await Promise.all([
    db
      .select({ change: recordChanges, ...historyKeys.select })
      .from(recordChanges)
      .where(and(where, historyKeys.where(pos)))
      .orderBy(...historyKeys.orderBy(pos))
      .limit(p.limit + 1),
    cappedCount(db, db.select({ one: sql`1` }).from(recordChanges).where(where)),
  ]);
  const page = historyKeys.page(rows, p.limit, pos);
  return { ...page, items: page.items.map((r) => r.change), ...count };
}
