import { and, asc, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { operationalNoticeProperties, operationalNotices, operationalNoticeUpdates } from '../../db/schema/content';
import { customers, portalMemberships } from '../../db/schema/customers';
import { outbox } from '../../db/schema/outbox';
import { portalUsers } from '../../db/schema/portal-users';
import { properties } from '../../db/schema/properties';
import { customerPropertyIds, propertyCustomerIds } from '../../db/tenant-properties';

/** Operational notices (issue 12 §1): the only code here that touches drizzle. */

export type NoticeRow = typeof operationalNotices.$inferSelect;
export type NoticeValues = Omit<typeof operationalNotices.$inferInsert, 'id' | 'landlordId' | 'createdAt' | 'updatedAt'>;
type Scope = { landlordId: string };

const n = operationalNotices;
const np = operationalNoticeProperties;

// --- State by dates (the SQL form of shared noticeState) ------------------------------------------

const unresolved = (now: Date) => and(isNull(n.resolvedAt), or(isNull(n.endsAt), sql`${n.endsAt} > ${now.toISOString()}::timestamptz`));
function stateWhere(state: 'planned' | 'current' | 'resolved', now: Date): SQL | undefined {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (state === 'planned') return and(unresolved(now), sql`${n.startsAt} > ${at}`);
  if (state === 'current') return and(unresolved(now), lte(n.startsAt, at));
  return or(isNotNull(n.resolvedAt), sql`${n.endsAt} <= ${at}`);
}

/** The notices concerning a property: listed for it, or for all properties. */
const concerns = (landlordId: string, propertyIds: SQL) =>
  or(
    eq(n.allProperties, true),
    sql`exists (select 1 from ${np} where ${np.landlordId} = ${landlordId} and ${np.noticeId} = ${n.id} and ${np.propertyId} in ${propertyIds})`,
  );

// --- Staff -----------------------------------------------------------------------------------------

/** Newest start first, served by operational_notices_landlord_starts_idx; state is a residual filter on it. */
const listKeys = keyset(
  [
    { expr: n.startsAt, type: 'timestamptz' },
    { expr: n.id, type: 'uuid' },
  ],
  'desc',
);

export async function listNotices(
  db: DbOrTx,
  params: Scope & { state?: 'planned' | 'current' | 'resolved'; propertyId?: string; now: Date; cursor?: string; limit: number },
) {
  const pos = listKeys.decode(params.cursor);
  const where = and(
    eq(n.landlordId, params.landlordId),
    params.state ? stateWhere(params.state, params.now) : undefined,
    params.propertyId ? concerns(params.landlordId, sql`(${params.propertyId}::uuid)`) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ notice: n, ...listKeys.select })
      .from(n)
      .where(and(where, listKeys.where(pos)))
      .orderBy(...listKeys.orderBy(pos))
      .limit(params.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(n)
        .where(where)
        .orderBy(...listKeys.orderBy()),
    ),
  ]);
  const page = listKeys.page(rows, params.limit, pos);
  return { ...page, items: page.items.map((r) => r.notice), ...count };
}

export async function findNotice(db: DbOrTx, params: Scope & { id: string; forUpdate?: boolean }) {
  const q = db
    .select()
    .from(n)
    .where(and(eq(n.landlordId, params.landlordId), eq(n.id, params.id)));
  const [row] = params.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertNotice(db: DbOrTx, params: Scope & { values: NoticeValues }) {
  const [row] = await db
    .insert(n)
    .values({ ...params.values, landlordId: params.landlordId })
    .returning();
  return row!;
}

export async function updateNotice(db: DbOrTx, params: Scope & { id: string; values: Partial<NoticeValues> }) {
  const [row] = await db
    .update(n)
    .set({ ...params.values, updatedAt: new Date() })
    .where(and(eq(n.landlordId, params.landlordId), eq(n.id, params.id)))
    .returning();
  return row!;
}

/** How many of `ids` are the landlord's properties (a target naming another's is refused). */
export async function countOwnProperties(db: DbOrTx, params: Scope & { ids: string[] }) {
  if (!params.ids.length) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(properties)
    .where(and(eq(properties.landlordId, params.landlordId), inArray(properties.id, params.ids)));
  return row?.n ?? 0;
}

export async function replaceNoticeProperties(db: DbOrTx, params: Scope & { noticeId: string; propertyIds: string[] }) {
  await db.delete(np).where(and(eq(np.landlordId, params.landlordId), eq(np.noticeId, params.noticeId)));
  if (params.propertyIds.length)
    await db
      .insert(np)
      .values(params.propertyIds.map((propertyId) => ({ landlordId: params.landlordId, noticeId: params.noticeId, propertyId })));
}

/** The properties each notice lists, by name; `onlyIn` narrows them to a tenant's own. */
export async function listNoticeProperties(db: DbOrTx, params: Scope & { noticeIds: string[]; onlyIn?: SQL }) {
  if (!params.noticeIds.length) return [];
  return db
    .select({ noticeId: np.noticeId, id: properties.id, name: properties.name })
    .from(np)
    .innerJoin(properties, and(eq(properties.landlordId, np.landlordId), eq(properties.id, np.propertyId)))
    .where(
      and(
        eq(np.landlordId, params.landlordId),
        inArray(np.noticeId, params.noticeIds),
        params.onlyIn ? sql`${np.propertyId} in ${params.onlyIn}` : undefined,
      ),
    )
    .orderBy(asc(properties.name));
}

export async function insertNoticeUpdate(
  db: DbOrTx,
  params: Scope & {
    noticeId: string;
    kind: 'published' | 'updated' | 'resolved';
    body: string;
    bodyHtml: string;
    createdBy: string | null;
  },
) {
  await db.insert(operationalNoticeUpdates).values({ ...params });
}

export async function listNoticeUpdates(db: DbOrTx, params: Scope & { noticeId: string }) {
  const u = operationalNoticeUpdates;
  return db
    .select({ id: u.id, kind: u.kind, bodyHtml: u.bodyHtml, createdAt: u.createdAt })
    .from(u)
    .where(and(eq(u.landlordId, params.landlordId), eq(u.noticeId, params.noticeId)))
    .orderBy(asc(u.createdAt), asc(u.id));
}

// --- The urgent fan-out's recipients ----------------------------------------------------------------

/**
 * Every portal person with a membership of a customer holding a current lease in one of the
 * notice's properties (any of the landlord's for a landlord-wide notice), one row per person (their
 * first such customer), in one statement. Preferences and phone numbers are the caller's to apply.
 */
export async function noticeRecipients(db: DbOrTx, params: Scope & { noticeId: string; allProperties: boolean }) {
  const targeted = params.allProperties
    ? null
    : sql`(select ${np.propertyId} from ${np} where ${np.landlordId} = ${params.landlordId} and ${np.noticeId} = ${params.noticeId})`;
  return db
    .selectDistinctOn([portalUsers.id], {
      userId: portalUsers.id,
      name: portalUsers.name,
      email: portalUsers.email,
      phone: portalUsers.phone,
      locale: portalUsers.locale,
      prefs: portalUsers.notificationPrefs,
      customerId: portalMemberships.customerId,
    })
    .from(portalMemberships)
    .innerJoin(portalUsers, eq(portalUsers.id, portalMemberships.portalUserId))
    .where(
      and(
        eq(portalMemberships.landlordId, params.landlordId),
        sql`${portalMemberships.customerId} in ${propertyCustomerIds(params.landlordId, targeted)}`,
      ),
    )
    .orderBy(portalUsers.id, portalMemberships.customerId);
}

// --- An urgent notice's deliveries (outbox_notice_idx) ------------------------------------------------

const deliveryKeys = keyset(
  [
    { expr: outbox.createdAt, type: 'timestamptz' },
    { expr: outbox.id, type: 'uuid' },
  ],
  'asc',
);

/** A deliveries cursor as the page query takes it (for the plan test). */
export const decodeDeliveryCursor = (cursor: string | undefined) => deliveryKeys.decode(cursor);

type DeliveryParams = Scope & { noticeId: string; status?: 'pending' | 'sent' | 'failed'; cursor?: string; limit: number };
const deliveryWhere = (params: DeliveryParams) =>
  and(
    eq(outbox.landlordId, params.landlordId),
    eq(outbox.noticeId, params.noticeId),
    params.status ? eq(outbox.status, params.status) : undefined,
  );

/** The deliveries list's page query, read in order from outbox_notice_idx (exported for the plan test). */
export const noticeDeliveriesQuery = (db: DbOrTx, params: DeliveryParams, pos: ReturnType<typeof deliveryKeys.decode>) =>
  db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      customerId: outbox.customerId,
      customerName: customers.name,
      recipientName: sql<string | null>`${outbox.payload}->>'name'`,
      to: sql<string | null>`${outbox.payload}->>'to'`,
      ...deliveryKeys.select,
    })
    .from(outbox)
    .leftJoin(customers, and(eq(customers.landlordId, outbox.landlordId), eq(customers.id, outbox.customerId)))
    .where(and(deliveryWhere(params), deliveryKeys.where(pos)))
    .orderBy(...deliveryKeys.orderBy(pos))
    .limit(params.limit + 1);

export async function listNoticeDeliveries(db: DbOrTx, params: DeliveryParams) {
  const pos = deliveryKeys.decode(params.cursor);
  const [rows, count] = await Promise.all([
    noticeDeliveriesQuery(db, params, pos),
    cappedCount(db, db.select({ one: sql`1` }).from(outbox).where(deliveryWhere(params))),
  ]);
  return { ...deliveryKeys.page(rows, params.limit, pos), ...count };
}

// --- The portal -------------------------------------------------------------------------------------

/** Whether the property is one the customer is "in" (the portal's `propertyId` filter). */
export async function customerIsInProperty(db: DbOrTx, params: Scope & { customerId: string; propertyId: string }) {
  const result = await db.execute<{ ok: boolean }>(
    sql`select ${params.propertyId}::uuid in ${customerPropertyIds(params.landlordId, [params.customerId])} as ok`,
  );
  return result.rows[0]?.ok === true;
}

/** Current and planned notices concerning the customer's properties (or all of the landlord's), soonest first. */
export async function listPortalNotices(
  db: DbOrTx,
  params: Scope & { customerId: string; propertyId?: string | undefined; leaseId?: string | undefined; now: Date; limit: number },
) {
  const mine = params.propertyId
    ? sql`(${params.propertyId}::uuid)`
    : params.leaseId
      ? leasePropertyIds({ ...params, leaseId: params.leaseId })
      : customerPropertyIds(params.landlordId, [params.customerId]);
  return db
    .select()
    .from(n)
    .where(and(eq(n.landlordId, params.landlordId), unresolved(params.now), concerns(params.landlordId, mine)))
    .orderBy(asc(n.startsAt), asc(n.id))
    .limit(params.limit);
}

/** One notice the customer may see (any state: a link from an old e-mail still opens it). */
export async function findPortalNotice(db: DbOrTx, params: Scope & { customerId: string; id: string }) {
  const [row] = await db
    .select()
    .from(n)
    .where(
      and(
        eq(n.landlordId, params.landlordId),
        eq(n.id, params.id),
        concerns(params.landlordId, customerPropertyIds(params.landlordId, [params.customerId])),
      ),
    );
  return row;
}

/** The properties the customer is in, by name (a landlord-wide notice concerns all of them). */
export async function customerProperties(db: DbOrTx, params: Scope & { customerId: string }) {
  return db
    .select({ id: properties.id, name: properties.name })
    .from(properties)
    .where(
      and(
        eq(properties.landlordId, params.landlordId),
        sql`${properties.id} in ${customerPropertyIds(params.landlordId, [params.customerId])}`,
      ),
    )
    .orderBy(asc(properties.name));
}

/** The property ids of one of the customer's current leases (its units' properties), as a subquery. */
export function leasePropertyIds(params: Scope & { customerId: string; leaseId: string }): SQL {
  return sql`(select tu.property_id from leases tl
    join lease_units tlu on tlu.landlord_id = tl.landlord_id and tlu.lease_id = tl.id
    join units tu on tu.landlord_id = tlu.landlord_id and tu.id = tlu.unit_id
    where tl.landlord_id = ${params.landlordId} and tl.id = ${params.leaseId} and tl.customer_id = ${params.customerId}
      and tl.status in ('active', 'terminated'))`;
}

export async function customerHasLease(db: DbOrTx, params: Scope & { customerId: string; leaseId: string }) {
  const result = await db.execute<{ ok: boolean }>(sql`select exists ${leasePropertyIds(params)} as ok`);
  return result.rows[0]?.ok === true;
}
