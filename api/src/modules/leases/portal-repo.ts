import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { cappedCount, keyset } from '../../cursor';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { leases, leaseUnits } from '../../db/schema/leases';
import { units } from '../../db/schema/properties';

export type LeaseRowForPortal = typeof leases.$inferSelect;

/** Whose leases a portal request reads: one customer of one landlord (the one the person acts for). */
export type LeaseOwner = { landlordId: string; customerId: string };

/** A lease's area: the agreed one, else the sum of its units' areas (null when none is known). */
const area = sql<string | null>`coalesce(${leases.areaM2}, (select sum(${units.areaM2}) from ${leaseUnits}
  inner join ${units} on ${units.landlordId} = ${leaseUnits.landlordId} and ${units.id} = ${leaseUnits.unitId}
  where ${leaseUnits.landlordId} = ${leases.landlordId} and ${leaseUnits.leaseId} = ${leases.id}))`;
const mainAddress = sql<
  string | null
>`(select ${units.address} from ${units} where ${units.landlordId} = ${leases.landlordId} and ${units.id} = ${leases.unitId})`;

/** The customer's own leases; archived ones (withdrawn by the landlord) are not the tenant's to see. */
const ownedBy = (owner: LeaseOwner): SQL =>
  and(eq(leases.landlordId, owner.landlordId), eq(leases.customerId, owner.customerId), isNull(leases.archivedAt))!;

// Lease numbers are unique per landlord: the number alone names a row (decision 9L3).
const byNumber = keyset([{ expr: leases.number, type: 'text' }], 'asc');

/**
 * Seed 002's table in lease-number order, a keyset page. Served by leases_landlord_customer_idx
 * (landlord_id, customer_id, number): the customer's rows in the page's order, no sort.
 */
export async function listPortalLeases(db: DbOrTx, owner: LeaseOwner, page: { cursor?: string | undefined; limit: number }) {
  const pos = byNumber.decode(page.cursor);
  const where = ownedBy(owner);
  const [rows, count] = await Promise.all([
    db
      .select({
        lease: leases,
        customerName: customers.name,
        address: mainAddress,
        areaM2: area,
        ...byNumber.select,
      })
      .from(leases)
      .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)))
      .where(and(where, byNumber.where(pos)))
      .orderBy(...byNumber.orderBy(pos))
      .limit(page.limit + 1),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(leases)
        .where(where)
        .orderBy(...byNumber.orderBy()),
    ),
  ]);
  return { ...byNumber.page(rows, page.limit, pos), ...count };
}

/** One of the customer's leases (not archived), with its customer's name, main address and area. */
export async function findPortalLease(db: DbOrTx, owner: LeaseOwner, leaseId: string) {
  const [row] = await db
    .select({ lease: leases, customerName: customers.name, address: mainAddress, areaM2: area })
    .from(leases)
    .innerJoin(customers, and(eq(customers.landlordId, leases.landlordId), eq(customers.id, leases.customerId)))
    .where(and(ownedBy(owner), eq(leases.id, leaseId)));
  return row;
}

/**
 * A lease held by one of several customers (a person's memberships, possibly at several landlords):
 * the signed PDF is opened by a plain link, which carries no customer header.
 */
export async function findLeaseOfOwners(db: DbOrTx, owners: LeaseOwner[], leaseId: string) {
  if (!owners.length) return undefined;
  const [row] = await db
    .select({ id: leases.id, landlordId: leases.landlordId, customerId: leases.customerId, number: leases.number })
    .from(leases)
    .where(
      and(
        eq(leases.id, leaseId),
        isNull(leases.archivedAt),
        or(...owners.map((o) => and(eq(leases.landlordId, o.landlordId), eq(leases.customerId, o.customerId)))),
      ),
    );
  return row;
}

/** A lease's units, the main unit first, then by number: what the tenant sees of each (floor included). */
export async function listPortalLeaseUnits(db: DbOrTx, p: { landlordId: string; leaseId: string; mainUnitId: string }) {
  return db
    .select({ id: units.id, number: units.number, type: units.type, address: units.address, areaM2: units.areaM2, floor: units.floor })
    .from(leaseUnits)
    .innerJoin(units, and(eq(units.landlordId, leaseUnits.landlordId), eq(units.id, leaseUnits.unitId)))
    .where(and(eq(leaseUnits.landlordId, p.landlordId), eq(leaseUnits.leaseId, p.leaseId)))
    .orderBy(sql`${units.id} = ${p.mainUnitId}::uuid desc`, asc(units.number));
}
