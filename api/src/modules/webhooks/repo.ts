import { and, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/webhooks';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

// --- Endpoints -------------------------------------------------------------------------------------

const endpointKeys = keyset(
  [
    { expr: webhookEndpoints.createdAt, type: 'timestamptz' },
    { expr: webhookEndpoints.id, type: 'uuid' },
  ],
  'desc',
);

/** Served by webhook_endpoints_landlord_created_idx in list order. */
export async function listEndpoints(db: DbOrTx, landlordId: string, page: { cursor?: string | undefined; limit: number }) {
  const pos = endpointKeys.decode(page.cursor);
  const where = eq(webhookEndpoints.landlordId, landlordId);
  const [rows, count] = await Promise.all([
    db
      .select({ endpoint: webhookEndpoints, ...endpointKeys.select })
      .from(webhookEndpoints)
      .where(and(where, endpointKeys.where(pos)))
      .orderBy(...endpointKeys.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(db, db.select({ one: sql`1` }).from(webhookEndpoints).where(where)),
  ]);
  const paged = endpointKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.endpoint), ...count };
}

export async function findEndpoint(db: DbOrTx, landlordId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.landlordId, landlordId), eq(webhookEndpoints.id, id)));
  return row;
}

export async function insertEndpoint(
  db: DbOrTx,
  landlordId: string,
  values: { url: string; description: string; eventTypes: string[]; secret: string },
) {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ landlordId, ...values })
    .returning();
  return row!;
}

export async function updateEndpoint(
  db: DbOrTx,
  landlordId: string,
  id: string,
  values: Partial<Pick<EndpointRow, 'url' | 'description' | 'eventTypes' | 'secret' | 'enabled' | 'disabledReason' | 'failingSince'>>,
) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.landlordId, landlordId), eq(webhookEndpoints.id, id)))
    .returning();
  return row;
}

export async function deleteEndpoint(db: DbOrTx, landlordId: string, id: string) {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.landlordId, landlordId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The enabled endpoints of these landlords subscribed to any of `types` (the fan-out). */
export async function enabledEndpointsFor(db: DbOrTx, landlordIds: string[]) {
  if (!landlordIds.length) return [];
  return db
    .select({ id: webhookEndpoints.id, landlordId: webhookEndpoints.landlordId, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.landlordId, landlordIds), eq(webhookEndpoints.enabled, true)));
}

// --- Deliveries ------------------------------------------------------------------------------------

export async function insertDeliveries(
  db: DbOrTx,
  values: { landlordId: string; endpointId: string; eventId: string; eventType: string; body: string }[],
) {
  if (!values.length) return [];
  return db
    .insert(webhookDeliveries)
    .values(values.map((v) => ({ ...v, nextAttemptAt: sql`now()` })))
    .returning();
}

const deliveryKeys = keyset(
  [
    { expr: webhookDeliveries.createdAt, type: 'timestamptz' },
    { expr: webhookDeliveries.id, type: 'uuid' },
  ],
  'desc',
);

/** One endpoint's deliveries, newest first; webhook_deliveries_endpoint(_status)_idx in list order. */
export async function listDeliveries(
  db: DbOrTx,
  params: { landlordId: string; endpointId: string; status?: DeliveryRow['status'] | undefined },
  page: { cursor?: string | undefined; limit: number },
) {
  const pos = deliveryKeys.decode(page.cursor);
  const where = and(
    eq(webhookDeliveries.landlordId, params.landlordId),
    eq(webhookDeliveries.endpointId, params.endpointId),
    params.status ? eq(webhookDeliveries.status, params.status) : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ delivery: webhookDeliveries, ...deliveryKeys.select })
      .from(webhookDeliveries)
      .where(and(where, deliveryKeys.where(pos)))
      .orderBy(...deliveryKeys.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(webhookDeliveries)
        .where(where)
        .orderBy(...deliveryKeys.orderBy()),
    ),
  ]);
  const paged = deliveryKeys.page(rows, page.limit, pos);
  return { ...paged, items: paged.items.map((r) => r.delivery), ...count };
}

export async function findDelivery(db: DbOrTx, params: { landlordId: string; endpointId: string; id: string }) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.landlordId, params.landlordId),
        eq(webhookDeliveries.endpointId, params.endpointId),
        eq(webhookDeliveries.id, params.id),
      ),
    );
  return row;
}

/** The latest delivery of an event to an endpoint (its body is what a redelivery sends again). */
export async function latestDeliveryOfEvent(db: DbOrTx, params: { landlordId: string; endpointId: string; eventId: string }) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.landlordId, params.landlordId),
        eq(webhookDeliveries.endpointId, params.endpointId),
        eq(webhookDeliveries.eventId, params.eventId),
      ),
    )
    .orderBy(sql`${webhookDeliveries.createdAt} desc`)
    .limit(1);
  return row;
}

/**
 * The worker's claim: due pending deliveries of enabled endpoints, oldest due first, locked with
 * SKIP LOCKED so two workers never take the same row, and moved a lease ahead in the same
 * statement's transaction. The caller commits, then sends: a worker that dies while sending
 * leaves the row due again when the lease runs out (at least once).
 */
export async function claimDue(db: DbOrTx, params: { limit: number; leaseMs: number }) {
  const due = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(eq(webhookEndpoints.landlordId, webhookDeliveries.landlordId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)),
    )
    .where(
      and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`), eq(webhookEndpoints.enabled, true)),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(params.limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  if (!due.length) return [];
  const leased = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + ${`${params.leaseMs} milliseconds`}::interval` })
    .where(
      inArray(
        webhookDeliveries.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
  const endpoints = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.id, [...new Set(leased.map((d) => d.endpointId))]));
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  return leased.map((d) => ({ delivery: d, endpoint: byId.get(d.endpointId)! }));
}

/**
 * Records one try. Only a row still pending with the attempt count the sender saw changes, so a
 * try recorded twice (a lease that ran out while a slow send went on) counts once.
 */
export async function recordAttempt(
  db: DbOrTx,
  params: { id: string; attemptsBefore: number },
  values: {
    status: DeliveryRow['status'];
    nextAttemptAt: Date | null;
    lastStatusCode: number | null;
    lastDurationMs: number;
    lastResponse: string | null;
    lastRequestHeaders: Record<string, string>;
  },
) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ ...values, attempts: params.attemptsBefore + 1, lastAttemptAt: new Date() })
    .where(
      and(
        eq(webhookDeliveries.id, params.id),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attempts, params.attemptsBefore),
      ),
    )
    .returning();
  return row;
}

/** A 2xx: the endpoint is healthy again. */
export async function markEndpointHealthy(db: DbOrTx, endpointId: string) {
  await db
    .update(webhookEndpoints)
    .set({ failingSince: null })
    .where(and(eq(webhookEndpoints.id, endpointId), sql`failing_since is not null`));
}

/** A failed try: the endpoint is failing since now unless it already was. Returns failing_since. */
export async function markEndpointFailing(db: DbOrTx, endpointId: string) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())` })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ failingSince: webhookEndpoints.failingSince, landlordId: webhookEndpoints.landlordId });
  return row;
}

/** Disables an endpoint that has failed too long; returns it only if this call disabled it. */
export async function disableFailingEndpoint(db: DbOrTx, endpointId: string, failingBefore: Date) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: 'failing', updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true), lte(webhookEndpoints.failingSince, failingBefore)))
    .returning();
  return row;
}

/** Retention: settled deliveries created before the cut-off. */
export async function deleteSettledDeliveriesBefore(db: DbOrTx, before: Date) {
  const rows = await db
    .delete(webhookDeliveries)
    .where(and(ne(webhookDeliveries.status, 'pending'), sql`${webhookDeliveries.createdAt} < ${before.toISOString()}::timestamptz`))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
