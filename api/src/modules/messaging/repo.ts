import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { leases } from '../../db/schema/leases';
import { messages, staffInboxCounts, staffReadCounts, threadReads, threads } from '../../db/schema/messaging';
import { units } from '../../db/schema/properties';
import { staffUsers } from '../../db/schema/staff';

export type Side = 'staff' | 'tenant';
export type Reader = { kind: Side; id: string };

const other = (side: Side): Side => (side === 'staff' ? 'tenant' : 'staff');
const lastAt = (side: Side) => (side === 'staff' ? threads.lastStaffMessageAt : threads.lastTenantMessageAt);

/** Lists read newest first by (last_message_at, id); the cursor carries both at full precision. */
const threadKeys = keyset(
  [
    { expr: threads.lastMessageAt, type: 'timestamptz' },
    { expr: threads.id, type: 'uuid' },
  ],
  'desc',
);

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
      ...threadKeys.select,
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

/**
 * Inbox: the other side has written; Sent: this side has written. A thread may be in both. Each
 * shape has its partial index (threads_staff_inbox_idx, threads_customer_staff_wrote_idx, …).
 */
const inBox = (reader: Reader, box: 'inbox' | 'sent') => isNotNull(lastAt(box === 'inbox' ? other(reader.kind) : reader.kind));

export async function listThreads(
  db: DbOrTx,
  scope: Scope,
  reader: Reader,
  box: 'inbox' | 'sent',
  page: { cursor?: string | undefined; limit: number },
) {
  const pos = threadKeys.decode(page.cursor);
  const where = scoped(scope, inBox(reader, box));
  const [rows, count] = await Promise.all([
    // The page's threads first, from the inbox shape's index alone, then the joins for those rows.
    // Joined over the whole inbox, the planner sized Memoize caches for ~240k rows, and setting
    // them up cost ~20 ms a request at 1M messages (docs/performance-messaging.md).
    summaryQuery(db, reader)
      .where(
        and(
          eq(threads.landlordId, scope.landlordId),
          inArray(
            threads.id,
            db
              .select({ id: threads.id })
              .from(threads)
              .where(and(where, threadKeys.where(pos)))
              .orderBy(...threadKeys.orderBy(pos))
              .limit(page.limit + 1),
          ),
        ),
      )
      .orderBy(...threadKeys.orderBy(pos)),
    // In index order, so the count reads the inbox shape's partial index, never the table.
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(threads)
        .where(where)
        .orderBy(...threadKeys.orderBy()),
    ),
  ]);
  return { ...threadKeys.page(rows, page.limit, pos), ...count };
}

/**
 * Staff: unread = inbox threads − those this person has read since the tenant last wrote, both
 * kept as counters (decision 8M2): two primary-key reads, whatever the size of the inbox.
 */
export async function countStaffUnread(db: DbOrTx, p: { landlordId: string; staffUserId: string }) {
  const result = await db.execute<{ n: number }>(sql`
    select greatest(0,
      coalesce((select ${staffInboxCounts.threads} from ${staffInboxCounts} where ${staffInboxCounts.landlordId} = ${p.landlordId}), 0)
      - coalesce((select ${staffReadCounts.caughtUp} from ${staffReadCounts}
                  where ${staffReadCounts.landlordId} = ${p.landlordId} and ${staffReadCounts.staffUserId} = ${p.staffUserId}), 0)
    )::int as n`);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Tenant: the customer's inbox threads not read since staff last wrote, counted up to `cap`
 * (a customer's threads are few; threads_customer_staff_wrote_idx serves the scan).
 */
export async function countTenantUnread(db: DbOrTx, scope: Scope & { customerId: string }, portalUserId: string, cap: number) {
  const theirs = threads.lastStaffMessageAt;
  const rows = await db
    .select({ one: sql`1` })
    .from(threads)
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.readerKind, 'tenant'), eq(threadReads.readerId, portalUserId)),
    )
    .where(scoped(scope, isNotNull(theirs), sql`${theirs} > coalesce(${threadReads.lastReadAt}, '-infinity'::timestamptz)`))
    .limit(cap);
  return rows.length;
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

/**
 * Adds a message and keeps the thread's summary columns and the staff unread counters. The thread
 * row is locked by the caller (or created in the same transaction), so its reads cannot change here.
 */
export async function insertMessage(
  db: DbOrTx,
  values: { landlordId: string; threadId: string; authorKind: Side; authorId: string; authorName: string; body: string },
) {
  const [message] = await db.insert(messages).values(values).returning();
  const m = message!;
  const at = sql`(select ${messages.createdAt} from ${messages} where ${messages.id} = ${m.id})`;
  if (m.authorKind === 'tenant') await tenantWrote(db, values.landlordId, values.threadId, at);
  await db
    .update(threads)
    .set({
      lastMessageAt: sql`greatest(${threads.lastMessageAt}, ${at})`,
      lastMessagePreview: m.body.slice(0, 160),
      lastAuthorKind: m.authorKind,
      messageCount: sql`${threads.messageCount} + 1`,
      // Never backwards: the unread counters compare reads against these.
      ...(m.authorKind === 'staff'
        ? { lastStaffMessageAt: sql`greatest(${threads.lastStaffMessageAt}, ${at})` }
        : { lastTenantMessageAt: sql`greatest(${threads.lastTenantMessageAt}, ${at})` }),
    })
    .where(and(eq(threads.landlordId, values.landlordId), eq(threads.id, values.threadId)));
  return m;
}

/**
 * A tenant message at `at` (before the thread's columns move): the thread enters the staff inbox if
 * it was not in it, and each staff reader who had read it since the tenant's last message is no
 * longer caught up. Counter rows are locked in key order first, so two such writes cannot deadlock.
 */
async function tenantWrote(db: DbOrTx, landlordId: string, threadId: string, at: SQL) {
  const readers = sql`
    select r.reader_id from ${threadReads} r join ${threads} t on t.landlord_id = r.landlord_id and t.id = r.thread_id
    where r.landlord_id = ${landlordId} and r.thread_id = ${threadId} and r.reader_kind = 'staff'
      and t.last_tenant_message_at is not null
      and r.last_read_at >= t.last_tenant_message_at and r.last_read_at < greatest(t.last_tenant_message_at, ${at})`;
  await db.execute(sql`
    select 1 from ${staffReadCounts}
    where landlord_id = ${landlordId} and staff_user_id in (${readers})
    order by staff_user_id for update`);
  await db.execute(sql`
    update ${staffReadCounts} set caught_up = caught_up - 1
    where landlord_id = ${landlordId} and staff_user_id in (${readers})`);
  await db.execute(sql`
    insert into ${staffInboxCounts} (landlord_id, threads)
    select ${landlordId}, 1 from ${threads}
    where landlord_id = ${landlordId} and id = ${threadId} and last_tenant_message_at is null
    on conflict (landlord_id) do update set threads = ${staffInboxCounts}.threads + 1`);
}

export async function listMessages(db: DbOrTx, landlordId: string, threadId: string) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.landlordId, landlordId), eq(messages.threadId, threadId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/**
 * Marks a thread read for one person (never moving their read time backwards) and, for staff,
 * counts it as caught up if it now is and was not. Locks the thread row first: reads and messages
 * of one thread take turns, so the counters follow exactly. False when the thread is not in scope.
 */
export async function markRead(db: DbOrTx, scope: Scope, threadId: string, reader: Reader) {
  const [thread] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(scoped(scope, eq(threads.id, threadId)))
    .for('update');
  if (!thread) return false;
  const upsert = sql`
    insert into ${threadReads} (landlord_id, thread_id, reader_kind, reader_id, last_read_at)
    values (${scope.landlordId}, ${threadId}, ${reader.kind}, ${reader.id}, now())
    on conflict (thread_id, reader_kind, reader_id)
    do update set last_read_at = greatest(${threadReads}.last_read_at, excluded.last_read_at)
    returning last_read_at`;
  if (reader.kind === 'tenant') {
    await db.execute(upsert);
    return true;
  }
  // One statement: `before` sees the row as it was, `up` writes it (CTEs share one snapshot).
  await db.execute(sql`
    with t as (select last_tenant_message_at as theirs from ${threads} where landlord_id = ${scope.landlordId} and id = ${threadId}),
    before as (
      select coalesce(r.last_read_at >= t.theirs, false) as caught
      from t left join ${threadReads} r on r.thread_id = ${threadId} and r.reader_kind = 'staff' and r.reader_id = ${reader.id}
    ),
    up as (${upsert}),
    after as (select coalesce(up.last_read_at >= t.theirs, false) as caught from up, t)
    insert into ${staffReadCounts} (landlord_id, staff_user_id, caught_up)
    select ${scope.landlordId}, ${reader.id}, 1 from before, after where after.caught and not before.caught
    on conflict (landlord_id, staff_user_id) do update set caught_up = ${staffReadCounts}.caught_up + 1`);
  return true;
}

/** Staff to tell about a tenant message: those who wrote in the thread, else admins and managers. */
export async function staffRecipients(db: DbOrTx, landlordId: string, threadId: string) {
  const columns = { id: staffUsers.id, email: staffUsers.email, locale: staffUsers.locale };
  const participants = await db
    .selectDistinct(columns)
    .from(staffUsers)
    .innerJoin(messages, and(eq(messages.authorId, staffUsers.id), eq(messages.authorKind, 'staff')))
    .where(and(eq(staffUsers.landlordId, landlordId), eq(messages.threadId, threadId), isNull(staffUsers.deactivatedAt)));
  if (participants.length) return participants;
  // Deactivated colleagues get no mail (decision 9T2).
  return db
    .select(columns)
    .from(staffUsers)
    .where(and(eq(staffUsers.landlordId, landlordId), inArray(staffUsers.role, ['admin', 'manager']), isNull(staffUsers.deactivatedAt)));
}
