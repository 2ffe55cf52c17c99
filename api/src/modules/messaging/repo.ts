import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers, leases } from '../../db/schema/customers';
import { messages, threadReads, threads } from '../../db/schema/messaging';
import { units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

export type Side = 'staff' | 'tenant';
export type Reader = { kind: Side; id: string };

const other = (side: Side): Side => (side === 'staff' ? 'tenant' : 'staff');
const lastAt = (side: Side) => (side === 'staff' ? threads.lastStaffMessageAt : threads.lastTenantMessageAt);

function summaryQuery(db: DbOrTx, reader: Reader) {
  const theirs = lastAt(other(reader.kind));
  return db
    .select({
      id: threads.id,
      subject: threads.subject,
      customerId: customers.id,
      customerName: customers.name,
      leaseId: leases.id,
      leaseNumber: leases.number,
      unitType: units.type,
      address: units.address,
      lastMessageAt: threads.lastMessageAt,
      lastMessagePreview: threads.lastMessagePreview,
      lastAuthorKind: threads.lastAuthorKind,
      messageCount: threads.messageCount,
      unread: sql<boolean>`coalesce(${theirs} > coalesce(${threadReads.lastReadAt}, '-infinity'::timestamptz), false)`,
    })
    .from(threads)
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .innerJoin(leases, eq(leases.id, threads.leaseId))
    .innerJoin(units, eq(units.id, leases.unitId))
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.readerKind, reader.kind), eq(threadReads.readerId, reader.id)),
    );
}
export type ThreadRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

type Scope = { landlordId: string; customerId?: string | undefined; leaseId?: string | undefined };
const scoped = (scope: Scope, ...more: (SQL | undefined)[]) =>
  and(
    eq(threads.landlordId, scope.landlordId),
    scope.customerId ? eq(threads.customerId, scope.customerId) : undefined,
    scope.leaseId ? eq(threads.leaseId, scope.leaseId) : undefined,
    ...more,
  );

/** Inbox: the other side has written; Sent: this side has written. A thread may be in both. */
const inBox = (reader: Reader, box: 'inbox' | 'sent') => isNotNull(lastAt(box === 'inbox' ? other(reader.kind) : reader.kind));

export async function listThreads(db: DbOrTx, scope: Scope, reader: Reader, box: 'inbox' | 'sent', page: number, pageSize: number) {
  const where = scoped(scope, inBox(reader, box));
  const [items, [count]] = await Promise.all([
    summaryQuery(db, reader)
      .where(where)
      .orderBy(desc(threads.lastMessageAt), desc(threads.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(threads).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function countUnread(db: DbOrTx, scope: Scope, reader: Reader) {
  const theirs = lastAt(other(reader.kind));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(threads)
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.readerKind, reader.kind), eq(threadReads.readerId, reader.id)),
    )
    .where(scoped(scope, isNotNull(theirs), sql`${theirs} > coalesce(${threadReads.lastReadAt}, '-infinity'::timestamptz)`));
  return row?.n ?? 0;
}

export async function findThread(db: DbOrTx, scope: Scope, reader: Reader, threadId: string) {
  const [row] = await summaryQuery(db, reader).where(scoped(scope, eq(threads.id, threadId)));
  return row;
}

/** Locks the thread row so concurrent replies update its counters one at a time. */
export async function lockThread(db: DbOrTx, scope: Scope, threadId: string) {
  const [row] = await db
    .select()
    .from(threads)
    .where(scoped(scope, eq(threads.id, threadId)))
    .for('update');
  return row;
}

export async function insertThread(
  db: DbOrTx,
  values: { landlordId: string; customerId: string; leaseId: string; subject: string; lastAuthorKind: Side },
) {
  const [row] = await db.insert(threads).values(values).returning();
  return row!;
}

export async function insertMessage(
  db: DbOrTx,
  values: { landlordId: string; threadId: string; authorKind: Side; authorId: string; authorName: string; body: string },
) {
  const [message] = await db.insert(messages).values(values).returning();
  const m = message!;
  await db
    .update(threads)
    .set({
      lastMessageAt: m.createdAt,
      lastMessagePreview: m.body.slice(0, 160),
      lastAuthorKind: m.authorKind,
      messageCount: sql`${threads.messageCount} + 1`,
      ...(m.authorKind === 'staff' ? { lastStaffMessageAt: m.createdAt } : { lastTenantMessageAt: m.createdAt }),
    })
    .where(and(eq(threads.landlordId, values.landlordId), eq(threads.id, values.threadId)));
  return m;
}

export async function listMessages(db: DbOrTx, landlordId: string, threadId: string) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.landlordId, landlordId), eq(messages.threadId, threadId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function markRead(db: DbOrTx, p: { landlordId: string; threadId: string; reader: Reader }) {
  await db
    .insert(threadReads)
    .values({ landlordId: p.landlordId, threadId: p.threadId, readerKind: p.reader.kind, readerId: p.reader.id, lastReadAt: sql`now()` })
    .onConflictDoUpdate({
      target: [threadReads.threadId, threadReads.readerKind, threadReads.readerId],
      set: { lastReadAt: sql`now()` },
    });
}

/** Staff to tell about a tenant message: those who wrote in the thread, else admins and managers. */
export async function staffRecipients(db: DbOrTx, landlordId: string, threadId: string) {
  const columns = { id: staffUsers.id, email: staffUsers.email, locale: staffUsers.locale };
  const participants = await db
    .selectDistinct(columns)
    .from(staffUsers)
    .innerJoin(messages, and(eq(messages.authorId, staffUsers.id), eq(messages.authorKind, 'staff')))
    .where(and(eq(staffUsers.landlordId, landlordId), eq(messages.threadId, threadId)));
  if (participants.length) return participants;
  return db
    .select(columns)
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), inArray(staffUsers.role, ['admin', 'manager'])));
}
